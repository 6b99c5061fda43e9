/**
 * The engine's working list between ranking and output: each code with its confidence, the mentions that
 * support it, and what produced it. Rules take a list and return a new list plus the codes they set aside.
 */
import type { NotCodedReason, ResultSystem } from '../coding-result.ts';
import type { CandidateMention } from '../learned/candidate-features.ts';

export interface WorkingCode {
  readonly system: ResultSystem;
  readonly code: string;
  readonly confidence: number;
  readonly mentions: readonly CandidateMention[];
  /** Dictionary phrase / index path, learned phrase, or rule that produced the code. */
  readonly source: string;
  readonly guideline?: string;
}

export interface SetAside {
  readonly item: WorkingCode;
  readonly reason: NotCodedReason;
  readonly detail?: string;
}

export interface RuleOutcome {
  readonly kept: WorkingCode[];
  readonly setAside: SetAside[];
}
