/**
 * The numeric range a code title states ("Body mass index [BMI] 25.0-25.9, adult", "23 weeks gestation of
 * pregnancy", "Glasgow coma scale score 13-15", "less than 500 grams"), so a value read from a note finds its
 * code among siblings without a hand table. Ranges are half-open [lo, hi): an inclusive upper bound written to
 * one decimal ("25.9") ends one step later (26.0), so 25.95 still falls in it.
 */
import type { CodeSet } from '../../terminology/code-set.ts';

export interface NumericRange {
  readonly lo: number;
  readonly hi: number;
}

/** A code and the range its title states. */
export interface RangedCode extends NumericRange {
  readonly code: string;
  readonly title: string;
}

/** A bound: a number with an optional ordinal ("5th") and a "%" that puts it in another unit. */
const BOUND = String.raw`(\d+(?:\.\d+)?)(?:st|nd|rd|th)?(%?)`;
/** Every pattern starts at the title's first number (`^\D*`), so a later number is never taken for a bound. */
const PATTERNS: readonly (readonly [RegExp, (a: Bound, b: Bound) => NumericRange | undefined])[] = [
  // "5th percentile to less than 85th percentile"; an upper bound in another unit ("120% of the 95th
  // percentile") leaves the range open above: a percentile from the note cannot exceed it.
  [
    new RegExp(String.raw`^\D*?${BOUND}\D*?\bto less than ${BOUND}`),
    (a, b) => range(a, b.other ? Infinity : b.value),
  ],
  [new RegExp(String.raw`^\D*?${BOUND}\s*-\s*${BOUND}`), (a, b) => range(a, b.other ? Infinity : after(b))],
  [new RegExp(String.raw`^\D*?\bgreater than or equal to ${BOUND}`), (a) => range(a, Infinity)],
  [new RegExp(String.raw`^\D*?\bgreater than ${BOUND}`), (a) => range({ ...a, value: after(a) }, Infinity)],
  [new RegExp(String.raw`^\D*?\bless than ${BOUND}`), (a) => upTo(a, a.value)],
  [new RegExp(String.raw`^\D*?${BOUND}\D*?\bor less\b`), (a) => upTo(a, after(a))],
  [new RegExp(String.raw`^\D*?${BOUND}\D*?\bor (?:greater|more)\b`), (a) => range(a, Infinity)],
  // A single value ("23 weeks gestation"): that unit, up to the next.
  [new RegExp(String.raw`^\D*?${BOUND}\D*$`), (a) => range(a, after(a))],
];

interface Bound {
  readonly value: number;
  /** Digits after the decimal point, as written. */
  readonly decimals: number;
  /** Written as a percentage of something else ("120% of the 95th percentile"): another unit. */
  readonly other: boolean;
}

function boundOf(digits: string | undefined, percent: string | undefined): Bound | undefined {
  if (digits === undefined) return undefined;
  const dot = digits.indexOf('.');
  return { value: Number(digits), decimals: dot < 0 ? 0 : digits.length - dot - 1, other: percent === '%' };
}

/** The value one step (of the bound's written precision) above an inclusive bound: 25.9 → 26, 42 → 43. */
function after(b: Bound): number {
  const scale = 10 ** b.decimals;
  return (Math.round(b.value * scale) + 1) / scale;
}

function range(lo: Bound, hi: number): NumericRange | undefined {
  return lo.other ? undefined : { lo: lo.value, hi };
}

function upTo(b: Bound, hi: number): NumericRange | undefined {
  return b.other ? undefined : { lo: -Infinity, hi };
}

/** The range a title (or the part of it that varies between siblings) states, if it states one. */
export function titleRange(title: string): NumericRange | undefined {
  const text = title.toLowerCase();
  for (const [pattern, make] of PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const a = boundOf(m[1], m[2])!;
    const b = boundOf(m[3], m[4]) ?? a;
    return make(a, b);
  }
  return undefined;
}

/** The code whose range holds `value` (the first in tabular order), if any. */
export function codeFor(codes: readonly RangedCode[], value: number): RangedCode | undefined {
  return codes.find((c) => value >= c.lo && value < c.hi);
}

/** Ranged codes per code set and key, built once: the same families are read for every note. */
const RANGED = new WeakMap<CodeSet, Map<string, readonly RangedCode[]>>();

/** The codes `pick` returns, with the range of their title (codes whose title states none are left out). */
export function rangedCodes(
  codeSet: CodeSet,
  key: string,
  pick: (codeSet: CodeSet) => Iterable<{ readonly code: string; readonly title: string }>,
): readonly RangedCode[] {
  let byKey = RANGED.get(codeSet);
  if (!byKey) RANGED.set(codeSet, (byKey = new Map()));
  let codes = byKey.get(key);
  if (!codes) {
    codes = [...pick(codeSet)].flatMap((r) => {
      const found = titleRange(r.title);
      return found ? [{ code: r.code, title: r.title, ...found }] : [];
    });
    byKey.set(key, codes);
  }
  return codes;
}
