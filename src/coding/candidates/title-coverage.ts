/**
 * How much of a code's title one sentence of the note says: the largest share of the title's words that
 * occur together in a sentence. A code proposed by a phrase learned elsewhere, or by the nearest training
 * reports, is likelier right when some sentence also states what its title says ("Chronic kidney disease,
 * stage 3" beside "chronic kidney disease stage 3"). Words are compared as the tokenizer folds them; words
 * that only qualify a title ("unspecified", "other", the side) are left out: the specificity rules read those.
 */
import type { NoteTokens } from '../text/note-tokens.ts';
import { isStopword, titleTokens, tokenIds } from '../text/note-tokens.ts';
import { vocabularySize, wordId } from '../text/token-vocabulary.ts';

/** Title words that qualify a code rather than name what it is. */
const QUALIFIERS: ReadonlySet<string> = new Set(
  (
    'unspecified other specified elsewhere classified not without due encounter initial subsequent sequela ' +
    'type site part no nos left right than more less has have had use'
  ).split(' '),
);

/**
 * The vocabulary ids of a title's naming words, each once; -1 for a word no matcher knows (it counts in the
 * share and can never be found in a note).
 */
export function titleWordIds(title: string): Int32Array {
  const words = new Set(
    titleTokens(title).filter((w) => w.length > 1 && !isStopword(w) && !QUALIFIERS.has(w)),
  );
  return Int32Array.from(words, wordId);
}

/**
 * Per-note scratch in typed arrays (this runs for every note): per vocabulary id, the note that wants it and
 * the last of its occurrences; per occurrence, its sentence and the one before it (a list per word, one entry
 * per sentence); per sentence, the title words found there.
 */
let noteNumber = 0;
// Sized for the vocabulary and for notes of many thousand tokens from the start: V8 treats a module variable
// never assigned again as a constant in optimized code, and the first assignment (a longer note) throws that
// code away.
let wantedBy = new Int32Array(1 << 16);
let lastOccurrence = new Int32Array(1 << 16);
let occurrenceSentence = new Int32Array(1 << 14);
let previousOccurrence = new Int32Array(1 << 14);
let found = new Int32Array(1 << 12);
const touched: number[] = [];

/**
 * For each title (its titleWordIds; undefined: not a diagnosis code, 0), the largest share of its words found
 * in one sentence of the note.
 */
export function titleCoverages(
  tokens: NoteTokens,
  titles: readonly (Int32Array | undefined)[],
): Float64Array {
  const out = new Float64Array(titles.length);
  if (wantedBy.length < vocabularySize()) {
    wantedBy = new Int32Array(vocabularySize() * 2);
    lastOccurrence = new Int32Array(vocabularySize() * 2);
  }
  const note = ++noteNumber;
  let wanted = 0;
  for (const t of titles) {
    if (!t) continue;
    for (const id of t) {
      if (id < 0 || wantedBy[id] === note) continue;
      wantedBy[id] = note;
      lastOccurrence[id] = -1;
      wanted++;
    }
  }
  if (wanted === 0) return out;
  const ids = tokenIds(tokens);
  if (occurrenceSentence.length < ids.length) {
    occurrenceSentence = new Int32Array(ids.length * 2);
    previousOccurrence = new Int32Array(ids.length * 2);
  }
  let n = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (id < 0 || wantedBy[id] !== note) continue;
    const s = tokens.sentence[i]!;
    const last = lastOccurrence[id]!;
    if (last >= 0 && occurrenceSentence[last] === s) continue;
    occurrenceSentence[n] = s;
    previousOccurrence[n] = last;
    lastOccurrence[id] = n++;
  }
  if (found.length < tokens.sentenceCount) found = new Int32Array(tokens.sentenceCount * 2);
  for (let k = 0; k < titles.length; k++) {
    const t = titles[k];
    if (!t || t.length === 0) continue;
    let best = 0;
    for (const id of t) {
      if (id < 0) continue;
      for (let e = lastOccurrence[id]!; e >= 0; e = previousOccurrence[e]!) {
        const s = occurrenceSentence[e]!;
        if (found[s] === 0) touched.push(s);
        best = Math.max(best, ++found[s]!);
      }
    }
    out[k] = best / t.length;
    for (const s of touched) found[s] = 0;
    touched.length = 0;
  }
  return out;
}
