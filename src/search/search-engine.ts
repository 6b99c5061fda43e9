/**
 * Query execution over one index. Candidate documents come from the postings of the query's rarer words;
 * each is scored by how much of the query it covers and how much of itself the query covers. Documents
 * leading to a header (index entries, table cells, PCS index prefixes) hand their match on to the
 * billable codes under it, where the code's own title decides between siblings: the words the query adds
 * (laterality, episode of care, acuity, type) pick the specific child, and with nothing more said the
 * child whose title adds the least ("unspecified") wins.
 */
import { candidates, MAX_READ, shortlist } from './candidate-documents.ts';
import type { DocMatch } from './document-match.ts';
import { docScore, matchDoc } from './document-match.ts';
import type { ParsedQuery } from './query-parser.ts';
import type { Scratch } from './query-scratch.ts';
import { scratchOf } from './query-scratch.ts';
import type { SearchIndexData } from './search-index.ts';
import { topK } from './top-k.ts';

/** Ranking weights, in one place so the query set can tune them. */
const RANK = {
  coverage: 0.6,
  source: 0.25,
  /** Title fit decides between children of a header and between codes found by their own title. */
  titleFit: 0.15,
  inherited: 0.03,
  header: 0.3,
  /** A document must score at least this share of the best document to be considered. */
  keepShare: 0.5,
  maxDocs: 200,
  /** Only the best documents hand their match on to the codes under a header. */
  maxPropagating: 20,
  maxRange: 300,
} as const;

/**
 * ICD-10-PCS approaches (5th character) from the least invasive: when the query names none and codes
 * tie, "thoracentesis" is percutaneous and "tonsillectomy" external before open, as coders default.
 */
const APPROACH_ORDER = 'X34780';

/** A score difference below the rounding of scores: it only orders codes that tie. */
function approachTieBreak(index: SearchIndexData, code: number): number {
  if (index.info.system !== 'icd10pcs') return 0;
  const rank = APPROACH_ORDER.indexOf(index.codes[code]![4] ?? '');
  return rank < 0 ? 0 : (APPROACH_ORDER.length - rank) * 1e-6;
}

/** A code found by the engine, before it is turned into a result. */
export interface EngineHit {
  readonly code: number;
  readonly score: number;
  /** The document that brought the code in, and the query words (bits) matched. */
  readonly doc: number;
  readonly mask: number;
  readonly inherited: boolean;
}

interface Source {
  /** The best document leading to the code, and its score. */
  score: number;
  doc: number;
  /** Query words matched by any document leading to the code. */
  mask: number;
  /** The best share of own words matched among documents naming the code itself (-1: none). */
  directCover: number;
  /** The best header-level document that led to the code (-1: none), and its share of own words matched. */
  via: number;
  viaCover: number;
}

function offer(
  best: Map<number, Source>,
  code: number,
  doc: number,
  score: number,
  cover: number,
  mask: number,
  inherited: boolean,
): void {
  let cur = best.get(code);
  if (!cur) {
    cur = { score, doc, mask: 0, directCover: -1, via: -1, viaCover: 0 };
    best.set(code, cur);
  }
  // Documents are offered best first: later ones add the words they matched.
  cur.mask |= mask;
  if (!inherited) cur.directCover = Math.max(cur.directCover, cover);
  else if (cur.via < 0) {
    cur.via = doc;
    cur.viaCover = cover;
  }
}

/** The codes the best documents lead to, each with its best source document. */
function codeSources(index: SearchIndexData, docs: readonly ScoredDoc[]): Map<number, Source> {
  const best = new Map<number, Source>();
  let propagating = 0;
  for (const { d, score, mask, cover } of docs) {
    const lo = index.docLo[d]!;
    const hi = index.docHi[d]!;
    const spread = hi - lo > 1 && hi - lo <= RANK.maxRange && propagating++ < RANK.maxPropagating;
    const range = spread ? hi : lo + 1;
    for (let c = lo; c < range; c++) {
      const inherited = hi - lo > 1 && !(c === lo && index.billable[c] === 0);
      offer(best, c, d, score, cover, mask, inherited);
    }
  }
  return best;
}

interface ScoredDoc {
  d: number;
  score: number;
  mask: number;
  cover: number;
}

/**
 * How much of a child's title the query and the index entry that led to it explain together: under
 * "Fracture > radius > distal end (see lower end)", "lower end of left radius, initial" is explained by
 * the entry and the query, while "Colles' fracture" adds a word nobody asked for.
 */
function explainedTitle(index: SearchIndexData, s: Scratch, code: number, sourceDoc: number): number {
  const serial = ++s.serial;
  for (let k = index.tokStart[sourceDoc]!; k < index.tokStart[sourceDoc + 1]!; k++)
    s.inSource[index.tokens[k]!] = serial;
  const d = index.titleDoc[code]!;
  let total = 0;
  let explained = 0;
  for (let k = index.tokStart[d]!; k < index.reqEnd[d]!; k++) {
    const t = index.tokens[k]!;
    if (s.free[t] === 1) continue;
    total += s.weight[t]!;
    if (s.termBit[t]! >= 0 || s.inSource[t] === serial) explained += s.weight[t]!;
  }
  return total > 0 ? explained / total : 1;
}

