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
  /** keyNumber(key): what the features read the key's category and training statistics by. */
  readonly keyNumber: number;
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

/**
 * Numbers of candidate keys and of their categories, shared by every model and engine: a note's candidates
 * are read through typed arrays by number, where a lookup by key string (a hash table of thousands of strings
 * spread over the heap) costs several cache misses each.
 */
const KEY_NUMBERS = new Map<string, number>();
const CATEGORY_NUMBERS = new Map<string, number>();
// Room for many keys from the start: a module variable assigned again costs its optimized readers a
// recompilation.
let categoryOfKey = new Int32Array(1 << 16);

/** "icd10cm|R52" of "icd10cm|R529": the system and the first three characters of the code. */
function keyCategory(key: string): string {
  return key.slice(0, key.indexOf('|') + 4);
}

/** The number of a candidate key, given when first asked (once per key and engine: candidates/ keeps it). */
export function keyNumber(key: string): number {
  let n = KEY_NUMBERS.get(key);
  if (n === undefined) {
    n = KEY_NUMBERS.size;
    KEY_NUMBERS.set(key, n);
    const cat = keyCategory(key);
    let c = CATEGORY_NUMBERS.get(cat);
    if (c === undefined) CATEGORY_NUMBERS.set(cat, (c = CATEGORY_NUMBERS.size));
    if (n >= categoryOfKey.length) {
      const bigger = new Int32Array(categoryOfKey.length * 2);
      bigger.set(categoryOfKey);
      categoryOfKey = bigger;
    }
    categoryOfKey[n] = c;
  }
  return n;
}

/** The number of a key number's category (keyCategory), below categoryCount(). */
export function categoryNumber(key: number): number {
  return categoryOfKey[key]!;
}

/** Number of categories numbered so far. */
export function categoryCount(): number {
  return CATEGORY_NUMBERS.size;
}

/**
 * Per code statistics, the precision of each key number (NaN: not read yet) and whether training saw the key
 * as a candidate at all (1, 0; -1: not read yet), read from the record once per key.
 */
interface StatsByNumber {
  precision: Float64Array;
  seen: Int8Array;
}

const STATS_BY_NUMBER = new WeakMap<CodeStats, StatsByNumber>();

function statsByNumber(codeStats: CodeStats, key: number): StatsByNumber {
  let s = STATS_BY_NUMBER.get(codeStats);
  if (!s) STATS_BY_NUMBER.set(codeStats, (s = { precision: new Float64Array(0), seen: new Int8Array(0) }));
  if (key >= s.seen.length) {
    // Room for many keys at once: growing is a path the optimized feature code has not seen.
    const length = Math.max(KEY_NUMBERS.size * 2, key + 1, 1 << 16);
    const precision = new Float64Array(length).fill(NaN);
    precision.set(s.precision);
    const seen = new Int8Array(length).fill(-1);
    seen.set(s.seen);
    s.precision = precision;
    s.seen = seen;
  }
  return s;
}

/** Whether training saw the candidate's code as a candidate (it has statistics). */
export function seenInTraining(codeStats: CodeStats, c: Candidate): boolean {
  const s = statsByNumber(codeStats, c.keyNumber);
  if (s.seen[c.keyNumber] === -1) s.seen[c.keyNumber] = codeStats[c.key] === undefined ? 0 : 1;
  return s.seen[c.keyNumber] === 1;
}

/** A candidate's code precision as a new note sees it: from the training counts, a code never a candidate at the base rate. */
export function precisionFromStats(
  codeStats: CodeStats,
  baseRates: Readonly<Record<CandidateSystem, number>>,
): (c: Candidate) => number {
  return (c) => {
    const s = statsByNumber(codeStats, c.keyNumber);
    let p = s.precision[c.keyNumber]!;
    if (Number.isNaN(p)) {
      const [pos, cand] = codeStats[c.key] ?? [0, 0];
      s.precision[c.keyNumber] = p = codePrecision(pos, cand, baseRates[c.system]);
    }
    return p;
  };
}

function affirmed(f: AssertionFlags): boolean {
  return !f.negated && !f.uncertain && !f.family && !f.hypothetical;
}

const CATEGORY_PRIORS = new WeakMap<ReadonlyMap<string, number>, Float64Array>();

