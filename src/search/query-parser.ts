/**
 * Turns what a coder typed into weighted query words against one index: symbol shorthand rewritten,
 * abbreviations expanded, words stemmed, each word mapped to the vocabulary exactly, by prefix (the last
 * word in as-you-type mode) or, when unknown, to its closest spellings.
 */
import { expandAbbreviations, rewriteSymbols } from './query-abbreviations.ts';
import type { SearchIndexData } from './search-index.ts';
import { findWord, lowerBoundCode, wordWeight } from './search-index.ts';
import { correct } from './spelling-corrector.ts';
import { dropNegated, splitWords, stem, STOP_WORDS } from './text-normalizer.ts';

/** At most this many distinct words take part in a query (the match mask is 32 bits). */
export const MAX_QUERY_WORDS = 24;
const PREFIX_EXPANSIONS = 100;
const CORRECTION_FACTOR = [1, 0.8, 0.6] as const;

/** One vocabulary word a query word stands for, with how much a match on it counts (1 = exact). */
export interface WordAlternative {
  readonly id: number;
  readonly factor: number;
}

export interface QueryWord {
  /** The word as the coder wrote it, after abbreviation expansion. */
  readonly text: string;
  readonly stem: string;
  readonly weight: number;
  readonly alternatives: readonly WordAlternative[];
  /** Set when the word was not in the vocabulary and was replaced by its closest spellings. */
  readonly correctedTo?: readonly string[];
}

export interface ParsedQuery {
  readonly words: readonly QueryWord[];
  readonly expansions: readonly string[];
  /** Sum of the weights of the words that matched any vocabulary word. */
  readonly totalWeight: number;
}

/** The words of a query text, after shorthand rewriting and abbreviation expansion (index-independent). */
export function queryWords(raw: string, keepLast = false): { words: string[]; expansions: string[] } {
  // What the query rules out ("gerd w/o esophagitis") is kept only as the word "without".
  const negation = dropNegated(rewriteSymbols(raw));
  const all = splitWords(negation.negated ? `${negation.text} without` : negation.text);
  const last = keepLast ? all.pop() : undefined;
  const first = expandAbbreviations(all);
  const second = expandAbbreviations(first.words);
  const words = last === undefined ? second.words : [...second.words, last];
  return { words, expansions: [...first.expanded, ...second.expanded] };
}

/** Whether some vocabulary word starts with this one (so, typed as you go, it is not yet an abbreviation). */
function startsAWord(index: SearchIndexData, word: string): boolean {
  const i = lowerBoundCode(index.vocabulary, word);
  return index.vocabulary[i]?.startsWith(word) ?? false;
}

/**
 * Completions of a word being typed, the most frequent first: "pneumo" is most likely "pneumonia", so
 * a completion counts more the more documents hold it (from 0.6 for the rarest to 0.9).
 */
function prefixAlternatives(index: SearchIndexData, prefix: string): WordAlternative[] {
  const out: { id: number; df: number }[] = [];
  for (let i = lowerBoundCode(index.vocabulary, prefix); i < index.vocabulary.length; i++) {
    if (!index.vocabulary[i]!.startsWith(prefix)) break;
    out.push({ id: i, df: index.df[i]! });
  }
  out.sort((a, b) => b.df - a.df);
  const top = Math.log(1 + (out[0]?.df ?? 0));
  return out
    .slice(0, PREFIX_EXPANSIONS)
    .map((a) => ({ id: a.id, factor: 0.6 + (0.3 * Math.log(1 + a.df)) / Math.max(top, 1e-9) }));
}

function corrections(
  index: SearchIndexData,
  word: string,
): { alternatives: WordAlternative[]; to: string[] } {
  const freq = (id: number): number => index.df[index.surfaceStem[id]!]!;
  const fixes = correct(word, index.surfaceWords, index.deletions, freq);
  const alternatives: WordAlternative[] = [];
  for (const f of fixes) {
    const id = index.surfaceStem[f.id]!;
    if (!alternatives.some((a) => a.id === id))
      alternatives.push({ id, factor: CORRECTION_FACTOR[f.distance] ?? 0.5 });
  }
  return { alternatives, to: fixes.map((f) => index.surfaceWords[f.id]!) };
}

