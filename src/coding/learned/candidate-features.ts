/**
 * The evidence the engine gathers for one candidate code in one note, and the feature vector the reranker
 * scores it on. Shared by training (scripts/train-coding.ts) and inference, so both see the same features.
 */
import type { AssertionFlags } from '../assertion/assertion-flags.ts';
import type { DictionaryEntry } from '../matcher/code-dictionary.ts';
import type { NeighbourEvidence } from './document-neighbours.ts';
import type { AssociationEvidence } from './phrase-associations.ts';
import { diagnosisSentences } from '../text/diagnosis-cues.ts';
import type { NoteTokens } from '../text/note-tokens.ts';

export type CandidateSystem = 'icd10cm' | 'icd10pcs';

/** A place in the note that names the candidate: a dictionary phrase or the best learned phrase. */
export interface CandidateMention {
  readonly first: number;
  readonly last: number;
  readonly flags: AssertionFlags;
  /** Present for dictionary matches. */
  readonly entry?: DictionaryEntry;
  /** A loose dictionary match (the phrase's words in one stretch, any order: matcher/bag-matcher.ts). */
  readonly loose?: boolean;
}

export interface Candidate {
  readonly code: string;
  readonly system: CandidateSystem;
  /** "icd10cm|R52": the key of the code in the model. */
  readonly key: string;
  association: AssociationEvidence | undefined;
  /** What the note's nearest training documents say about the code (absent: none of them carries it). */
  neighbour: NeighbourEvidence | undefined;
  /** Similarity-weighted share of the nearest training documents coded in the same 3-character category. */
  neighbourCategory: number;
  /** Best association of any code of the same 3-character category (0 without one). */
  categoryAssociation: number;
  /** Cosine similarity of the note to the code's prototype (code-centroids.ts); 0 without one. */
  centroid: number;
  /** Largest share of the code's title words found in one sentence (candidates/title-coverage.ts; diagnoses). */
  titleCoverage: number;
  readonly mentions: CandidateMention[];
  /** Training documents carrying the code (leave-one-out for training documents). */
  prior: number;
  /** Whether the code is a code of the loaded release (billable or header). */
  known: boolean;
  /** Proposed as the child a dictionary header leads to in its sentence (refineBySentence), not named itself. */
  refined: boolean;
  billable: boolean;
}

export const FEATURE_NAMES = [
  'assocBest',
  'assocSumLog',
  'assocSupportLog',
  'assocNgramLength',
  'priorLog',
  'assocDfLog',
  'dictMatched',
  'dictLongest',
  'dictIndex',
  'dictTitle',
  'dictTable',
  'negatedShare',
  'anyAffirmed',
  'dictMentionsLog',
  'seenInTraining',
  'knownCode',
  'billable',
  'codeLength',
  'knnScore',
  'knnVotesLog',
  'knnNearest',
  'knnCategory',
  'centroidSim',
  'codePrecision',
  'bestInCategory',
  'mentionCountLog',
  'firstPosition',
  'centroidRelative',
  'knnRelative',
  'bestTimesPrecision',
  'refinedChild',
  'priorShareOfCategory',
  'topPriorOfCategory',
  'dictLooseLog',
  'diagnosisSentence',
  'numberStated',
  'subsumedShare',
  'categoryAssociation',
  'uncertainShare',
  'chapter',
  'descendantCandidate',
  'ancestorCandidate',
  'titleCoverage',
  'assocSpecific',
  'assocSpecificMin',
  'assocSpecificMean',
] as const;

/** Column of the code-precision feature (filled in a second pass during training, out of fold). */
export const CODE_PRECISION_COLUMN = FEATURE_NAMES.indexOf('codePrecision');
/** Column of association strength times code precision (filled with it). */
export const BEST_TIMES_PRECISION_COLUMN = FEATURE_NAMES.indexOf('bestTimesPrecision');

/** How often a code was right when it was a candidate in training: (positives, candidacies). */
export type CodeStats = Readonly<Record<string, readonly [number, number]>>;

/** Smoothed share of candidacies that were gold, shrunk towards the overall rate `base`. */
export function codePrecision(positives: number, candidacies: number, base: number): number {
  return (positives + 2 * base) / (candidacies + 2);
}

/** A candidate's code precision as a new note sees it: from the training counts, a code never a candidate at the base rate. */
export function precisionFromStats(
  codeStats: CodeStats,
  baseRates: Readonly<Record<CandidateSystem, number>>,
): (c: Candidate) => number {
  return (c) => {
    const [pos, cand] = codeStats[c.key] ?? [0, 0];
    return codePrecision(pos, cand, baseRates[c.system]);
  };
}

