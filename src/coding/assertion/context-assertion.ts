/**
 * The assertion detector backed by the NLP layer's ConText implementation (src/nlp: medspaCy ConText rules and
 * NegEx triggers, sentence and section aware). A mention in a family-history section counts as a relative's,
 * one in a past-history section as historical.
 */
import { analyzeNote, assertionOf } from '../../nlp/index.ts';
import type { AssertionDetector } from './assertion-flags.ts';

export const contextAssertion: AssertionDetector = (tokens) => {
  const analysis = analyzeNote(tokens.text);
  return (first, last) => {
    const a = assertionOf(analysis, tokens.start[first]!, tokens.end[last]!);
    return {
      negated: a.negated,
      uncertain: a.uncertain,
      historical: a.historical || a.inPastHistorySection,
      family: a.family || a.inFamilyHistorySection,
      hypothetical: a.hypothetical,
    };
  };
};
