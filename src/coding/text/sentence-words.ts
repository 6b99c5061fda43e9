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
 * Adds the words of the sentence holding token `at` to `into`, and the adjacent pairs whose second word holds
 * a digit ("stage 3b"): the only pairs read (a stated number, rules/specificity.ts); returns `into`.
 */
export function addSentenceWords(tokens: NoteTokens, at: number, into: Set<string> = new Set()): Set<string> {
  const { norm, sentence } = tokens;
  const s = sentence[at]!;
  // Sentence numbers never decrease along the tokens: the sentence is the run around the token.
  let a = at;
  while (a > 0 && sentence[a - 1] === s) a--;
  for (let i = a; i < norm.length && sentence[i] === s; i++) {
    into.add(norm[i]!);
    if (i > a && hasDigit(norm[i]!)) into.add(`${norm[i - 1]!} ${norm[i]!}`);
  }
  return into;
}
