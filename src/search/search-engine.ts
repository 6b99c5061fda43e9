/**
 * Query execution over one index. Candidate documents come from the postings of the query's rarer words;
 * each is scored by how much of the query it covers and how much of itself the query covers. Documents
 * leading to a header (index entries, table cells, PCS index prefixes) hand their match on to the
 * billable codes under it, where the code's own title decides between siblings: the words the query adds
 * (laterality, episode of care, acuity, type) pick the specific child, and with nothing more said the
 * child whose title adds the least ("unspecified") wins.
 */
import { DOC_KINDS } from './index-documents.ts';
import type { ParsedQuery } from './query-parser.ts';
import type { SearchIndexData } from './search-index.ts';
import { wordWeight } from './search-index.ts';
import { FREE_WORDS } from './text-normalizer.ts';

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
  maxDocs: 400,
  /** Only the best documents hand their match on to the codes under a header. */
  maxPropagating: 60,
  maxRange: 600,
  /** Words found in more documents than this only refine candidates found through rarer words. */
  driverDf: 30000,
} as const;

const KIND_BOOST: Readonly<Record<(typeof DOC_KINDS)[number], number>> = {
  title: 0.04,
  short: 0,
  inclusion: 0.03,
  index: 0.06,
  see: 0.05,
  eindex: 0.05,
  drug: 0.06,
  neoplasm: 0.06,
  'pcs-index': 0.05,
};
const KIND_BOOSTS = DOC_KINDS.map((k) => KIND_BOOST[k]);

/** A code found by the engine, before it is turned into a result. */
export interface EngineHit {
  readonly code: number;
  readonly score: number;
  /** The document that brought the code in, and the query words (bits) matched. */
  readonly doc: number;
  readonly mask: number;
  readonly inherited: boolean;
}

interface Scratch {
  stamp: Uint32Array;
  serial: number;
  termBit: Int8Array;
  weight: Float32Array;
  free: Uint8Array;
}

const scratches = new WeakMap<SearchIndexData, Scratch>();

function scratchOf(index: SearchIndexData): Scratch {
  let s = scratches.get(index);
  if (!s) {
    const n = index.docKind.length;
    s = {
      stamp: new Uint32Array(n),
      serial: 0,
      termBit: new Int8Array(index.vocabulary.length).fill(-1),
      weight: Float32Array.from(index.df, (df) => wordWeight(df, n)),
      free: Uint8Array.from(index.vocabulary, (w) => (FREE_WORDS.has(w) ? 1 : 0)),
    };
    scratches.set(index, s);
  }
  return s;
}

interface DocMatch {
  mask: number;
  /** Share of the query's weight matched, and share of the document's required weight matched. */
  queryCover: number;
  docCover: number;
}

function matchDoc(index: SearchIndexData, s: Scratch, bitWeight: Float32Array, total: number, d: number): DocMatch {
  let mask = 0;
  let qW = 0;
  let dW = 0;
  const end = index.tokStart[d + 1]!;
  const req = index.reqEnd[d]!;
  for (let k = index.tokStart[d]!; k < end; k++) {
    const t = index.tokens[k]!;
    const b = s.termBit[t]!;
    if (b < 0) continue;
    if ((mask & (1 << b)) === 0) {
      mask |= 1 << b;
      qW += bitWeight[b]!;
    }
    if (k < req && s.free[t] === 0) dW += s.weight[t]!;
  }
  const dTotal = index.docWeight[d]!;
  return { mask, queryCover: total > 0 ? qW / total : 0, docCover: dTotal > 0 ? Math.min(1, dW / dTotal) : 1 };
}

function docScore(index: SearchIndexData, d: number, m: DocMatch): number {
  return m.queryCover * (0.75 + 0.25 * m.docCover) + KIND_BOOSTS[index.docKind[d]!]! * m.queryCover;
}

/** Candidate documents: every document holding one of the query's driver (rarer) words. */
function candidates(index: SearchIndexData, s: Scratch, q: ParsedQuery): number[] {
  const byDf = q.words
    .map((w) => ({ w, df: w.alternatives.reduce((sum, a) => sum + index.df[a.id]!, 0) }))
    .filter((x) => x.df > 0)
    .sort((a, b) => a.df - b.df);
  const drivers = byDf.filter((x, i) => i === 0 || x.df <= RANK.driverDf);
  const serial = ++s.serial;
  const out: number[] = [];
  for (const { w } of drivers) {
    for (const a of w.alternatives) {
      const end = index.postingStart[a.id + 1]!;
      for (let p = index.postingStart[a.id]!; p < end; p++) {
        const d = index.postings[p]!;
        if (s.stamp[d] !== serial) {
          s.stamp[d] = serial;
          out.push(d);
        }
      }
    }
  }
  return out;
}

