/**
 * Clinical tokenizer: one left-to-right pass over the text, offsets into the original string,
 * a lower-cased `norm` per token. Keeps clinical shorthand whole ("h/o", "s/p", "w/o", "w/", "x3",
 * "e.g.", "23-year-old") and splits English clitics ("doesn't" -> "does" "n't") the way the
 * ConText rules expect.
 */

export const TokenKinds = ['word', 'number', 'punct', 'newline'] as const;
export type TokenKind = (typeof TokenKinds)[number];

/** A token: [start, end) into the original text, lower-cased normalized form and kind. */
export interface Token {
  readonly start: number;
  readonly end: number;
  readonly norm: string;
  readonly kind: TokenKind;
}

const SPACE = 0;
const LETTER = 1;
const DIGIT = 2;
const PUNCT = 3;
const NEWLINE = 4;

const ASCII_CLASS = new Uint8Array(128).fill(PUNCT);
for (let c = 0; c < 32; c++) ASCII_CLASS[c] = SPACE; // control characters and NUL are spacing
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = LETTER;
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = LETTER;
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = DIGIT;
ASCII_CLASS[32] = SPACE;
ASCII_CLASS[127] = SPACE;
ASCII_CLASS[10] = NEWLINE;

/** Character class of the UTF-16 code unit at `i` (SPACE past the end). */
function charClass(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 0 ? ASCII_CLASS[c]! : SPACE; // NaN past the end compares false
  if (c !== c) return SPACE;
  if (c === 0xa0 || c === 0xfeff || c === 0xfffd || (c >= 0x2000 && c <= 0x200f) || c === 0x3000)
    return SPACE;
  if ((c >= 0x2010 && c <= 0x206f) || (c >= 0x80 && c < 0xc0) || c === 0xd7 || c === 0xf7) return PUNCT;
  return LETTER; // accented letters, other scripts, surrogate halves: kept inside words
}

function isAlnum(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  const k = charClass(text, i);
  return k === LETTER || k === DIGIT;
}

/** End of the alphanumeric run starting at `i`. */
function alnumRunEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && isAlnum(text, j)) j++;
  return j;
}

/** "h/o", "s/p", "w/o", "n/v", "b/l": 1-2 letters, slash, 1-2 letters, then a non-letter. */
function slashShorthandEnd(text: string, start: number, runEnd: number): number {
  if (runEnd - start > 2 || text.charCodeAt(runEnd) !== 47) return -1;
  const after = runEnd + 1;
  let j = after;
  while (j < text.length && charClass(text, j) === LETTER) j++;
  if (j > after && j - after <= 2 && !isAlnum(text, j)) return j;
  const single = text.charCodeAt(start) | 0x20;
  if (runEnd - start === 1 && single === 119) return after; // "w/" as in "w/fever" or "w/ fever"
  return -1;
}

/** "e.g.", "i.e.", "b.i.d.", "p.o.": single letters each followed by a period, at least two. */
function dottedAbbreviationEnd(text: string, start: number, runEnd: number): number {
  if (runEnd - start !== 1 || text.charCodeAt(runEnd) !== 46) return -1;
  let j = runEnd + 1;
  let groups = 1;
  while (charClass(text, j) === LETTER && !isAlnum(text, j + 1) && text.charCodeAt(j + 1) === 46) {
    j += 2;
    groups++;
  }
  return groups >= 2 ? j : -1;
}

/** Extends a word over inner hyphens and apostrophes ("23-year-old", "patient's", "don't"). */
function wordEnd(text: string, runEnd: number): number {
  let j = runEnd;
  for (;;) {
    const c = text.charCodeAt(j);
    if ((c === 45 || c === 39 || c === 0x2019) && isAlnum(text, j + 1)) j = alnumRunEnd(text, j + 1);
    else return j;
  }
}