function affirmed(f: AssertionFlags): boolean {
  return !f.negated && !f.uncertain && !f.family && !f.hypothetical;
}

/** Categories by candidate key, cached: the same few thousand keys recur in every note. */
const CATEGORIES = new Map<string, string>();

/** "icd10cm|R52" of "icd10cm|R529": the system and the first three characters of the code. */
export function keyCategory(key: string): string {
  let cat = CATEGORIES.get(key);
  if (cat === undefined) CATEGORIES.set(key, (cat = key.slice(0, key.indexOf('|') + 4)));
  return cat;
}

const CATEGORY_PRIORS = new WeakMap<ReadonlyMap<string, number>, Map<string, number>>();

/** Training documents per category (sum over its codes' priors), per priors map. */
function categoryPriors(priors: ReadonlyMap<string, number>): Map<string, number> {
  let totals = CATEGORY_PRIORS.get(priors);
  if (!totals) {
    totals = new Map();
    for (const [key, n] of priors) totals.set(keyCategory(key), (totals.get(keyCategory(key)) ?? 0) + n);
    CATEGORY_PRIORS.set(priors, totals);
  }
  return totals;
}

/**
 * Features of one document's candidates, in FEATURE_NAMES order. `priors` (training documents per code key)
 * gives each code its share of its category in the gold, which tells the sibling the coders use (F17.200 for
 * any smoker) from the one a phrase names (F17.210, "cigarettes").
 */
export function documentFeatures(
  candidates: readonly Candidate[],
  documents: number,
  tokens: NoteTokens,
  precisionOf: (c: Candidate) => number,
  priors: ReadonlyMap<string, number>,
): number[][] {
  const tokenCount = tokens.norm.length;
  const cued = diagnosisSentences(tokens);
  const bestOfCategory = new Map<string, number>();
  const topPrior = new Map<string, number>();
  const categories = candidates.map((c) => keyCategory(c.key));
  candidates.forEach((c, i) => {
    const cat = categories[i]!;
    bestOfCategory.set(cat, Math.max(bestOfCategory.get(cat) ?? 0, c.association?.best ?? 0));
    topPrior.set(cat, Math.max(topPrior.get(cat) ?? 0, c.prior));
  });
  const totals = categoryPriors(priors);
  const maxCentroid = candidates.reduce((m, c) => Math.max(m, c.centroid), 0) || 1;
  const maxKnn = candidates.reduce((m, c) => Math.max(m, c.neighbour?.score ?? 0), 0) || 1;
  const subsumed = subsumedShares(candidates);
  const related = relatedCandidates(candidates);
  return candidates.map((c, i) => {
    const precision = precisionOf(c);
    const best = c.association?.best ?? 0;
    const first = c.mentions.reduce((m, x) => Math.min(m, x.first), Infinity);
    const a = c.association;
    const m = mentionStats(c);
    // One array literal per row (no spread, no push): this runs for every candidate of every note.
    return [
      a?.best ?? 0,
      Math.log1p(a?.sum ?? 0),
      Math.log1p(a?.support ?? 0),
      a?.n ?? 0,
      Math.log((c.prior + 1) / (documents + 1)),
      Math.log1p(a?.bestDf ?? 0),
      m.dict > 0 ? 1 : 0,
      m.longest,
      m.index ? 1 : 0,
      m.title ? 1 : 0,
      m.table ? 1 : 0,
      c.mentions.length === 0 ? 0 : m.negated / c.mentions.length,
      m.anyAffirmed ? 1 : 0,
      Math.log1p(m.dict),
      c.prior > 0 ? 1 : 0,
      c.known ? 1 : 0,
      c.billable ? 1 : 0,
      c.code.length,
      c.neighbour?.score ?? 0,
      Math.log1p(c.neighbour?.votes ?? 0),
      c.neighbour?.nearest ?? 0,
      c.neighbourCategory,
      c.centroid,
      precision,
      best >= bestOfCategory.get(categories[i]!)! ? 1 : 0,
      Math.log1p(c.mentions.length),
      Number.isFinite(first) && tokenCount > 0 ? first / tokenCount : 1,
      c.centroid / maxCentroid,
      (c.neighbour?.score ?? 0) / maxKnn,
      best * precision,
      c.refined ? 1 : 0,
      c.prior / ((totals.get(categories[i]!) ?? 0) + 1),
      c.prior > 0 && c.prior >= topPrior.get(categories[i]!)! ? 1 : 0,
      Math.log1p(m.loose),
      c.mentions.some((x) => cued[tokens.sentence[x.first]!] === 1) ? 1 : 0,
      m.number ? 1 : 0,
      subsumed[i]!,
      c.categoryAssociation,
      c.mentions.length === 0 ? 0 : m.uncertain / c.mentions.length,
      c.code.charCodeAt(0),
      related[i]! & DESCENDANT,
      (related[i]! & ANCESTOR) === 0 ? 0 : 1,
      c.titleCoverage,
      a?.specific ?? 0,
      a?.specificMin ?? 0,
      a?.specificMean ?? 0,
    ];
  });
}