function maskWeight(mask: number, bitWeight: Float32Array): number {
  let w = 0;
  for (let b = 0; mask !== 0; b++, mask >>>= 1) if (mask & 1) w += bitWeight[b]!;
  return w;
}

export interface RunOptions {
  readonly billableOnly: boolean;
  readonly limit: number;
  /** Codes whose last day of use (YYYYMMDD) is before this are left out; 0 keeps all. */
  readonly activeOn: number;
}

/** Runs a parsed query on one index; hits sorted best first. */
export function runQuery(index: SearchIndexData, q: ParsedQuery, options: RunOptions): EngineHit[] {
  if (q.totalWeight <= 0) return [];
  const s = scratchOf(index);
  s.activeOn = options.activeOn;
  const bitWeight = new Float32Array(q.words.length);
  q.words.forEach((w, b) => {
    for (const a of w.alternatives) {
      if (s.termBit[a.id]! >= 0) continue;
      s.termBit[a.id] = b;
      s.termFactor[a.id] = a.factor;
    }
    bitWeight[b] = w.weight * Math.max(0, ...w.alternatives.map((a) => a.factor));
    s.bitRaw[b] = w.weight;
  });
  try {
    return rank(index, s, q, bitWeight, options);
  } finally {
    for (const w of q.words) for (const a of w.alternatives) s.termBit[a.id] = -1;
  }
}

/** The best documents for the query, best first. */
function bestDocs(
  index: SearchIndexData,
  s: Scratch,
  q: ParsedQuery,
  bitWeight: Float32Array,
  total: number,
): ScoredDoc[] {
  let n = candidates(index, s, q, bitWeight, total);
  const { docs, scores } = s;
  if (n > MAX_READ) n = shortlist(index, s, n, total);
  const m: DocMatch = { mask: 0, queryCover: 0, docCover: 0 };
  let top = 0;
  for (let i = 0; i < n; i++) {
    const d = docs[i]!;
    const score = docScore(index, d, matchDoc(index, s, bitWeight, total, d, m));
    scores[i] = score;
    if (score > top) top = score;
  }
  // Only documents near the best are worth ranking: drop the rest before selecting the top ones.
  let kept = 0;
  for (let i = 0; i < n; i++) {
    if (scores[i]! >= top * RANK.keepShare) {
      docs[kept] = docs[i]!;
      scores[kept++] = scores[i]!;
    }
  }
  return topK(scores, kept, RANK.maxDocs).map((i) => {
    const d = docs[i]!;
    matchDoc(index, s, bitWeight, total, d, m);
    return { d, score: scores[i]!, mask: m.mask, cover: m.docCover };
  });
}

function rank(
  index: SearchIndexData,
  s: Scratch,
  q: ParsedQuery,
  bitWeight: Float32Array,
  options: RunOptions,
): EngineHit[] {
  const total = maskWeight((1 << q.words.length) - 1, bitWeight);
  const sources = codeSources(index, bestDocs(index, s, q, bitWeight, total));
  const hits: EngineHit[] = [];
  const title: DocMatch = { mask: 0, queryCover: 0, docCover: 0 };
  for (const [code, src] of sources) {
    if (options.billableOnly && index.billable[code] === 0) continue;
    const end = index.codeEnd[code]!;
    if (end !== 0 && end < options.activeOn) continue;
    matchDoc(index, s, bitWeight, total, index.titleDoc[code]!, title);
    const mask = src.mask | title.mask;
    // How well the code's best description fits the query: its title or an index entry naming it,
    // or, for a child reached through its header, its title as explained by the entry and the query.
    const inherited = src.directCover < 0;
    const viaFit = src.via >= 0 ? (explainedTitle(index, s, code, src.via) + src.viaCover) / 2 : 0;
    const fit = inherited ? viaFit : Math.max(title.docCover, src.directCover, viaFit);
    const score =
      RANK.coverage * (total > 0 ? maskWeight(mask, bitWeight) / total : 0) +
      RANK.source * src.score +
      RANK.titleFit * fit -
      (inherited ? RANK.inherited : 0) -
      (index.billable[code] === 0 ? RANK.header : 0);
    // Rounded so that float noise does not outrank the tabular order between equal fits.
    const doc = src.doc === index.titleDoc[code] && src.via >= 0 ? src.via : src.doc;
    const rounded = Math.round(score * 1e4) / 1e4 + approachTieBreak(index, code);
    hits.push({ code, score: rounded, doc, mask, inherited });
  }
  hits.sort((a, b) => b.score - a.score || a.code - b.code);
  return hits.slice(0, options.limit);
}
