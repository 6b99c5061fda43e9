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

/** FNV-1a over character codes: the tokenizer hashes a word while scanning it, before making a string. */
export const HASH_SEED = 0x811c9dc5 | 0;

export function hashStep(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}

/**
 * Open-addressing table over the words' hashes, two entries per slot side by side (one cache line per probe):
 * id + 1 (0 for an empty slot), then the word's hash, so a probe compares hashes without reaching the word.
 */
let slots = new Int32Array(2 << 12);
/** Hash of each word by id, in a typed array: most hashes are beyond a small integer, boxed in a plain array. */
let HASHES = new Int32Array(1 << 11);
/**
 * The words' characters end to end (word `id` at CHAR_START[id] up to CHAR_START[id + 1]): a note's token is
 * compared with its word here, side by side with the other words, not in a string object somewhere on the heap
 * (a cache miss per token).
 */
let CHARS = new Uint16Array(1 << 14);
let CHAR_START = new Int32Array(1 << 11);

function place(id: number): void {
  const mask = (slots.length >> 1) - 1;
  let s = HASHES[id]! & mask;
  while (slots[2 * s] !== 0) s = (s + 1) & mask;
  slots[2 * s] = id + 1;
  slots[2 * s + 1] = HASHES[id]!;
}

/** The id of a word, adding it when new (build time only). */
export function internWord(word: string): number {
  let id = IDS.get(word);
  if (id === undefined) {
    id = WORDS.length;
    IDS.set(word, id);
    WORDS.push(word);
    let h = HASH_SEED;
    for (let k = 0; k < word.length; k++) h = hashStep(h, word.charCodeAt(k));
    if (id >= HASHES.length) {
      const bigger = new Int32Array(HASHES.length * 2);
      bigger.set(HASHES);
      HASHES = bigger;
    }
    HASHES[id] = h;
    if (id + 1 >= CHAR_START.length) {
      const bigger = new Int32Array(CHAR_START.length * 2);
      bigger.set(CHAR_START);
      CHAR_START = bigger;
    }
    const at = CHAR_START[id]!;
    if (at + word.length > CHARS.length) {
      const bigger = new Uint16Array(Math.max(CHARS.length * 2, at + word.length));
      bigger.set(CHARS);
      CHARS = bigger;
    }
    for (let k = 0; k < word.length; k++) CHARS[at + k] = word.charCodeAt(k);
    CHAR_START[id + 1] = at + word.length;
    if (WORDS.length * 4 > slots.length) {
      slots = new Int32Array(slots.length * 2);
      for (let w = 0; w < WORDS.length; w++) place(w);
    } else place(id);
  }
  return id;
}

function lower(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/**
 * The id of the word spelled by text[start, start + length) lower-cased (ASCII), followed by `tail` when it
 * is not -1, whose hash is `h`; -1 when no matcher knows it. No string is made.
 */
export function spelledWordId(h: number, text: string, start: number, length: number, tail: number): number {
  const mask = (slots.length >> 1) - 1;
  const total = tail < 0 ? length : length + 1;
  for (let s = h & mask; slots[2 * s] !== 0; s = (s + 1) & mask) {
    if (slots[2 * s + 1] !== h) continue;
    const id = slots[2 * s]! - 1;
    const at = CHAR_START[id]!;
    if (CHAR_START[id + 1]! - at !== total) continue;
    let k = 0;
    while (k < length && CHARS[at + k] === lower(text.charCodeAt(start + k))) k++;
    if (k === length && (tail < 0 || CHARS[at + k] === tail)) return id;
  }
  return -1;
}

/** The vocabulary's string of a word id. */
export function wordOf(id: number): string {
  return WORDS[id]!;
}

for (const w of STOPWORD_LIST) internWord(w);

/** Ids below this are stopwords; -1 (an unknown word) is below it too. */
export const STOPWORD_IDS = WORDS.length;

/** The id of a known word, or -1. */
export function wordId(word: string): number {
  return IDS.get(word) ?? -1;
}

/** Per word id, 1 for a word of a dictionary phrase (a term word): what unknown spellings are bridged to. */
let TERM_WORDS = new Uint8Array(1 << 11);
let termCount = 0;

/**
 * The id of a word of a dictionary phrase, marking it a term word (build time only): the spelling bridge
 * (spanish-spelling.ts) maps a note's words that are no term word to term words.
 */
export function internTermWord(word: string): number {
  const id = internWord(word);
  if (id >= TERM_WORDS.length) {
    const bigger = new Uint8Array(Math.max(TERM_WORDS.length * 2, id + 1));
    bigger.set(TERM_WORDS);
    TERM_WORDS = bigger;
  }
  if (TERM_WORDS[id] === 0) {
    TERM_WORDS[id] = 1;
    termCount++;
  }
  return id;
}

/** Whether word id `id` is a word of a dictionary phrase (false for -1). */
export function isTermWord(id: number): boolean {
  return id >= 0 && TERM_WORDS[id] === 1;
}

/** Number of term words: grows when a dictionary matcher is built (bridged spellings taken before may change). */
export function termWordCount(): number {
  return termCount;
}

/** Number of known words: grows when a matcher is built, so ids taken before may miss newer words. */
export function vocabularySize(): number {
  return WORDS.length;
}
