/**
 * The token view of a note every matcher in the coding engine works on: lower-cased alphanumeric tokens
 * with light plural folding, their character offsets, and the sentence each sits in. Built in one pass.
 */
import { canonicalWord, isStopword, vocabularySize, wordId } from './token-vocabulary.ts';

/** Tokens of a note in parallel arrays (fast to scan, cheap to keep). */
export interface NoteTokens {
  /** The note the offsets point into. */
  readonly text: string;
  readonly norm: readonly string[];
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Sentence number of each token (sentences end at a line break or at ". " / "; " before a capital). */
  readonly sentence: Int32Array;
  readonly sentenceCount: number;
  /** Vocabulary id of each token (token-vocabulary.ts), -1 for a word no matcher knows; read via tokenIds(). */
  readonly ids: Int32Array;
  /** Vocabulary size when `ids` were assigned. */
  readonly vocabulary: number;
}

export { isStopword };

const REFRESHED = new WeakMap<NoteTokens, { readonly vocabulary: number; readonly ids: Int32Array }>();

/**
 * The vocabulary ids of a note's tokens, current with the vocabulary: ids are taken when the note is
 * tokenized, and taken again (once) if a matcher built since then added words.
 */
export function tokenIds(tokens: NoteTokens): Int32Array {
  if (tokens.vocabulary === vocabularySize()) return tokens.ids;
  let refreshed = REFRESHED.get(tokens);
  if (refreshed?.vocabulary !== vocabularySize()) {
    refreshed = { vocabulary: vocabularySize(), ids: Int32Array.from(tokens.norm, wordId) };
    REFRESHED.set(tokens, refreshed);
  }
  return refreshed.ids;
}

const [E, I, S, U] = ['e', 'i', 's', 'u'].map((c) => c.charCodeAt(0)) as [number, number, number, number];

/** Folds a lower-case word: plural "-s" off (not "-ss", "-us", "-is"), so "nodules" matches "nodule". */
export function foldToken(word: string): string {
  const n = word.length;
  if (n <= 4 || word.charCodeAt(n - 1) !== S) return word;
  const before = word.charCodeAt(n - 2);
  if (before === S || before === U || before === I) return word;
  return before === E && word.charCodeAt(n - 3) === I ? `${word.slice(0, -3)}y` : word.slice(0, -1);
}

/** Normalizes a phrase (a title, an index term) to its folded tokens. */
export function phraseTokens(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).map(foldToken);
}

const TITLE_TOKENS = new Map<string, readonly string[]>();

/**
 * phraseTokens of a code title, cached: the rules read the same few thousand sibling titles for every note.
 * Titles are a closed set (one per code), so the cache is bounded by the code sets in use.
 */
export function titleTokens(title: string): readonly string[] {
  let t = TITLE_TOKENS.get(title);
  if (!t) {
    t = phraseTokens(title);
    TITLE_TOKENS.set(title, t);
  }
  return t;
}

/** Character classes of the tokenizer: ASCII letters and digits, hard sentence breaks, soft ones. */
const WORD_CHAR = 1;
const UPPER_CHAR = 2;
const HARD_BREAK = 3; // "\n" ";"
const SOFT_BREAK = 4; // "." ":" followed by a space, a line break or the end
const CHAR_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[a-z0-9]/.test(ch)) CHAR_CLASS[c] = WORD_CHAR;
  else if (/[A-Z]/.test(ch)) CHAR_CLASS[c] = UPPER_CHAR;
  else if (ch === '\n' || ch === ';') CHAR_CLASS[c] = HARD_BREAK;
  else if (ch === '.' || ch === ':') CHAR_CLASS[c] = SOFT_BREAK;
}

function classOf(code: number): number {
  return code < 128 ? CHAR_CLASS[code]! : 0;
}

/**
 * Tokenizes a note: runs of ASCII letters and digits; "\n" and ";" end a sentence, "." and ":" when a space,
 * a line break or the end follows. One scan over the character codes (no regex match objects per token).
 */
export function tokenizeNote(text: string): NoteTokens {
  const norm: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const sentences: number[] = [];
  const ids: number[] = [];
  let sentence = 0;
  let pendingBreak = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const k = classOf(text.charCodeAt(i));
    if (k === WORD_CHAR || k === UPPER_CHAR) {
      const start = i;
      let upper = k === UPPER_CHAR;
      for (i++; i < n; i++) {
        const c = classOf(text.charCodeAt(i));
        if (c === UPPER_CHAR) upper = true;
        else if (c !== WORD_CHAR) break;
      }
      if (pendingBreak && norm.length > 0) sentence++;
      pendingBreak = false;
      const raw = text.slice(start, i);
      const word = foldToken(upper ? raw.toLowerCase() : raw);
      const id = wordId(word);
      ids.push(id);
      norm.push(canonicalWord(id, word));
      starts.push(start);
      ends.push(i);
      sentences.push(sentence);
      continue;
    }
    if (k === HARD_BREAK) pendingBreak = true;
    else if (k === SOFT_BREAK) {
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 32;
      if (next === 32 || next === 10) pendingBreak = true;
    }
    i++;
  }
  return {
    text,
    norm,
    start: Int32Array.from(starts),
    end: Int32Array.from(ends),
    sentence: Int32Array.from(sentences),
    sentenceCount: norm.length === 0 ? 0 : sentence + 1,
    ids: Int32Array.from(ids),
    vocabulary: vocabularySize(),
  };
}

/**
 * Calls `visit` for each n-gram (1..maxN tokens, inside one sentence, not starting or ending on a stopword)
 * with its key (tokens joined by a space) and first token index.
 */
export function forEachNgram(
  tokens: NoteTokens,
  maxN: number,
  visit: (key: string, first: number, n: number) => void,
): void {
  const { norm, sentence } = tokens;
  for (let i = 0; i < norm.length; i++) {
    if (isStopword(norm[i]!)) continue;
    let key = '';
    for (let n = 1; n <= maxN && i + n - 1 < norm.length; n++) {
      const j = i + n - 1;
      if (sentence[j] !== sentence[i]) break;
      key = n === 1 ? norm[i]! : `${key} ${norm[j]!}`;
      if (!isStopword(norm[j]!)) visit(key, i, n);
    }
  }
}
