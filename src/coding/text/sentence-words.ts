/**
 * The words of the sentence a token sits in, with their adjacent pairs ("stage 3b"), so a number is read next
 * to its word and not as any axis value ("type 2 diabetes ... CKD stage 3b" does not state "stage 2"). What
 * the specificity rules look for when they walk a header down to the child the sentence states.
 */
import type { NoteTokens } from './note-tokens.ts';

/** Whether a token holds a digit ("3b", "t12"). */
function hasDigit(word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/**
 * The eye abbreviations of ophthalmology notes, written in capitals (Latin and the Spanish of translated
 * reports: OD / OS / OU, OI "ojo izquierdo", AO "ambos ojos"; RE / LE), and the title words they state.
 */
const EYE_SIDES: ReadonlyMap<string, readonly string[]> = new Map([
  ['OD', ['right', 'eye']],
  ['RE', ['right', 'eye']],
  ['OS', ['left', 'eye']],
  ['OI', ['left', 'eye']],
  ['LE', ['left', 'eye']],
  ['OU', ['bilateral', 'eye']],
  ['AO', ['bilateral', 'eye']],
]);

/** The words an eye abbreviation states, if token `i` is one (two capitals as written). */
function eyeSide(tokens: NoteTokens, i: number): readonly string[] | undefined {
  if (tokens.end[i]! - tokens.start[i]! !== 2) return undefined;
  return EYE_SIDES.get(tokens.text.slice(tokens.start[i]!, tokens.end[i]!));
}

/**
 * Adds the words of the sentence holding token `at` to `into`, and the adjacent pairs whose second word holds
 * a digit ("stage 3b"): the only pairs read (a stated number, rules/specificity.ts), and the side an eye
 * abbreviation states ("LE": "left", "eye"), and "bilateral" for "both"; returns `into`.
 */
export function addSentenceWords(tokens: NoteTokens, at: number, into: Set<string> = new Set()): Set<string> {
  const { norm, sentence } = tokens;
  const s = sentence[at]!;
  // Sentence numbers never decrease along the tokens: the sentence is the run around the token.
  let a = at;
  while (a > 0 && sentence[a - 1] === s) a--;
  for (let i = a; i < norm.length && sentence[i] === s; i++) {
    const word = norm[i]!;
    into.add(word);
    if (i > a && hasDigit(word)) into.add(`${norm[i - 1]!} ${word}`);
    const side = word.length === 2 ? eyeSide(tokens, i) : undefined;
    if (side) for (const w of side) into.add(w);
    // "in both eyes", "both kidneys": the titles' "bilateral".
    if (word === 'both') into.add('bilateral');
  }
  return into;
}
