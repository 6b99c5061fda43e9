/**
 * The words the engine's matchers know (dictionary and table phrases, trigger lists), each with a small
 * integer id; stopwords take the first ids. A note's tokens are looked up here once, when it is tokenized,
 * so every matcher walks integers instead of hashing the same strings again. Only building a matcher adds
 * words (never coding a note), so the vocabulary is bounded by the dictionaries in use.
 */

const STOPWORD_LIST = (
  'a an the of and or in on at to for with by from as is was were be been are this that these those it its ' +
  'his her their he she they we our which who whom than then there also into per de da del la le'
).split(' ');

const STOPWORDS: ReadonlySet<string> = new Set(STOPWORD_LIST);

/** Whether a normalized token carries no meaning on its own (n-grams may not start or end on one). */
export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}

const IDS = new Map<string, number>();
const WORDS: string[] = [];

/** The id of a word, adding it when new (build time only). */
export function internWord(word: string): number {
  let id = IDS.get(word);
  if (id === undefined) {
    id = WORDS.length;
    IDS.set(word, id);
    WORDS.push(word);
  }
  return id;
}

for (const w of STOPWORD_LIST) internWord(w);

/** Ids below this are stopwords; -1 (an unknown word) is below it too. */
export const STOPWORD_IDS = WORDS.length;

/** The id of a known word, or -1. */
export function wordId(word: string): number {
  return IDS.get(word) ?? -1;
}

/** The vocabulary's own copy of a known word (one string per word across notes), else the word itself. */
export function canonicalWord(id: number, word: string): string {
  return id < 0 ? word : WORDS[id]!;
}

/** Number of known words: grows when a matcher is built, so ids taken before may miss newer words. */
export function vocabularySize(): number {
  return WORDS.length;
}
