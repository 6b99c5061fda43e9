/**
 * Sentence and list-item boundaries over the token stream, in one pass. Abbreviation-aware ("Dr.",
 * "vs.", "e.g.", decimals stay whole in the tokenizer), numbered lists ("1. ... 2. ..."), bullets,
 * a line per sentence (CodiEsp), MTSamples run-together line breaks (".," and ",2.  "), and every
 * heading as its own unit.
 */
import type { Heading } from './sections.ts';
import type { Token } from './tokenize.ts';

export const SentenceKinds = ['sentence', 'list-item', 'heading'] as const;
export type SentenceKind = (typeof SentenceKinds)[number];

/** A sentence: character span and token range [tokenStart, tokenEnd) (newline tokens excluded). */
export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly tokenStart: number;
  readonly tokenEnd: number;
  readonly kind: SentenceKind;
}

/** Longest run of tokens kept in one sentence, so that unpunctuated text stays local. */
const MAX_SENTENCE_TOKENS = 300;

/**
 * Titles and Latin abbreviations after which a period does not end the sentence even before a capital
 * ("Dr. Smith", "vs. COPD"). Units ("5 min. She") are not here: before a capital they do end it.
 */
const ABBREVIATIONS: ReadonlySet<string> = new Set(
  'dr|mr|mrs|ms|mt|st|vs|v|approx|appt|dept|fig|figs|inc|jr|sr|prof|etc|al|cf|ref|univ|assoc|corp|sp|spp'.split(
    '|',
  ),
);

const LIST_NUMBER_MAX = 30;
const NOT_LIST_BEFORE: ReadonlySet<string> = new Set(
  'stage|grade|type|class|level|step|of|x|to|at|than|times|about|over|under|from|and|or|t|c|l|s|g|p|no'.split(
    '|',
  ),
);

function isSentenceEnd(norm: string): boolean {
  return norm === '.' || norm === '!' || norm === '?';
}

function startsUpperOrDigit(text: string, t: Token | undefined): boolean {
  if (!t) return false;
  const c = text.charCodeAt(t.start);
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || t.kind === 'punct';
}

/** Whether token i (a number) starts a numbered list item: "1. Text" or "2) Text". */
function isListNumber(text: string, tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.kind !== 'number' || t.end - t.start > 2 || Number(t.norm) > LIST_NUMBER_MAX) return false;
  const mark = tokens[i + 1];
  if (!mark || mark.start !== t.end || (mark.norm !== '.' && mark.norm !== ')')) return false;
  const next = tokens[i + 2];
  if (next && next.start === mark.end) return false; // "1.5", "2.A" are not list marks
  const prev = tokens[i - 1];
  if (!prev || prev.kind === 'newline' || prev.norm === ',' || prev.norm === ':' || isSentenceEnd(prev.norm))
    return true;
  return prev.kind === 'word' && !NOT_LIST_BEFORE.has(prev.norm) && startsUpperOrDigit(text, next);
}

/** Whether the period at token i ends a sentence. */
function periodEnds(text: string, tokens: readonly Token[], i: number, itemStart: boolean): boolean {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (!next) return true;
  if (itemStart) return false; // "1." opening a list item
  if (prev && prev.end === tokens[i]!.start && ABBREVIATIONS.has(prev.norm)) {
    return next.kind === 'newline' || (next.norm === ',' && next.start === tokens[i]!.end);
  }
  if (next.kind === 'newline' || next.kind === 'punct') return true;
  if (next.start === tokens[i]!.end) return false; // "a.b" with no space
  return startsUpperOrDigit(text, next);
}

/** Whether a single line break is a soft wrap inside a sentence (next line goes on in lower case). */
function softWrap(text: string, tokens: readonly Token[], i: number): boolean {
  const nl = tokens[i]!;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (!prev || !next || nl.end - nl.start > 1 || next.kind !== 'word') return false;
  if (prev.kind !== 'word' && prev.norm !== ',') return false;
  const c = text.charCodeAt(next.start);
  return c >= 97 && c <= 122;
}

