/**
 * Turns what a coder typed into weighted query words against one index: symbol shorthand rewritten,
 * abbreviations expanded, words stemmed, each word mapped to the vocabulary exactly, by prefix (the last
 * word in as-you-type mode) or, when unknown, to its closest spellings.
 */
import type { QueryToken } from './query-abbreviations.ts';
import { expandTokens, rewriteSymbols } from './query-abbreviations.ts';
import type { SearchIndexData } from './search-index.ts';
import { findWord, lowerBoundCode, wordWeight } from './search-index.ts';
import { correct } from './spelling-corrector.ts';
import { applyUseTerms } from './use-terms.ts';
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
  /** The most senses an ambiguous shorthand of the query has: parse again with each other sense to try it. */
  readonly senses: number;
  /** Share of the query this index understands (see understoodShare), 0..1. */
  readonly understood: number;
}

/** How much the words of one expansion weigh together, as a share of their summed weights beyond the heaviest. */
const GROUP_EXTRA = 0.1;
/**
 * A word with a digit (stage "3b", "type 2", "24-96 hours") steers among the children of what the other
 * words name: it weighs at most as much as a word found in this share of the documents, however rare.
 */
const QUALIFIER_SHARE = 0.01;
/** How much the "without" marker of a negated clause weighs, as a share of its rarity weight. */
const MARKER_WEIGHT = 0.1;

export interface QueryText {
  readonly words: string[];
  readonly tokens: QueryToken[];
  readonly expansions: string[];
  /** The most senses an ambiguous shorthand of the query has. */
  readonly senses: number;
}

