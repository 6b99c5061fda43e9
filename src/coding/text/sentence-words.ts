/**
 * The words of the sentence a token sits in, with their adjacent pairs ("stage 3b"), so a number is read next
 * to its word and not as any axis value ("type 2 diabetes ... CKD stage 3b" does not state "stage 2"). What
 * the specificity rules look for when they walk a header down to the child the sentence states.
 */
import type { NoteTokens } from './note-tokens.ts';

/** Adds the words (and adjacent pairs) of the sentence holding token `at` to `into`; returns it. */
export function addSentenceWords(tokens: NoteTokens, at: number, into: Set<string> = new Set()): Set<string> {
  const { norm, sentence } = tokens;
  const s = sentence[at]!;
  // Sentence numbers never decrease along the tokens: the sentence is the run around the token.
  let a = at;
  while (a > 0 && sentence[a - 1] === s) a--;
  for (let i = a; i < norm.length && sentence[i] === s; i++) {
    into.add(norm[i]!);
    if (i > a) into.add(`${norm[i - 1]!} ${norm[i]!}`);
  }
  return into;
}
