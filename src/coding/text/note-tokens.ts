/**
 * The token view of a note every matcher in the coding engine works on: lower-cased alphanumeric tokens
 * with light plural folding, their character offsets, and the sentence each sits in. Built in one pass.
 */

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
}

const STOPWORDS = new Set(
  (
    'a an the of and or in on at to for with by from as is was were be been are this that these those it its ' +
    'his her their he she they we our which who whom than then there also into per de da del la le'
  ).split(' '),
);

/** Whether a normalized token carries no meaning on its own (n-grams may not start or end on one). */
export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}

/** Folds a lower-case word: plural "-s" off (not "-ss", "-us", "-is"), so "nodules" matches "nodule". */
export function foldToken(word: string): string {
  if (word.length > 4 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) {
    return word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.slice(0, -1);
  }
  return word;
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

const WORD = /[A-Za-z0-9]+|[\n.;:]/g;

/** Tokenizes a note; punctuation that ends sentences advances the sentence counter but is not a token. */
export function tokenizeNote(text: string): NoteTokens {
  const norm: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const sentences: number[] = [];
  let sentence = 0;
  let pendingBreak = false;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const t = m[0];
    if (t === '\n' || t === ';') {
      pendingBreak = true;
      continue;
    }
    if (t === '.' || t === ':') {
      const next = text.charCodeAt(m.index + 1);
      if (next === 32 || next === 10 || Number.isNaN(next)) pendingBreak = true;
      continue;
    }
    if (pendingBreak && norm.length > 0) sentence++;
    pendingBreak = false;
    norm.push(foldToken(t.toLowerCase()));
    starts.push(m.index);
    ends.push(m.index + t.length);
    sentences.push(sentence);
  }
  return {
    text,
    norm,
    start: Int32Array.from(starts),
    end: Int32Array.from(ends),
    sentence: Int32Array.from(sentences),
    sentenceCount: norm.length === 0 ? 0 : sentence + 1,
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
