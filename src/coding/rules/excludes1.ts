/**
 * Excludes1 conflicts (Guidelines I.A.12.a): two codes where one's Excludes1 note (on the code or any
 * ancestor up to its category) names the other are never reported together; the less confident one is set
 * aside. The exception for unrelated conditions cannot be judged from text alone, so the coder sees it.
 */
import type { CodeSet } from '../../terminology/code-set.ts';
import { codeInRange } from '../../terminology/note-ranges.ts';
import type { CodeRange } from '../../terminology/model.ts';
import type { RuleOutcome, WorkingCode } from './working-code.ts';

type Ranges = readonly Pick<CodeRange, 'first' | 'last'>[];

/** Excludes1 ranges of a code and its ancestors, cached per code set (the same codes recur in every note). */
const RANGES = new WeakMap<CodeSet, Map<string, Ranges>>();

function excludes1Ranges(codeSet: CodeSet, code: string): Ranges {
  let cache = RANGES.get(codeSet);
  if (!cache) RANGES.set(codeSet, (cache = new Map()));
  let ranges = cache.get(code);
  if (!ranges) {
    const list: Pick<CodeRange, 'first' | 'last'>[] = [];
    for (let c = code; c.length >= 3; c = c.slice(0, -1)) {
      for (const note of codeSet.notesOf(c)) if (note.type === 'excludes1') list.push(...note.ranges);
    }
    cache.set(code, (ranges = list));
  }
  return ranges;
}

/** Answers per code pair, per code set: the same pairs recur across notes. Cleared when it grows large. */
const PAIRS = new WeakMap<CodeSet, Map<string, Map<string, boolean>>>();
const MAX_PAIRS = 100_000;
let pairCount = 0;

function excludes(codeSet: CodeSet, code: string, other: string): boolean {
  let byCode = PAIRS.get(codeSet);
  if (!byCode || pairCount > MAX_PAIRS) {
    PAIRS.set(codeSet, (byCode = new Map()));
    pairCount = 0;
  }
  let answers = byCode.get(code);
  if (!answers) byCode.set(code, (answers = new Map()));
  let answer = answers.get(other);
  if (answer === undefined) {
    answer = excludes1Ranges(codeSet, code).some((r) => codeInRange(other, r));
    answers.set(other, answer);
    pairCount++;
  }
  return answer;
}

/** Sets aside the lower-confidence code of each Excludes1 pair (items are ranked best first). */
export function resolveExcludes1(codeSet: CodeSet, items: readonly WorkingCode[]): RuleOutcome {
  const out: RuleOutcome = { kept: [], setAside: [] };
  for (const item of items) {
    const clash =
      item.system === 'icd10cm'
        ? out.kept.find(
            (k) =>
              k.system === 'icd10cm' &&
              (excludes(codeSet, k.code, item.code) || excludes(codeSet, item.code, k.code)),
          )
        : undefined;
    if (clash)
      out.setAside.push({
        item,
        reason: 'excludes1-conflict',
        detail: `Excludes1 with ${clash.code} (I.A.12.a)`,
      });
    else out.kept.push(item);
  }
  return out;
}