/**
 * Training documents per category number (sum over its codes' priors), per priors map. Every category of the
 * priors is numbered here, so a category numbered later has none (reads past the end: 0).
 */
function categoryPriors(priors: ReadonlyMap<string, number>): Float64Array {
  let totals = CATEGORY_PRIORS.get(priors);
  if (!totals) {
    const numbers = [...priors.keys()].map(keyNumber);
    totals = new Float64Array(categoryCount());
    let i = 0;
    for (const n of priors.values()) totals[categoryNumber(numbers[i++]!)]! += n;
    CATEGORY_PRIORS.set(priors, totals);
  }
  return totals;
}

/** Per category number, the best association and the top prior of a note's candidates (scratch, reset after each note). */
let bestOfCategory = new Float64Array(1 << 13);
let topPrior = new Float64Array(1 << 13);

/** Features per candidate: the width of a row. */
const FEATURE_COUNT = FEATURE_NAMES.length;

/** featureRows's rows, reused from note to note (more made when a note has more candidates). */
const ROWS: number[][] = [];

/**
 * Features of one document's candidates, a row per candidate in FEATURE_NAMES order. The rows are reused from
 * call to call (valid until the next): the engine would otherwise allocate a row for every candidate of every
 * note. `priors` (training documents per code key) gives each code its share of its category in the gold,
 * which tells the sibling the coders use (F17.200 for any smoker) from the one a phrase names (F17.210,
 * "cigarettes").
 */
export function featureRows(
  candidates: readonly Candidate[],
  documents: number,
  tokens: NoteTokens,
  precisionOf: (c: Candidate) => number,
  priors: ReadonlyMap<string, number>,
): number[][] {
  const tokenCount = tokens.norm.length;
  const cued = diagnosisSentences(tokens);
  if (bestOfCategory.length < categoryCount()) {
    bestOfCategory = new Float64Array(categoryCount() * 2);
    topPrior = new Float64Array(categoryCount() * 2);
  }
  const categories: number[] = [];
  let maxCentroid = 0;
  let maxKnn = 0;
  for (const c of candidates) {
    const cat = categoryNumber(c.keyNumber);
    categories.push(cat);
    bestOfCategory[cat] = Math.max(bestOfCategory[cat]!, c.association?.best ?? 0);
    topPrior[cat] = Math.max(topPrior[cat]!, c.prior);
    maxCentroid = Math.max(maxCentroid, c.centroid);
    maxKnn = Math.max(maxKnn, c.neighbour?.score ?? 0);
  }
  maxCentroid ||= 1;
  maxKnn ||= 1;
  const totals = categoryPriors(priors);
  const subsumed = subsumedShares(candidates);
  const related = relatedCandidates(candidates, categories);
  const rows: number[][] = [];
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    const precision = precisionOf(c);
    const a = c.association;
    const best = a?.best ?? 0;
    const cat = categories[i]!;
    // What the mentions say, in one pass (no filtered copies): dictionary matches, their sources, negation.
    let first = Infinity;
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
    let cuedMention = false;
    for (const m of c.mentions) {
      first = Math.min(first, m.first);
      cuedMention ||= cued[tokens.sentence[m.first]!] === 1;
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
    const mentions = c.mentions.length;
    // Made of doubles from the start, so writing a double never converts the row's storage.
    if (i === ROWS.length) ROWS.push(Array.from({ length: FEATURE_COUNT }, () => 0.5));
    const out = ROWS[i]!;
    rows.push(out);
    let f = 0;
    out[f++] = best;
    out[f++] = Math.log1p(a?.sum ?? 0);
    out[f++] = Math.log1p(a?.support ?? 0);
    out[f++] = a?.n ?? 0;
    out[f++] = Math.log((c.prior + 1) / (documents + 1));
    out[f++] = Math.log1p(a?.bestDf ?? 0);
    out[f++] = dict > 0 ? 1 : 0;
    out[f++] = longest;
    out[f++] = index ? 1 : 0;
    out[f++] = title ? 1 : 0;
    out[f++] = table ? 1 : 0;
    out[f++] = mentions === 0 ? 0 : negated / mentions;
    out[f++] = anyAffirmed ? 1 : 0;
    out[f++] = Math.log1p(dict);
    out[f++] = c.prior > 0 ? 1 : 0;
    out[f++] = c.known ? 1 : 0;
    out[f++] = c.billable ? 1 : 0;
    out[f++] = c.code.length;
    out[f++] = c.neighbour?.score ?? 0;
    out[f++] = Math.log1p(c.neighbour?.votes ?? 0);
    out[f++] = c.neighbour?.nearest ?? 0;
    out[f++] = c.neighbourCategory;
    out[f++] = c.centroid;
    out[f++] = precision;
    out[f++] = best >= bestOfCategory[cat]! ? 1 : 0;
    out[f++] = Math.log1p(mentions);
    out[f++] = Number.isFinite(first) && tokenCount > 0 ? first / tokenCount : 1;
    out[f++] = c.centroid / maxCentroid;
    out[f++] = (c.neighbour?.score ?? 0) / maxKnn;
    out[f++] = best * precision;
    out[f++] = c.refined ? 1 : 0;
    out[f++] = c.prior / ((totals[cat] ?? 0) + 1);
    out[f++] = c.prior > 0 && c.prior >= topPrior[cat]! ? 1 : 0;
    out[f++] = Math.log1p(loose);
    out[f++] = cuedMention ? 1 : 0;
    out[f++] = number ? 1 : 0;
    out[f++] = subsumed[i]!;
    out[f++] = c.categoryAssociation;
    out[f++] = mentions === 0 ? 0 : uncertain / mentions;
    out[f++] = c.code.charCodeAt(0);
    out[f++] = related[i]! & DESCENDANT;
    out[f++] = (related[i]! & ANCESTOR) === 0 ? 0 : 1;
    out[f++] = c.titleCoverage;
    out[f++] = a?.specific ?? 0;
    out[f++] = a?.specificMin ?? 0;
    out[f++] = a?.specificMean ?? 0;
  }
  for (const cat of categories) {
    bestOfCategory[cat] = 0;
    topPrior[cat] = 0;
  }
  return rows;
}

