/**
 * The token view of a note every matcher in the coding engine works on: lower-cased alphanumeric tokens
 * with light plural folding, their character offsets, and the sentence each sits in. Built in one pass.
 */
import {
  HASH_SEED,
  hashStep,
  isStopword,
  spelledWordId,
  vocabularySize,
  wordId,
  wordOf,
} from './token-vocabulary.ts';

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

const [E, I, S, U, Y] = ['e', 'i', 's', 'u', 'y'].map((c) => c.charCodeAt(0)) as [
  number,
  number,
  number,
  number,
  number,
];

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

/** Per-token scratch columns reused across notes (the tokenizer is synchronous); copied out at the end. */
const scratch = {
  ids: new Int32Array(1024),
  start: new Int32Array(1024),
  end: new Int32Array(1024),
  sentence: new Int32Array(1024),
};

/**
 * The vocabulary id of the token text[start, end), found by the hashes taken while scanning it (h: the whole
 * token lower-cased, h1: without its last character, h3: without its last three), folded as foldToken does;
 * -1 for a word no matcher knows. Makes no string.
 */
function knownWordId(text: string, start: number, end: number, h: number, h1: number, h3: number): number {
  const n = end - start;
  // Letters and digits: `| 32` lower-cases ASCII letters and leaves digits as they are.
  const last = text.charCodeAt(end - 1) | 32;
  const before = n > 1 ? text.charCodeAt(end - 2) | 32 : 0;
  if (n <= 4 || last !== S || before === S || before === U || before === I) {
    return spelledWordId(h, text, start, n, -1);
  }
  if (before === E && (text.charCodeAt(end - 3) | 32) === I) {
    return spelledWordId(hashStep(h3, Y), text, start, n - 3, Y);
  }
  return spelledWordId(h1, text, start, n - 1, -1);
}

function grow(count: number): void {
  if (count < scratch.ids.length) return;
  for (const k of ['ids', 'start', 'end', 'sentence'] as const) {
    const bigger = new Int32Array(scratch[k].length * 2);
    bigger.set(scratch[k]);
    scratch[k] = bigger;
  }
}

/**
 * Tokenizes a note: runs of ASCII letters and digits; "\n" and ";" end a sentence, "." and ":" when a space,
 * a line break or the end follows. One scan over the character codes; a word the vocabulary knows is
 * represented by the vocabulary's string, so most tokens allocate nothing.
 */
export function tokenizeNote(text: string): NoteTokens {
  const n = text.length;
  const norm: string[] = [];
  let sentence = 0;
  let pendingBreak = false;
  let i = 0;
  while (i < n) {
    let k = classOf(text.charCodeAt(i));
    if (k === WORD_CHAR || k === UPPER_CHAR) {
      const start = i;
      let upper = false;
      let h = HASH_SEED;
      let h1 = h;
      let h2 = h;
      let h3 = h;
      for (; k === WORD_CHAR || k === UPPER_CHAR; k = i < n ? classOf(text.charCodeAt(i)) : 0) {
        upper ||= k === UPPER_CHAR;
        h3 = h2;
        h2 = h1;
        h1 = h;
        h = hashStep(h, text.charCodeAt(i++) | 32);
      }
      if (pendingBreak && norm.length > 0) sentence++;
      pendingBreak = false;
      const t = norm.length;
      grow(t);
      const id = knownWordId(text, start, i, h, h1, h3);
      scratch.ids[t] = id;
      scratch.start[t] = start;
      scratch.end[t] = i;
      scratch.sentence[t] = sentence;
      norm.push(
        id >= 0 ? wordOf(id) : foldToken(upper ? text.slice(start, i).toLowerCase() : text.slice(start, i)),
      );
      continue;
    }
    if (k === HARD_BREAK) pendingBreak = true;
    else if (k === SOFT_BREAK) {
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 32;
      if (next === 32 || next === 10) pendingBreak = true;
    }
    i++;
  }
  const count = norm.length;
  return {
    text,
    norm,
    start: scratch.start.slice(0, count),
    end: scratch.end.slice(0, count),
    sentence: scratch.sentence.slice(0, count),
    sentenceCount: count === 0 ? 0 : sentence + 1,
    ids: scratch.ids.slice(0, count),
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
