/**
 * One condition, one code: when two codes of the same category come from the same words and one phrase
 * contains the other ("chronic kidney disease" inside "stage 3 chronic kidney disease"), only the code of
 * the longer phrase is reported, per the rule to code to the highest specificity documented (I.B.1 / I.A.4).
 */
import type { CandidateMention } from '../learned/candidate-features.ts';
import type { RuleOutcome, WorkingCode } from './working-code.ts';

function within(inner: CandidateMention, outer: CandidateMention): boolean {
  return (
    outer.first <= inner.first &&
    inner.last <= outer.last &&
    outer.last - outer.first > inner.last - inner.first
  );
}

/** `a` subsumes `b`: same category, and every mention of `b` lies inside a longer mention of `a`. */
function subsumes(a: WorkingCode, b: WorkingCode): boolean {
  if (
    a === b ||
    a.system !== b.system ||
    a.code.slice(0, 3) !== b.code.slice(0, 3) ||
    b.mentions.length === 0
  )
    return false;
  return b.mentions.every((m) => a.mentions.some((o) => within(m, o)));
}

export function dropSubsumedCodes(items: readonly WorkingCode[]): RuleOutcome {
  const out: RuleOutcome = { kept: [], setAside: [] };
  for (const item of items) {
    const by = items.find((other) => subsumes(other, item));
    if (by)
      out.setAside.push({
        item,
        reason: 'combined',
        detail: `${by.code} codes the same words more specifically`,
      });
    else out.kept.push(item);
  }
  return out;
}
