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

/**
 * Builds a working code. Every rule makes them here, never by spreading another: objects from one site share
 * one hidden class, which keeps the engine's optimized code from being thrown away on each new shape.
 */
export function workingCode(
  system: ResultSystem,
  code: string,
  confidence: number,
  mentions: readonly CandidateMention[],
  source: string,
  guideline?: string,
): WorkingCode {
  return { system, code, confidence, mentions, source, guideline };
}

/** `item` with another code and, when it has none yet, a guideline. */
export function recoded(item: WorkingCode, code: string, guideline: string): WorkingCode {
  return workingCode(
    item.system,
    code,
    item.confidence,
    item.mentions,
    item.source,
    item.guideline ?? guideline,
  );
}

/** A code set aside (one site, one hidden class, as for working codes). */
export function setAsideItem(item: WorkingCode, reason: NotCodedReason, detail?: string): SetAside {
  return { item, reason, detail };
}

// Each field's every kind of value once at load (a number with and without a fraction, a guideline and a
// detail present and absent): the hidden classes settle before the engine's hot code is optimized for them.
for (const [confidence, text] of [
  [0, undefined],
  [0.5, ''],
] as const) {
  setAsideItem(workingCode('icd10cm', '', confidence, [], '', text), 'combined', text);
}

export interface RuleOutcome {
  readonly kept: WorkingCode[];
  readonly setAside: SetAside[];
}
