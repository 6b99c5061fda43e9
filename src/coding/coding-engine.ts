/**
 * A coding engine: the code sets, the dictionary built from them (once), the trained model and the
 * assertion detector. Create it once and code many notes with codeNote().
 */
import type { CodeSet } from '../terminology/code-set.ts';
import type { AssertionDetector } from './assertion/assertion-flags.ts';
import { detectorByName } from './assertion/detector-by-name.ts';
import type { CandidateResources } from './candidates/collect-candidates.ts';
import type { CodingProfile } from './coding-result.ts';
import type { CodingModel } from './learned/coding-model.ts';
import { buildCodeDictionary } from './matcher/code-dictionary.ts';
import { buildHcpcsDrugs } from './matcher/hcpcs-drugs.ts';
import type { HcpcsDrugs } from './matcher/hcpcs-drugs.ts';

export interface CodingEngineOptions {
  /** ICD-10-CM code set (with tabular notes and index when available). */
  readonly cm: CodeSet;
  /** ICD-10-PCS code set; without it no PCS code is proposed. */
  readonly pcs?: CodeSet;
  /** HCPCS Level II code set; with it, administered drugs get their J codes (us profile). */
  readonly hcpcs?: CodeSet;
  readonly model?: CodingModel;
  readonly assertion?: AssertionDetector;
  readonly profile?: CodingProfile;
}

export interface CodingEngine {
  readonly resources: CandidateResources;
  readonly profile: CodingProfile;
  readonly hcpcs: { readonly codeSet: CodeSet; readonly drugs: HcpcsDrugs } | undefined;
}

/** Builds the engine (the dictionary takes a fraction of a second for a full ICD-10-CM release). */
export function createCodingEngine(options: CodingEngineOptions): CodingEngine {
  const model = options.model;
  const priors = new Map<string, number>();
  if (model) model.associations.codes.forEach((c, i) => priors.set(c, model.associations.codeDocs[i]!));
  return {
    profile: options.profile ?? 'us',
    hcpcs: options.hcpcs ? { codeSet: options.hcpcs, drugs: buildHcpcsDrugs(options.hcpcs) } : undefined,
    resources: {
      cm: options.cm,
      pcs: options.pcs,
      dictionary: buildCodeDictionary(options.cm),
      model,
      priors,
      assertion: options.assertion ?? detectorByName(model?.assertion ?? 'lexical'),
    },
  };
}
