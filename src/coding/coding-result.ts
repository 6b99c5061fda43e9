/**
 * What the coding engine returns for one note: codes in sequence with their evidence, the mentions it chose
 * not to code and why, and documentation-improvement opportunities. Pure types.
 */
import type { IsoDate } from '../core/dates.ts';

export const SETTINGS = ['outpatient', 'inpatient', 'emergency'] as const;
export type Setting = (typeof SETTINGS)[number];

/**
 * Coding conventions to follow. `us`: ICD-10-CM Official Guidelines (integral signs and symptoms dropped,
 * billable leaves only). `codiesp`: the CodiEsp gold convention (symptoms coded even with a definitive
 * diagnosis, codes may stop above the leaf), used to evaluate against that gold.
 */
export const PROFILES = ['us', 'codiesp'] as const;
export type CodingProfile = (typeof PROFILES)[number];

/** The encounter a note belongs to. */
export interface EncounterContext {
  readonly setting: Setting;
  readonly date?: IsoDate;
  readonly age?: number;
  readonly sex?: 'F' | 'M';
}

/** A piece of the note that supports a code: character offsets into the input text, and its section. */
export interface EvidenceSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly section: string;
}

export type ResultSystem = 'icd10cm' | 'icd10pcs' | 'hcpcs';

export interface CodedItem {
  readonly system: ResultSystem;
  /** Normalized code (no dot). */
  readonly code: string;
  /** Display form (ICD-10-CM with its dot). */
  readonly display: string;
  readonly description: string;
  /** Probability-like score in 0..1 from the reranker, after rules. */
  readonly confidence: number;
  readonly evidence: readonly EvidenceSpan[];
  /** The dictionary phrase / index path / learned phrase or rule that produced the code. */
  readonly source: string;
  /** The guideline or convention applied, e.g. "I.A.15 'with'". */
  readonly guideline?: string;
}

export const NOT_CODED_REASONS = [
  'negated',
  'uncertain-outpatient',
  'family-history-only',
  'historical',
  'hypothetical',
  'integral-symptom',
  'excludes1-conflict',
  'combined',
  'below-threshold',
] as const;
export type NotCodedReason = (typeof NOT_CODED_REASONS)[number];

export interface NotCoded {
  readonly system: ResultSystem;
  readonly code: string;
  readonly display: string;
  readonly description: string;
  readonly reason: NotCodedReason;
  readonly evidence: readonly EvidenceSpan[];
  readonly detail?: string;
}

/** An "unspecified" code chosen because the note does not state the axis its siblings differ by. */
export interface DocumentationOpportunity {
  readonly code: string;
  readonly axis: string;
  /** The values of that axis, taken from the sibling codes' titles. */
  readonly values: readonly string[];
  readonly query: string;
}

export interface CodingResult {
  readonly context: EncounterContext;
  /** First-listed / principal first. */
  readonly diagnoses: readonly CodedItem[];
  readonly procedures: readonly CodedItem[];
  readonly notCoded: readonly NotCoded[];
  readonly documentation: readonly DocumentationOpportunity[];
  /** Every candidate, accepted or not, best first: the ranked list MAP is computed on. */
  readonly ranked: readonly {
    readonly code: string;
    readonly system: ResultSystem;
    readonly confidence: number;
  }[];
}
