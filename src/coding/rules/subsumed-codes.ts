/**
 * One condition, one code (ICD-10-CM): when two codes of one chapter (one category, or a block of categories: K35 acute and K37
 * unspecified appendicitis) come from the same words and one phrase contains the other ("chronic kidney
 * disease" inside "stage 3 chronic kidney disease"), only the code of the longer phrase is reported — or,
 * for the very same words, the better-ranked code — per the rule to code to the highest specificity
 * documented (I.B.1 / I.A.4).
 */
import type { CandidateMention } from '../learned/candidate-features.ts';
import { setAsideItem } from './working-code.ts';
import type { RuleOutcome, WorkingCode } from './working-code.ts';

function within(inner: CandidateMention, outer: CandidateMention, strict: boolean): boolean {
  const longer = outer.last - outer.first > inner.last - inner.first;
  return outer.first <= inner.first && inner.last <= outer.last && (longer || !strict);
}

function overlaps(a: CandidateMention, b: CandidateMention): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/**
 * `a` subsumes `b`; `aFirst` says `a` is ranked before `b`, so the same words suffice. Two siblings (one
 * parent: "acute on chronic" and "chronic" systolic heart failure) read from overlapping words are one
 * condition too: the better-ranked one stays.
 */
function subsumes(a: WorkingCode, b: WorkingCode, aFirst: boolean): boolean {
  if (a === b || a.system !== 'icd10cm' || b.system !== 'icd10cm' || b.mentions.length === 0) return false;
  // One chapter (same first letter), siblings included: every note asks this of every pair of its codes, and
  // most pairs differ here.
  if (a.code.charCodeAt(0) !== b.code.charCodeAt(0)) return false;
  const siblings = a.code.length === b.code.length && a.code.slice(0, -1) === b.code.slice(0, -1);
  if (siblings && aFirst && b.mentions.some((m) => inPhrase(a, (o) => overlaps(m, o)))) return true;
  // A phrase inside a longer phrase of another code is that code's.
  return b.mentions.every((m) => inPhrase(a, (o) => within(m, o, !aFirst)));
}

/**
 * Whether one of a code's phrases (its mentions but the loose ones: a loose match's span is the stretch its
 * words sit in, not a phrase, and contains no other code's words) passes `test`.
 */
function inPhrase(a: WorkingCode, test: (phrase: CandidateMention) => boolean): boolean {
  for (const o of a.mentions) if (!o.loose && test(o)) return true;
  return false;
}

/**
 * Sets aside codes subsumed by another (items ranked best first). Two codes that each subsume the other (a
 * better-ranked sibling from fewer words: "Glasgow 6" and "Glasgow 6/15") are one condition: the better-ranked
 * one stays, rather than each setting the other aside.
 */
export function dropSubsumedCodes(items: readonly WorkingCode[]): RuleOutcome {
  const out: RuleOutcome = { kept: [], setAside: [] };
  items.forEach((item, i) => {
    const by = items.find(
      (other, j) => subsumes(other, item, j < i) && !(j > i && subsumes(item, other, true)),
    );
    if (by)
      out.setAside.push(setAsideItem(item, 'combined', `${by.code} codes the same words more specifically`));
    else out.kept.push(item);
  });
  return out;
}
