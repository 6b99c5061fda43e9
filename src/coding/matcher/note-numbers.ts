/**
 * Numbers written in a note, read from its tokens and the characters between them: the tokenizer splits
 * "22.4" and "22,4" into "22" and "4", and "30+2" (weeks + days) into "30" and "2". A unit glued to the
 * digits ("41kg") stays with the number.
 */
import type { NoteTokens } from '../text/note-tokens.ts';

export interface NoteNumber {
  /** Digits before the separator. */
  readonly whole: number;
  /** Digits after a "." or ",", as written ("4" of "22,4", "060" of "2.060"); empty when none. */
  readonly fraction: string;
  /** Days after a "+" ("30+2"): read, and left out of the value. */
  readonly plus: number | undefined;
  /** Letters glued to the digits ("kg" of "41kg"). */
  readonly unit: string;
  readonly first: number;
  readonly last: number;
}

const DIGITS = /^\d+$/;
const GLUED = /^(\d+)([a-z]*)$/;

/** Characters between token `i` and the next one. */
export function gapAfter(tokens: NoteTokens, i: number): string {
  return i + 1 < tokens.norm.length ? tokens.text.slice(tokens.end[i], tokens.start[i + 1]) : '';
}

/** Whether token `j` follows token `i` in the same sentence. */
function joined(tokens: NoteTokens, i: number, j: number): boolean {
  return j < tokens.norm.length && tokens.sentence[i] === tokens.sentence[j];
}

/** The number that starts at token `i`, if the token starts with digits. */
export function numberAt(tokens: NoteTokens, i: number): NoteNumber | undefined {
  const m = GLUED.exec(tokens.norm[i] ?? '');
  if (!m) return undefined;
  const base = { whole: Number(m[1]), fraction: '', plus: undefined, unit: m[2]!, first: i, last: i };
  const next = tokens.norm[i + 1];
  if (m[2] !== '' || next === undefined || !DIGITS.test(next) || !joined(tokens, i, i + 1)) return base;
  const gap = gapAfter(tokens, i);
  if (gap === '.' || gap === ',') return { ...base, fraction: next, last: i + 1 };
  if (gap.trim() === '+') return { ...base, plus: Number(next), last: i + 1 };
  return base;
}

/** The number whose last token is `j` ("22.4" ending at "4"), if token `j` is digits. */
export function numberEndingAt(tokens: NoteTokens, j: number): NoteNumber | undefined {
  if (j < 0 || !GLUED.test(tokens.norm[j]!)) return undefined;
  // A mixed fraction ("10-1/2 week", "29 3/7 weeks"): the whole number before the fraction.
  if (j > 1 && gapAfter(tokens, j - 1) === '/' && DIGITS.test(tokens.norm[j - 2]!)) {
    const gap = gapAfter(tokens, j - 2);
    if ((gap === '-' || gap === ' ') && tokens.sentence[j - 2] === tokens.sentence[j]) {
      return { ...numberAt(tokens, j - 2)!, fraction: '', plus: undefined, last: j };
    }
  }
  if (j > 0 && DIGITS.test(tokens.norm[j - 1]!)) {
    const longer = numberAt(tokens, j - 1);
    if (longer?.last === j) return longer;
  }
  return numberAt(tokens, j);
}

/** The decimal value ("22,4" → 22.4). */
export function decimalValue(n: NoteNumber): number {
  return n.fraction === '' ? n.whole : Number(`${n.whole}.${n.fraction}`);
}

/**
 * A count written with a thousands separator or a decimal one: "2.060" and "1,800" (three digits after the
 * separator) are thousands, "3.2" (kilograms, say) a decimal.
 */
export function countValue(n: NoteNumber): number {
  return n.fraction.length === 3 ? n.whole * 1000 + Number(n.fraction) : decimalValue(n);
}

/**
 * Whether the number is one end of a range ("24 to 26 weeks", "24-26 weeks", "between 24 and 26"): its
 * value is not one the code can be chosen by.
 */
export function inRange(tokens: NoteTokens, n: NoteNumber): boolean {
  const { norm } = tokens;
  const before = n.first - 1;
  const after = n.last + 1;
  const isNumber = (i: number): boolean => i >= 0 && i < norm.length && /^\d/.test(norm[i]!);
  if (isNumber(before) && gapAfter(tokens, before).trim() === '-') return true;
  if (isNumber(after) && gapAfter(tokens, n.last).trim() === '-') return true;
  const joiner = (w: string | undefined): boolean => w === 'to' || w === 'and';
  return (joiner(norm[before]) && isNumber(before - 1)) || (joiner(norm[after]) && isNumber(after + 1));
}