/**
 * Per candidate, the share of its dictionary mentions that sit inside a longer dictionary mention of another
 * code ("pain" inside "abdominal pain"): the longer phrase usually names what the coder coded. Spans are
 * indexed by their first token, so each mention looks only at the spans that start at or before it.
 */
function subsumedShares(candidates: readonly Candidate[]): number[] {
  const starting = new Map<number, { last: number; code: string }[]>();
  let longest = 0;
  for (const c of candidates)
    for (const m of c.mentions) {
      if (!m.entry || m.loose) continue;
      const list = starting.get(m.first);
      const span = { last: m.last, code: c.code };
      if (list) list.push(span);
      else starting.set(m.first, [span]);
      longest = Math.max(longest, m.last - m.first);
    }
  const inside = (code: string, first: number, last: number): boolean => {
    for (let f = first; f >= first - longest; f--)
      for (const s of starting.get(f) ?? [])
        if (s.code !== code && s.last >= last && s.last - f > last - first) return true;
    return false;
  };
  return candidates.map((c) => {
    let dict = 0;
    let covered = 0;
    for (const m of c.mentions) {
      if (!m.entry || m.loose) continue;
      dict++;
      if (inside(c.code, m.first, m.last)) covered++;
    }
    return dict === 0 ? 0 : covered / dict;
  });
}

const DESCENDANT = 1;
const ANCESTOR = 2;

/**
 * Keys of the codes above a key within its category, the category included ("icd10cm|C349" and "icd10cm|C34"
 * for "icd10cm|C3490"), cached: the same few thousand keys recur in every note.
 */
const ANCESTOR_KEYS = new Map<string, readonly string[]>();

function ancestorKeys(key: string): readonly string[] {
  let out = ANCESTOR_KEYS.get(key);
  if (out === undefined) {
    const list: string[] = [];
    for (let n = key.length - 1; n > key.indexOf('|') + 3; n--) list.push(key.slice(0, n));
    ANCESTOR_KEYS.set(key, (out = list));
  }
  return out;
}

/**
 * Per candidate, whether a more specific code under it (DESCENDANT) and a less specific code above it within
 * its category, the category included (ANCESTOR), are candidates too: "C34.9" beside "C34.90", "N28" beside
 * "N28.9".
 */
function relatedCandidates(candidates: readonly Candidate[]): number[] {
  const keys = new Set<string>();
  const above = new Set<string>();
  for (const c of candidates) {
    keys.add(c.key);
    for (const k of ancestorKeys(c.key)) above.add(k);
  }
  return candidates.map((c) => {
    let bits = above.has(c.key) ? DESCENDANT : 0;
    for (const k of ancestorKeys(c.key)) if (keys.has(k)) bits |= ANCESTOR;
    return bits;
  });
}

/** What a candidate's mentions say, in one pass (no filtered copies): dictionary matches, their sources, negation. */
function mentionStats(c: Candidate) {
  let dict = 0;
  let longest = 0;
  let index = false;
  let title = false;
  let table = false;
  let negated = 0;
  let uncertain = 0;
  let anyAffirmed = false;
  let loose = 0;
  let number = false;
  for (const m of c.mentions) {
    if (m.flags.negated) negated++;
    if (m.flags.uncertain) uncertain++;
    anyAffirmed ||= affirmed(m.flags);
    const source = m.entry?.source;
    if (source === undefined) continue;
    // A stated value (numeric-codes.ts) is a feature of its own, not a dictionary phrase.
    if (source === 'number') {
      number = true;
      continue;
    }
    if (m.loose) {
      loose++;
      continue;
    }
    dict++;
    longest = Math.max(longest, m.last - m.first + 1);
    index ||= source === 'index';
    title ||= source === 'title' || source === 'inclusion' || source === 'abbreviation';
    table ||= source === 'neoplasm' || source === 'drug';
  }
  return { dict, longest, index, title, table, negated, uncertain, anyAffirmed, loose, number };
}
