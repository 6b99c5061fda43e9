/**
 * One prototype per code (Rocchio): the sum of the TF-IDF unit vectors of the training documents carrying it,
 * and a note's cosine similarity to it. Where the nearest neighbours look at a few similar reports, the
 * prototype looks at every report of the code, which is steadier for frequent codes. Codes carried by at
 * least MIN_DOCUMENTS training documents get a prototype (its TERMS_PER_PROTOTYPE heaviest terms). Training
 * scores each fold with prototypes built on the other folds (leave-one-out would not be honest here: which
 * terms are kept depends on the document itself).
 */
import type { NeighbourData, SparseVector } from './document-neighbours.ts';
import { trainingVector } from './document-neighbours.ts';

export const MIN_DOCUMENTS = 3;
/** Terms kept per prototype (its heaviest): the tail adds little to a cosine and much to the cost. */
export const TERMS_PER_PROTOTYPE = 150;

/** Serializable form: per prototype its code (index into the neighbour data's codes) and [term, weight] pairs. */
export interface CentroidData {
  readonly codes: readonly number[];
  readonly sums: readonly (readonly number[])[];
}

/**
 * Builds the prototypes from the neighbour data (same vocabulary), over the documents `include` accepts (all
 * by default; training scores each fold's documents with the other folds' prototypes).
 */
export function trainCentroids(
  data: NeighbourData,
  include: (doc: number) => boolean = () => true,
): CentroidData {
  const docsOf = new Map<number, number[]>();
  data.docCodes.forEach((codes, d) => {
    if (!include(d)) return;
    for (const c of codes) {
      const list = docsOf.get(c);
      if (list) list.push(d);
      else docsOf.set(c, [d]);
    }
  });
  const vectors = data.docTerms.map((_, d) => (include(d) ? trainingVector(data, d) : undefined));
  const codes = [...docsOf].filter(([, docs]) => docs.length >= MIN_DOCUMENTS).map(([c]) => c);
  codes.sort((a, b) => a - b);
  const sums = codes.map((c) => {
    const sum = new Map<number, number>();
    for (const d of docsOf.get(c)!) {
      const v = vectors[d]!;
      v.ids.forEach((id, i) => sum.set(id, (sum.get(id) ?? 0) + v.values[i]!));
    }
    return [...sum]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, TERMS_PER_PROTOTYPE)
      .sort((a, b) => a[0] - b[0])
      .flatMap(([id, w]) => [id, Number(w.toFixed(3))]);
  });
  return { codes, sums };
}

interface CentroidIndex {
  /** Per term: (prototype, weight) postings. */
  readonly postings: readonly ({ protos: Int32Array; weights: Float64Array } | undefined)[];
  readonly squaredNorms: Float64Array;
  /** Per-prototype dot products, reused across notes (reset after each). */
  readonly dots: Float64Array;
  /** Prototype index by code index (-1: the code has none). */
  readonly protoOf: Int32Array;
  /** The note vector by term id, reused across notes (reset after each). */
  readonly dense: Float64Array;
  /** Per prototype its terms and their weights (data.sums split into typed arrays: the dot products read them). */
  readonly terms: readonly Int32Array[];
  readonly weights: readonly Float64Array[];
}

const INDEXES = new WeakMap<CentroidData, CentroidIndex>();

function indexOf(data: CentroidData): CentroidIndex {
  let ix = INDEXES.get(data);
  if (ix) return ix;
  const lists = new Map<number, { protos: number[]; weights: number[] }>();
  const squaredNorms = new Float64Array(data.codes.length);
  data.sums.forEach((sum, p) => {
    for (let i = 0; i < sum.length; i += 2) {
      let list = lists.get(sum[i]!);
      if (!list) lists.set(sum[i]!, (list = { protos: [], weights: [] }));
      list.protos.push(p);
      list.weights.push(sum[i + 1]!);
      squaredNorms[p]! += sum[i + 1]! ** 2;
    }
  });
  const postings: ({ protos: Int32Array; weights: Float64Array } | undefined)[] = [];
  for (const [t, l] of lists) {
    postings[t] = { protos: Int32Array.from(l.protos), weights: Float64Array.from(l.weights) };
  }
  const protoOf = new Int32Array(Math.max(0, ...data.codes) + 1).fill(-1);
  data.codes.forEach((code, p) => (protoOf[code] = p));
  ix = {
    postings,
    squaredNorms,
    dots: new Float64Array(data.codes.length),
    protoOf,
    dense: new Float64Array(postings.length),
    terms: data.sums.map((sum) => Int32Array.from({ length: sum.length / 2 }, (_, i) => sum[2 * i]!)),
    weights: data.sums.map((sum) => Float64Array.from({ length: sum.length / 2 }, (_, i) => sum[2 * i + 1]!)),
  };
  INDEXES.set(data, ix);
  return ix;
}

/** Cosine similarity of a note vector to each prototype (positive ones), keyed by the neighbour data's code index. */
export function centroidSimilarities(data: CentroidData, v: SparseVector): Map<number, number> {
  const ix = indexOf(data);
  const dots = ix.dots;
  const touched: number[] = [];
  for (let j = 0; j < v.ids.length; j++) {
    const p = ix.postings[v.ids[j]!];
    if (!p) continue;
    const x = v.values[j]!;
    for (let i = 0; i < p.protos.length; i++) {
      const proto = p.protos[i]!;
      if (dots[proto] === 0) touched.push(proto);
      dots[proto]! += x * p.weights[i]!;
    }
  }
  const out = new Map<number, number>();
  for (const p of touched) {
    const dot = dots[p]!;
    dots[p] = 0;
    const sq = ix.squaredNorms[p]!;
    if (dot > 0 && sq > 1e-9) out.set(data.codes[p]!, dot / Math.sqrt(sq));
  }
  return out;
}

/**
 * Cosine similarity of a note vector to the prototypes of the given codes only (index into the neighbour
 * data's codes), in their order; 0 for a code without a prototype or a non-positive one. A few dozen
 * candidates cost less than every prototype sharing a note term.
 */
export function centroidSimilaritiesOf(
  data: CentroidData,
  v: SparseVector,
  codes: readonly number[],
): Float64Array {
  const ix = indexOf(data);
  const dense = ix.dense;
  for (let j = 0; j < v.ids.length; j++) if (v.ids[j]! < dense.length) dense[v.ids[j]!] = v.values[j]!;
  const out = new Float64Array(codes.length);
  codes.forEach((code, k) => {
    const p = code < ix.protoOf.length ? ix.protoOf[code]! : -1;
    if (p < 0) return;
    const terms = ix.terms[p]!;
    const weights = ix.weights[p]!;
    let dot = 0;
    for (let i = 0; i < terms.length; i++) dot += dense[terms[i]!]! * weights[i]!;
    const sq = ix.squaredNorms[p]!;
    if (dot > 0 && sq > 1e-9) out[k] = dot / Math.sqrt(sq);
  });
  for (let j = 0; j < v.ids.length; j++) if (v.ids[j]! < dense.length) dense[v.ids[j]!] = 0;
  return out;
}