function markHeadings(tokens: readonly Token[], headings: readonly Heading[], breaks: Uint8Array): void {
  let t = 0;
  for (const h of headings) {
    while (t < tokens.length && tokens[t]!.start < h.start) t++;
    breaks[t] = 1;
    while (t < tokens.length && tokens[t]!.end <= h.end) t++;
    breaks[t] = 1;
  }
}

/** Boundary flags: breaks[i] = 1 when a sentence starts at token i. */
function findBreaks(text: string, tokens: readonly Token[], headings: readonly Heading[]): Uint8Array {
  const breaks = new Uint8Array(tokens.length + 1);
  markHeadings(tokens, headings, breaks);
  let sinceBreak = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (breaks[i]) sinceBreak = 0;
    if (t.kind === 'newline') {
      if (!softWrap(text, tokens, i)) breaks[i] = breaks[i + 1] = 1;
    } else if (t.kind === 'number' && isListNumber(text, tokens, i)) {
      breaks[i] = 1;
      sinceBreak = 0;
    } else if (isSentenceEnd(t.norm)) {
      const prev = tokens[i - 1];
      const itemStart = prev !== undefined && prev.kind === 'number' && breaks[i - 1] === 1;
      if (periodEnds(text, tokens, i, itemStart)) {
        const next = tokens[i + 1];
        const comma = next && next.norm === ',' && next.start === t.end; // MTSamples ".,"
        breaks[comma ? i + 2 : i + 1] = 1;
      }
    } else if ((t.norm === '-' || t.norm === '*' || t.norm === '•') && tokens[i - 1]?.kind === 'newline') {
      breaks[i] = 1;
    }
    if (++sinceBreak >= MAX_SENTENCE_TOKENS) {
      breaks[i + 1] = 1;
      sinceBreak = 0;
    }
  }
  return breaks;
}

function isTrimmable(t: Token): boolean {
  return t.kind === 'newline' || t.norm === ',' || t.norm === ':' || t.norm === ';';
}

function kindOf(
  tokens: readonly Token[],
  from: number,
  headings: readonly Heading[],
  h: number,
): SentenceKind {
  const first = tokens[from]!;
  const heading = headings[h];
  if (heading && first.start >= heading.start && first.end <= heading.end) return 'heading';
  const mark = tokens[from + 1];
  const numbered =
    first.kind === 'number' && mark?.start === first.end && (mark.norm === '.' || mark.norm === ')');
  if (numbered || first.norm === '-' || first.norm === '*' || first.norm === '•') return 'list-item';
  return 'sentence';
}

/**
 * Splits the token stream into sentences, list items and headings.
 * @example splitSentences(text, tokenize(text), detectSections(text).headings)
 */
export function splitSentences(
  text: string,
  tokens: readonly Token[],
  headings: readonly Heading[],
): Sentence[] {
  const breaks = findBreaks(text, tokens, headings);
  const sentences: Sentence[] = [];
  let h = 0;
  let i = 0;
  while (i < tokens.length) {
    let j = i + 1;
    while (j < tokens.length && !breaks[j]) j++;
    let from = i;
    let to = j;
    while (from < to && isTrimmable(tokens[from]!)) from++;
    while (to > from && isTrimmable(tokens[to - 1]!)) to--;
    if (from < to) {
      while (h < headings.length && headings[h]!.end <= tokens[from]!.start) h++;
      sentences.push({
        start: tokens[from]!.start,
        end: tokens[to - 1]!.end,
        tokenStart: from,
        tokenEnd: to,
        kind: kindOf(tokens, from, headings, h),
      });
    }
    i = j;
  }
  return sentences;
}

/** Index of the sentence containing character `offset` (binary search), or -1. */
export function sentenceIndexAt(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
