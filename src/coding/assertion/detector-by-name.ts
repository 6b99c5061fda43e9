/** The assertion detector of a name (the model records which one it was trained with). */
import type { AssertionDetector, AssertionDetectorName } from './assertion-flags.ts';
import { contextAssertion } from './context-assertion.ts';
import { lexicalAssertion } from './lexical-assertion.ts';

export function detectorByName(name: AssertionDetectorName): AssertionDetector {
  return name === 'context' ? contextAssertion : lexicalAssertion;
}
