/**
 * Finding the number a trigger word is about ("BMI (body mass index) of 26", "an 8-point Glasgow coma
 * scale"): the nearest number beside it in its sentence, with only filler words between them, so a number
 * about something else further on ("BMI normal, weight 60 kg") is not taken.
 */
import type { NoteTokens } from '../text/note-tokens.ts';
import { numberAt, numberEndingAt } from './note-numbers.ts';
import type { NoteNumber } from './note-numbers.ts';

/** Words that may stand between a trigger and its number in any family. */
const COMMON_FILLER = ['of', 'was', 'is', 'were', 'at', 'a', 'an', 'the', 'with', 'de', 'about'];

/** A filler set: the common words and a family's own. */
export function fillerWords(own: readonly string[]): ReadonlySet<string> {
  return new Set([...COMMON_FILLER, ...own]);
}

/**
 * The nearest number on one side of token `i` (`step` 1: after, -1: before) within `reach` tokens of its
 * sentence, across filler words only.
 */
function numberBeside(
  tokens: NoteTokens,
  i: number,
  reach: number,
  filler: ReadonlySet<string>,
  step: 1 | -1,
): NoteNumber | undefined {
  const { norm, sentence } = tokens;
  for (
    let j = i + step;
    Math.abs(j - i) <= reach && j >= 0 && j < norm.length && sentence[j] === sentence[i];
    j += step
  ) {
    const n = step === 1 ? numberAt(tokens, j) : numberEndingAt(tokens, j);
    if (n) return n;
    if (!filler.has(norm[j]!)) return undefined;
  }
  return undefined;
}

/** The first number after token `i` within `reach` tokens of its sentence, across filler words only. */
export function numberAfter(tokens: NoteTokens, i: number, reach: number, filler: ReadonlySet<string>) {
  return numberBeside(tokens, i, reach, filler, 1);
}

/** The last number before token `i` within `reach` tokens of its sentence, across filler words only. */
export function numberBefore(tokens: NoteTokens, i: number, reach: number, filler: ReadonlySet<string>) {
  return numberBeside(tokens, i, reach, filler, -1);
}

/** The nearest token in [from, to] of `i`'s sentence whose word is in `words`, if any. */
export function nearestWord(
  tokens: NoteTokens,
  i: number,
  from: number,
  to: number,
  words: ReadonlySet<string>,
): number | undefined {
  const { norm, sentence } = tokens;
  let best: number | undefined;
  for (let j = Math.max(0, from); j <= to && j < norm.length; j++) {
    if (sentence[j] !== sentence[i] || !words.has(norm[j]!)) continue;
    if (best === undefined || Math.abs(j - i) < Math.abs(best - i)) best = j;
  }
  return best;
}