interface Source {
  score: number;
  /** Share of the source document's own words that the query names. */
  cover: number;
  doc: number;
  mask: number;
  inherited: boolean;
}

function offer(best: Map<number, Source>, code: number, src: Source): void {
  const cur = best.get(code);
  if (!cur || src.score > cur.score) best.set(code, src);
}

/** The codes the best documents lead to, each with its best source document. */
function codeSources(index: SearchIndexData, docs: readonly ScoredDoc[]): Map<number, Source> {
  const best = new Map<number, Source>();
  docs.forEach(({ d, score, mask, cover }, rank) => {
    const lo = index.docLo[d]!;
    const hi = index.docHi[d]!;
    const range = hi - lo > RANK.maxRange || rank >= RANK.maxPropagating ? lo + 1 : hi;
    for (let c = lo; c < range; c++) {
      const inherited = hi - lo > 1 && !(c === lo && index.billable[c] === 0);
      offer(best, c, { score, cover, doc: d, mask, inherited });
    }
  });
  return best;
}

interface ScoredDoc {
  d: number;
  score: number;
  mask: number;
  cover: number;
}

function maskWeight(mask: number, bitWeight: Float32Array): number {
  let w = 0;
  for (let b = 0; mask !== 0; b++, mask >>>= 1) if (mask & 1) w += bitWeight[b]!;
  return w;
}

/** Runs a parsed query on one index; hits sorted best first. */
export function runQuery(index: SearchIndexData, q: ParsedQuery, billableOnly: boolean, limit: number): EngineHit[] {
  if (q.totalWeight <= 0) return [];
  const s = scratchOf(index);
  const bitWeight = new Float32Array(q.words.length);
  q.words.forEach((w, b) => {
    for (const a of w.alternatives) if (s.termBit[a.id]! < 0) s.termBit[a.id] = b;
    bitWeight[b] = w.weight * Math.max(0, ...w.alternatives.map((a) => a.factor));
  });
  try {
    return rank(index, s, q, bitWeight, billableOnly, limit);
  } finally {
    for (const w of q.words) for (const a of w.alternatives) s.termBit[a.id] = -1;
  }
}

function rank(
  index: SearchIndexData,
  s: Scratch,
  q: ParsedQuery,
  bitWeight: Float32Array,
  billableOnly: boolean,
  limit: number,
): EngineHit[] {
  const total = maskWeight((1 << q.words.length) - 1, bitWeight);
  const scored = candidates(index, s, q).map((d) => {
    const m = matchDoc(index, s, bitWeight, total, d);
    return { d, score: docScore(index, d, m), mask: m.mask, cover: m.docCover };
  });
  const top = scored.reduce((max, x) => Math.max(max, x.score), 0);
  const kept = scored.filter((x) => x.score >= top * RANK.keepShare).sort((a, b) => b.score - a.score);
  const sources = codeSources(index, kept.slice(0, RANK.maxDocs));
  const hits: EngineHit[] = [];
  for (const [code, src] of sources) {
    if (billableOnly && index.billable[code] === 0) continue;
    const title = matchDoc(index, s, bitWeight, total, index.titleDoc[code]!);
    const mask = src.mask | title.mask;
    // How well the code's best description fits the query: an index path naming the code directly
    // counts as its description; a child reached through its header is judged half by its own title.
    const fit = src.inherited ? (title.docCover + src.cover) / 2 : Math.max(title.docCover, src.cover);
    const score =
      RANK.coverage * (total > 0 ? maskWeight(mask, bitWeight) / total : 0) +
      RANK.source * src.score +
      RANK.titleFit * fit -
      (src.inherited ? RANK.inherited : 0) -
      (index.billable[code] === 0 ? RANK.header : 0);
    hits.push({ code, score, doc: src.doc, mask, inherited: src.inherited });
  }
  hits.sort((a, b) => b.score - a.score || a.code - b.code);
  return hits.slice(0, limit);
}
