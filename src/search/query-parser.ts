/**
 * Turns what a coder typed into weighted query words against one index: symbol shorthand rewritten,
 * abbreviations expanded, words stemmed, each word mapped to the vocabulary exactly, by prefix (the last
 * word in as-you-type mode) or, when unknown, to its closest spellings.
 */
import { expandAbbreviations, rewriteSymbols } from './query-abbreviations.ts';
import type { SearchIndexData } from './search-index.ts';
import { findWord, lowerBoundCode, wordWeight } from './search-index.ts';
import { correct } from './spelling-corrector.ts';
import { splitWords, stem, STOP_WORDS } from './text-normalizer.ts';

/** At most this many distinct words take part in a query (the match mask is 32 bits). */
export const MAX_QUERY_WORDS = 24;
const PREFIX_EXPANSIONS = 40;
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
export function queryWords(raw: string): { words: string[]; expansions: string[] } {
  const first = expandAbbreviations(splitWords(rewriteSymbols(raw)));
  const second = expandAbbreviations(first.words);
  return { words: second.words, expansions: [...first.expanded, ...second.expanded] };
}

function prefixAlternatives(index: SearchIndexData, prefix: string): WordAlternative[] {
  const out: { id: number; df: number }[] = [];
  for (let i = lowerBoundCode(index.vocabulary, prefix); i < index.vocabulary.length; i++) {
    if (!index.vocabulary[i]!.startsWith(prefix)) break;
    out.push({ id: i, df: index.df[i]! });
  }
  out.sort((a, b) => b.df - a.df);
  return out.slice(0, PREFIX_EXPANSIONS).map((a) => ({ id: a.id, factor: 0.9 }));
}

function alternativesOf(index: SearchIndexData, word: string, isPrefix: boolean): QueryWord {
  const s = stem(word);
  const exact = findWord(index.vocabulary, s);
  const n = index.docKind.length;
  const alternatives: WordAlternative[] = exact >= 0 ? [{ id: exact, factor: 1 }] : [];
  if (isPrefix) {
    for (const a of prefixAlternatives(index, word)) if (a.id !== exact) alternatives.push(a);
  }
  let correctedTo: string[] | undefined;
  if (alternatives.length === 0) {
    const fixes = correct(s, index.vocabulary, index.deletions, (id) => index.df[id]!);
    correctedTo = fixes.map((f) => index.vocabulary[f.id]!);
    for (const f of fixes) alternatives.push({ id: f.id, factor: CORRECTION_FACTOR[f.distance] ?? 0.5 });
  }
  const best = alternatives[0];
  const weight = best === undefined ? 0 : wordWeight(index.df[best.id]!, n);
  return { text: word, stem: s, weight, alternatives, ...(correctedTo?.length ? { correctedTo } : {}) };
}

/** Parses a query against one index. `prefix`: the last word is still being typed. */
export function parseQuery(index: SearchIndexData, raw: string, prefix: boolean): ParsedQuery {
  const { words, expansions } = queryWords(raw);
  const seen = new Set<string>();
  const out: QueryWord[] = [];
  words.forEach((w, i) => {
    const isLast = i === words.length - 1 && prefix;
    if ((STOP_WORDS.has(w) && !isLast) || out.length >= MAX_QUERY_WORDS) return;
    const s = stem(w);
    if (seen.has(s)) return;
    seen.add(s);
    out.push(alternativesOf(index, w, isLast));
  });
  const totalWeight = out.reduce((sum, w) => sum + w.weight, 0);
  return { words: out, expansions, totalWeight };
}
