/**
 * The trained part of the engine, as stored in a JSON file: phrase → code associations and one reranker
 * per code system with its acceptance threshold. Produced by scripts/train-coding.ts from CodiEsp train.
 */
import { MedcodeError } from '../../core/medcode-error.ts';
import type { AssertionDetectorName } from '../assertion/assertion-flags.ts';
import type { CandidateSystem, CodeStats } from './candidate-features.ts';
import { FEATURE_NAMES } from './candidate-features.ts';
import type { TreeEnsemble } from './boosted-trees.ts';
import type { LogisticModel } from './logistic-regression.ts';
import type { CentroidData } from './code-centroids.ts';
import type { NeighbourData } from './document-neighbours.ts';
import type { PcsForms } from './pcs-prefix-forms.ts';
import type { PhraseAssociationData } from './phrase-associations.ts';
import type { RerankerKind } from './reranker-confidence.ts';

export interface CodingModel {
  readonly format: 'medcode-coding-model/1';
  /** Data source and licence (CodiEsp is CC BY 4.0; attribution travels with the model). */
  readonly attribution: string;
  readonly featureNames: readonly string[];
  /** The assertion detector the features were computed with; the engine uses the same one. */
  readonly assertion: AssertionDetectorName;
  /** Codes are stored as "icd10cm|R52" / "icd10pcs|BW03ZZZ". */
  readonly associations: PhraseAssociationData;
  /**
   * When present, PCS codes are stored per 4-character prefix ("icd10pcs|BW20") and each prefix is emitted as
   * this full code (pcs-prefix-forms.ts); a prefix without an entry is emitted as is.
   */
  readonly pcsForms?: PcsForms;
  /** Training documents as TF-IDF neighbours with the codes they carry. */
  readonly neighbours: NeighbourData;
  /** Per frequent code, the sum of its training documents' vectors (a Rocchio prototype). */
  readonly centroids: CentroidData;
  readonly rerankers: Readonly<Record<CandidateSystem, LogisticModel>>;
  /** How the confidence is computed (reranker-confidence.ts); absent in older files: `blend`. */
  readonly reranker?: RerankerKind;
  /** Boosted trees (rerankers `trees` and `blend`). */
  readonly boosted?: Readonly<Record<CandidateSystem, TreeEnsemble>>;
  /** Per stored code key: (times gold, times a candidate) over the training documents. */
  readonly codeStats: CodeStats;
  /** Overall share of training candidates that were gold, per system. */
  readonly baseRates: Readonly<Record<CandidateSystem, number>>;
  /** Confidence at or above which a candidate is emitted: half the best held-out F1 on training data. */
  readonly thresholds: Readonly<Record<CandidateSystem, number>>;
  /** Micro F1 at those thresholds on held-out training documents (nested cross-validation, or plain out-of-fold with --quick). */
  readonly trainingF1?: Readonly<Record<CandidateSystem, number>>;
  /** MAP of the candidates ranked by the same held-out confidences (training documents). */
  readonly trainingMap?: Readonly<Record<CandidateSystem, number>>;
}

/** Splits a stored candidate key into its system and code. */
export function splitModelCode(key: string): { system: CandidateSystem; code: string } {
  const bar = key.indexOf('|');
  return { system: key.slice(0, bar) as CandidateSystem, code: key.slice(bar + 1) };
}

/** Validates a parsed model file; `file` is for the error message. */
export function parseCodingModel(value: unknown, file: string): CodingModel {
  const m = value as Partial<CodingModel> | null;
  const ok =
    m !== null &&
    typeof m === 'object' &&
    m.format === 'medcode-coding-model/1' &&
    Array.isArray(m.featureNames) &&
    m.featureNames.join(',') === FEATURE_NAMES.join(',') &&
    m.associations !== undefined &&
    m.neighbours !== undefined &&
    m.centroids !== undefined &&
    m.rerankers !== undefined &&
    m.thresholds !== undefined &&
    m.codeStats !== undefined;
  if (!ok) {
    throw new MedcodeError('INVALID_INPUT', 'not a coding model of this version of medcode', {
      location: { file },
      hint: 'Retrain it: npx tsx scripts/train-coding.ts',
    });
  }
  return m as CodingModel;
}