/** featureRows in rows of their own (what training keeps). */
export function documentFeatures(...args: Parameters<typeof featureRows>): number[][] {
  return featureRows(...args).map((row) => [...row]);
}

/**
 * Per candidate, the share of its dictionary mentions that sit inside a longer dictionary mention of another
 * code ("pain" inside "abdominal pain"): the longer phrase usually names what the coder coded. Spans are
 * indexed by their first token, so each mention looks only at the spans that start at or before it.
 */
function subsumedShares(candidates: readonly Candidate[]): Float64Array {
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
  // A typed array: a list of all-integer shares and one with fractions would differ in kind, and the
  // optimized feature code met with the other kind would be thrown away.
  const out = new Float64Array(candidates.length);
  candidates.forEach((c, i) => {
    let dict = 0;
    let covered = 0;
    for (const m of c.mentions) {
      if (!m.entry || m.loose) continue;
      dict++;
      if (inside(c.code, m.first, m.last)) covered++;
    }
    out[i] = dict === 0 ? 0 : covered / dict;
  });
  return out;
}

const DESCENDANT = 1;
const ANCESTOR = 2;

/**
 * Per candidate, whether a more specific code under it (DESCENDANT) and a less specific code above it within
 * its category, the category included (ANCESTOR), are candidates too: "C34.9" beside "C34.90", "N28" beside
 * "N28.9". A key above another within its category is a prefix of it, and only candidates of one category
 * can be: each is compared with the others of its category (`categories`: the category number of each), most
 * categories having one candidate.
 */
function relatedCandidates(candidates: readonly Candidate[], categories: readonly number[]): number[] {
  const bits: number[] = [];
  const byCategory = new Map<number, number[]>();
  for (let i = 0; i < candidates.length; i++) {
    bits.push(0);
    const group = byCategory.get(categories[i]!);
    if (group) group.push(i);
    else byCategory.set(categories[i]!, [i]);
  }
  for (const group of byCategory.values()) {
    if (group.length < 2) continue;
    for (const i of group)
      for (const j of group) {
        const above = candidates[i]!.key;
        const below = candidates[j]!.key;
        if (below.length > above.length && below.startsWith(above)) {
          bits[i]! |= DESCENDANT;
          bits[j]! |= ANCESTOR;
        }
      }
  }
  return bits;
}