/** A word the release writes as two ("preeclampsia" / "pre-eclampsia"), split where both halves are known. */
function splitCompound(index: SearchIndexData, word: string): string[] | undefined {
  for (let i = 3; i <= word.length - 3; i++) {
    const [a, b] = [word.slice(0, i), word.slice(i)];
    if (findWord(index.vocabulary, stem(a)) >= 0 && findWord(index.vocabulary, stem(b)) >= 0) return [a, b];
  }
  return undefined;
}

/** A word long enough to correct that the release never writes as such, though its stem is known. */
function isMisspeltStem(index: SearchIndexData, word: string): boolean {
  if (word.length < 6 || /\d/.test(word) || word.includes('/')) return false;
  const i = lowerBoundCode(index.surfaceWords, word);
  return index.surfaceWords[i] !== word;
}

function alternativesOf(index: SearchIndexData, word: string, isPrefix: boolean): QueryWord {
  const variants = word.split('/');
  const s = stem(variants[0]!);
  const alternatives: WordAlternative[] = [];
  for (const v of variants) {
    const id = findWord(index.vocabulary, stem(v));
    if (id >= 0 && !alternatives.some((a) => a.id === id)) alternatives.push({ id, factor: 1 });
  }
  const exact = alternatives[0]?.id ?? -1;
  if (isPrefix) {
    // The word as typed so far is one completion among others, weighed like them.
    const completions = prefixAlternatives(index, word);
    const typed = completions.find((a) => a.id === exact);
    if (typed) alternatives[0] = typed;
    for (const a of completions) if (a.id !== exact) alternatives.push(a);
  }
  let correctedTo: string[] | undefined;
  if (alternatives.length === 0) {
    const fixed = corrections(index, variants[0]!);
    alternatives.push(...fixed.alternatives);
    correctedTo = fixed.to;
  } else if (alternatives.length === 1 && !isPrefix && isMisspeltStem(index, word)) {
    // The stem exists but the release never writes this word: "migrane" stems like "migrans" but
    // means "migraine". Both readings count, at the weight of a correction.
    const fixed = corrections(index, word);
    const other = fixed.alternatives.findIndex((a) => a.id !== exact);
    if (other >= 0) {
      alternatives[0] = { id: exact, factor: CORRECTION_FACTOR[1] };
      alternatives.push(fixed.alternatives[other]!);
      correctedTo = [fixed.to[other]!];
    }
  }
  const best = alternatives[0];
  const weight = best === undefined ? 0 : wordWeight(index.df[best.id]!, index.docKind.length);
  const text = variants[0]!;
  return { text, stem: s, weight, alternatives, ...(correctedTo?.length ? { correctedTo } : {}) };
}

/** Parses a query against one index. `prefix`: the last word is still being typed. */
export function parseQuery(index: SearchIndexData, raw: string, prefix: boolean): ParsedQuery {
  // As-you-type: "fib" is the start of "fibrillation" before it is shorthand for "fibula".
  const typed = prefix ? splitWords(rewriteSymbols(raw)).at(-1) : undefined;
  const { words, expansions } = queryWords(raw, typed !== undefined && startsAWord(index, typed));
  const seen = new Set<string>();
  const out: QueryWord[] = [];
  const add = (w: string, isLast: boolean): void => {
    if ((STOP_WORDS.has(w) && !isLast) || out.length >= MAX_QUERY_WORDS) return;
    const s = stem(w.split('/')[0]!);
    if (seen.has(s)) return;
    seen.add(s);
    const parsed = alternativesOf(index, w, isLast);
    const parts = parsed.alternatives.length === 0 ? splitCompound(index, w) : undefined;
    if (parts) for (const p of parts) add(p, false);
    else out.push(parsed);
  };
  words.forEach((w, i) => add(w, i === words.length - 1 && prefix));
  const totalWeight = out.reduce((sum, w) => sum + w.weight, 0);
  return { words: out, expansions, totalWeight };
}
