/**
 * Excludes1 conflicts (Guidelines I.A.12.a): two codes where one's Excludes1 note (on the code or any
 * ancestor up to its category) names the other are never reported together; the less confident one is set
 * aside. The exception for unrelated conditions cannot be judged from text alone, so the coder sees it.
 */
import type { CodeSet } from '../../terminology/code-set.ts';
import { keyInRange, sortKey } from '../../terminology/note-ranges.ts';
import { setAsideItem } from './working-code.ts';
import type { RuleOutcome, WorkingCode } from './working-code.ts';

/** Excludes1 ranges of a code and its ancestors, with the first letters they can take in (a quick reject). */
interface Excludes1Info {
  /** The ranges with the sort keys of their ends (sortKey), taken once per code instead of per comparison. */
  readonly ranges: readonly ExcludedRange[];
  /** Bit (letter - "A") of every first letter from a range's first code to its last. */
  readonly letters: number;
}

interface ExcludedRange {
  readonly first: string;
  readonly last: string;
  readonly firstKey: string;
  readonly lastKey: string;
}

/** Per code set and code: the same codes recur in every note. */
const INFO = new WeakMap<CodeSet, Map<string, Excludes1Info>>();

function letterBit(code: string): number {
  const k = code.charCodeAt(0) - 65;
  return k >= 0 && k < 26 ? 1 << k : 0;
}

function excludes1Info(codeSet: CodeSet, code: string): Excludes1Info {
  let cache = INFO.get(codeSet);
  if (!cache) INFO.set(codeSet, (cache = new Map()));
  let info = cache.get(code);
  if (!info) {
    const ranges: ExcludedRange[] = [];
    for (let c = code; c.length >= 3; c = c.slice(0, -1)) {
      for (const note of codeSet.notesOf(c)) {
        if (note.type !== 'excludes1') continue;
        // Copied into objects of one shape: ranges parsed in different ways differ, and every note's codes
        // are checked against them (optimized code for one shape is discarded when it meets another).
        for (const r of note.ranges)
          ranges.push({ first: r.first, last: r.last, firstKey: sortKey(r.first), lastKey: sortKey(r.last) });
      }
    }
    let letters = 0;
    for (const r of ranges) {
      const [a, b] = [letterBit(r.first), letterBit(r.last)];
      // A range whose ends are not letters A-Z is never rejected by letter.
      letters |= a === 0 || b === 0 || b < a ? -1 : (b << 1) - a;
    }
    cache.set(code, (info = { ranges, letters }));
  }
  return info;
}

function excludes(info: Excludes1Info, other: string): boolean {
  if ((info.letters & letterBit(other)) === 0) return false;
  const key = sortKey(other);
  return info.ranges.some((r) => keyInRange(key, other, r.firstKey, r.lastKey, r.last));
}

/** Sets aside the lower-confidence code of each Excludes1 pair (items are ranked best first). */
export function resolveExcludes1(codeSet: CodeSet, items: readonly WorkingCode[]): RuleOutcome {
  const out: RuleOutcome = { kept: [], setAside: [] };
  const kept: { readonly item: WorkingCode; readonly info: Excludes1Info }[] = [];
  for (const item of items) {
    const info = item.system === 'icd10cm' ? excludes1Info(codeSet, item.code) : undefined;
    const clash = info
      ? kept.find((k) => excludes(k.info, item.code) || excludes(info, k.item.code))?.item
      : undefined;
    if (clash)
      out.setAside.push(setAsideItem(item, 'excludes1-conflict', `Excludes1 with ${clash.code} (I.A.12.a)`));
    else {
      out.kept.push(item);
      if (info) kept.push({ item, info });
    }
  }
  return out;
}
