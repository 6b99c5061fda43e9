/**
 * How much of a code's title one sentence of the note says: the largest share of the title's words that
 * occur together in a sentence. A code proposed by a phrase learned elsewhere, or by the nearest training
 * reports, is likelier right when some sentence also states what its title says ("Chronic kidney disease,
 * stage 3" beside "chronic kidney disease stage 3"). Words are compared as the tokenizer folds them; words
 * that only qualify a title ("unspecified", "other", the side) are left out: the specificity rules read those.
 */
import type { NoteTokens } from '../text/note-tokens.ts';
import { isStopword, titleTokens, tokenIds } from '../text/note-tokens.ts';
import { wordId } from '../text/token-vocabulary.ts';

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

/** Per-note scratch: words wanted and the sentences they occur in; per sentence, the words found there. */
const sentencesOf = new Map<number, number[]>();
let found = new Int32Array(256);

/**
 * For each title (its titleWordIds; undefined: not a diagnosis code, 0), the largest share of its words found
 * in one sentence of the note.
 */
export function titleCoverages(
  tokens: NoteTokens,
  titles: readonly (Int32Array | undefined)[],
): Float64Array {
  const out = new Float64Array(titles.length);
  for (const t of titles) if (t) for (const id of t) if (id >= 0) sentencesOf.set(id, []);
  if (sentencesOf.size === 0) return out;
  const ids = tokenIds(tokens);
  for (let i = 0; i < ids.length; i++) {
    const list = sentencesOf.get(ids[i]!);
    if (list === undefined) continue;
    const s = tokens.sentence[i]!;
    if (list[list.length - 1] !== s) list.push(s);
  }
  if (found.length < tokens.sentenceCount) found = new Int32Array(tokens.sentenceCount * 2);
  const touched: number[] = [];
  for (let k = 0; k < titles.length; k++) {
    const t = titles[k];
    if (!t || t.length === 0) continue;
    let best = 0;
    for (const id of t) {
      if (id < 0) continue;
      for (const s of sentencesOf.get(id)!) {
        if (found[s] === 0) touched.push(s);
        best = Math.max(best, ++found[s]!);
      }
    }
    out[k] = best / t.length;
    for (const s of touched) found[s] = 0;
    touched.length = 0;
  }
  sentencesOf.clear();
  return out;
}