/** The words of a query text, after shorthand rewriting and abbreviation expansion (index-independent). */
export function queryWords(raw: string, keepLast = false, sense = 0): QueryText {
  // What the query rules out ("gerd w/o esophagitis") is kept only as the word "without".
  const negation = dropNegated(rewriteSymbols(raw));
  const all: QueryToken[] = splitWords(negation.text).map((text) => ({ text, group: -1 }));
  if (negation.negated) all.push({ text: 'without', group: -1, marker: true });
  const last = keepLast ? all.pop() : undefined;
  const first = expandTokens(all, sense);
  const second = expandTokens(first.tokens, sense, 1000);
  const tokens = last === undefined ? second.tokens : [...second.tokens, last];
  return {
    words: tokens.map((t) => t.text),
    tokens,
    expansions: [...first.expanded, ...second.expanded],
    senses: Math.max(first.senses, second.senses),
  };
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

function alternativesOf(
  index: SearchIndexData,
  word: string,
  isPrefix: boolean,
  correctable: boolean,
): QueryWord {
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
  if (alternatives.length === 0 && correctable) {
    const fixed = corrections(index, variants[0]!);
    alternatives.push(...fixed.alternatives);
    correctedTo = fixed.to;
  } else if (alternatives.length === 1 && !isPrefix && correctable && isMisspeltStem(index, word)) {
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

/** The single-word shorthand a group was expanded from, when the release writes it ("nephrectomy"). */
function sourceWord(index: SearchIndexData, from: string | undefined): number {
  return from !== undefined && from.length >= 5 ? findWord(index.vocabulary, stem(from)) : -1;
}

/**
 * Words of one expansion name what the coder typed in fewer words ("mrsa" is four words, "cellulitis"
 * one): together they weigh as much as their heaviest words, one per word typed, plus a little for the
 * rest, so the shorthand does not outweigh the rest of the query.
 */
function weighGroups(words: QueryWord[], groups: readonly { group: number; typed: number }[]): void {
  const members = new Map<number, number[]>();
  groups.forEach(({ group }, i) => {
    if (group >= 0) members.set(group, [...(members.get(group) ?? []), i]);
  });
  for (const list of members.values()) {
    const typed = groups[list[0]!]!.typed;
    if (list.length <= typed) continue;
    const weights = list.map((i) => words[i]!.weight).sort((a, b) => b - a);
    const sum = weights.reduce((a, b) => a + b, 0);
    const top = weights.slice(0, typed).reduce((a, b) => a + b, 0);
    const scale = sum > 0 ? (top + GROUP_EXTRA * (sum - top)) / sum : 1;
    for (const i of list) words[i] = { ...words[i]!, weight: words[i]!.weight * scale };
  }
}

/**
 * How much of the query this version understands: each word typed (or shorthand expanded) counts 1 when
 * matched exactly, its correction or completion factor when corrected or completed, 0 when unknown. A
 * query scored on another system's index must not win by matching only the words that system knows.
 */
function understoodShare(
  tokens: readonly QueryToken[],
  words: readonly QueryWord[],
  groupOf: readonly { group: number }[],
): number {
  const units = new Map<string, number>();
  for (const t of tokens) {
    if (t.marker || (t.group < 0 && STOP_WORDS.has(t.text))) continue;
    units.set(t.group < 0 ? `w:${stem(t.text)}` : `g:${t.group}`, 0);
  }
  words.forEach((w, i) => {
    const g = groupOf[i]!.group;
    const key = g < 0 ? `w:${w.stem}` : `g:${g}`;
    const factor = Math.max(0, ...w.alternatives.map((a) => a.factor));
    if (units.has(key)) units.set(key, Math.max(units.get(key)!, factor));
  });
  if (units.size === 0) return 1;
  let sum = 0;
  for (const v of units.values()) sum += v;
  return sum / units.size;
}

/** Parses a query against one index. `prefix`: the last word is still being typed; `sense`: of ambiguous shorthand. */
export function parseQuery(index: SearchIndexData, raw: string, prefix: boolean, sense = 0): ParsedQuery {
  // As-you-type: "fib" is the start of "fibrillation" before it is shorthand for "fibula".
  const typed = prefix ? splitWords(rewriteSymbols(raw)).at(-1) : undefined;
  const text = queryWords(raw, typed !== undefined && startsAWord(index, typed), sense);
  const seen = new Set<string>();
  const out: QueryWord[] = [];
  const groupOf: { group: number; typed: number }[] = [];
  const sourced = new Set<number>();
  const add = (t: QueryToken, w: string, isLast: boolean): void => {
    if ((STOP_WORDS.has(w) && !isLast) || out.length >= MAX_QUERY_WORDS) return;
    const s = stem(w.split('/')[0]!);
    if (seen.has(s)) return;
    seen.add(s);
    // Expansion words are the release's own words: one this version lacks is left out, not "corrected".
    let parsed = alternativesOf(index, w, isLast, t.group < 0);
    const parts = parsed.alternatives.length === 0 && t.group < 0 ? splitCompound(index, w) : undefined;
    if (parts) {
      for (const p of parts) add(t, p, false);
      return;
    }
    // The shorthand itself, when the release writes it, counts as its expansion's first word.
    const src = sourceWord(index, t.from);
    if (src >= 0 && !sourced.has(t.group) && !parsed.alternatives.some((a) => a.id === src)) {
      sourced.add(t.group);
      const alternatives = [...parsed.alternatives, { id: src, factor: 1 }];
      const weight = parsed.weight > 0 ? parsed.weight : wordWeight(index.df[src]!, index.docKind.length);
      parsed = { ...parsed, alternatives, weight };
    }
    if (parsed.alternatives.length === 0) return;
    if (t.marker) parsed = { ...parsed, weight: parsed.weight * MARKER_WEIGHT };
    if (/\d/.test(w)) {
      const n = index.docKind.length;
      parsed = { ...parsed, weight: Math.min(parsed.weight, wordWeight(n * QUALIFIER_SHARE, n)) };
    }
    out.push(parsed);
    groupOf.push({ group: t.group, typed: t.typed ?? 1 });
  };
  const expansions = [...text.expansions];
  const tokens = applyUseTerms(index, text.tokens, expansions);
  tokens.forEach((t, i) => add(t, t.text, i === tokens.length - 1 && prefix));
  weighGroups(out, groupOf);
  const totalWeight = out.reduce((sum, w) => sum + w.weight, 0);
  const understood = understoodShare(tokens, out, groupOf);
  return { words: out, expansions, totalWeight, senses: text.senses, understood };
}