/** Numbers: digits with inner ".", ",", "/", ":" between digits ("2.5", "1,000", "124/78", "10:30"). */
function numberEnd(text: string, i: number): number {
  let j = i;
  for (;;) {
    while (charClass(text, j) === DIGIT) j++;
    const c = text.charCodeAt(j);
    if ((c === 46 || c === 44 || c === 47 || c === 58) && charClass(text, j + 1) === DIGIT) j++;
    else return j;
  }
}

/** The text lower-cased once, when that keeps every offset (it does unless e.g. "İ" occurs). */
interface Source {
  readonly text: string;
  readonly lower: string | undefined;
}

function normOf(src: Source, start: number, end: number): string {
  return src.lower === undefined ? src.text.slice(start, end).toLowerCase() : src.lower.slice(start, end);
}

function pushWord(tokens: Token[], src: Source, start: number, end: number): void {
  let norm = normOf(src, start, end);
  const len = norm.length;
  const last = norm.charCodeAt(len - 1);
  if (len < 3 || (last !== 116 && last !== 115)) {
    tokens.push({ start, end, norm, kind: 'word' }); // cannot end in "n't" or "'s"
    return;
  }
  if (norm.includes('\u2019')) norm = norm.replace(/\u2019/g, "'");
  // Clitics as separate tokens, as the ConText rules write them: "n't", "'s".
  if (len > 3 && norm.endsWith("n't")) {
    tokens.push({ start, end: end - 3, norm: norm.slice(0, len - 3), kind: 'word' });
    tokens.push({ start: end - 3, end, norm: "n't", kind: 'word' });
  } else if (len > 2 && norm.endsWith("'s")) {
    tokens.push({ start, end: end - 2, norm: norm.slice(0, len - 2), kind: 'word' });
    tokens.push({ start: end - 2, end, norm: "'s", kind: 'word' });
  } else {
    tokens.push({ start, end, norm, kind: 'word' });
  }
}

/**
 * Splits `text` into tokens in one pass; never throws; linear in the text length.
 * @example tokenize('h/o CHF').map((t) => t.norm) // ['h/o', 'chf']
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const lower = text.toLowerCase();
  const src: Source = { text, lower: lower.length === text.length ? lower : undefined };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const k = charClass(text, i);
    if (k === SPACE) {
      i++;
    } else if (k === NEWLINE) {
      const start = i;
      while (i < n && (charClass(text, i) === NEWLINE || text.charCodeAt(i) === 13)) i++;
      tokens.push({ start, end: i, norm: '\n', kind: 'newline' });
    } else if (k === PUNCT) {
      tokens.push({ start: i, end: i + 1, norm: text[i]!, kind: 'punct' });
      i++;
    } else if (k === DIGIT) {
      i = scanDigitStart(tokens, src, i);
    } else {
      i = scanLetterStart(tokens, src, i);
    }
  }
  return tokens;
}

function scanDigitStart(tokens: Token[], src: Source, start: number): number {
  const text = src.text;
  const numEnd = numberEnd(text, start);
  if (!isAlnum(text, numEnd) && !(text.charCodeAt(numEnd) === 45 && isAlnum(text, numEnd + 1))) {
    tokens.push({ start, end: numEnd, norm: text.slice(start, numEnd), kind: 'number' });
    return numEnd;
  }
  const end = wordEnd(text, alnumRunEnd(text, numEnd));
  pushWord(tokens, src, start, end);
  return end;
}

function scanLetterStart(tokens: Token[], src: Source, start: number): number {
  const text = src.text;
  const runEnd = alnumRunEnd(text, start);
  const special = Math.max(
    slashShorthandEnd(text, start, runEnd),
    dottedAbbreviationEnd(text, start, runEnd),
  );
  if (special > 0) {
    tokens.push({ start, end: special, norm: normOf(src, start, special), kind: 'word' });
    return special;
  }
  const end = wordEnd(text, runEnd);
  pushWord(tokens, src, start, end);
  return end;
}
