/**
 * One prototype per code (Rocchio): the sum of the TF-IDF unit vectors of the training documents carrying it,
 * and a note's cosine similarity to it. Where the nearest neighbours look at a few similar reports, the
 * prototype looks at every report of the code, which is steadier for frequent codes. Codes carried by at
 * least MIN_DOCUMENTS training documents get a prototype; a training document is scored leave-one-out (its
 * own vector subtracted, exactly).
 */
import type { NeighbourData, SparseVector } from './document-neighbours.ts';
import { trainingVector } from './document-neighbours.ts';

export const MIN_DOCUMENTS = 3;

/** Serializable form: per prototype its code (index into the neighbour data's codes) and [term, weight] pairs. */
export interface CentroidData {
  readonly codes: readonly number[];
  readonly sums: readonly (readonly number[])[];
}

/** Builds the prototypes from the neighbour data (same vocabulary and documents). */
export function trainCentroids(data: NeighbourData): CentroidData {
  const docsOf = new Map<number, number[]>();
  data.docCodes.forEach((codes, d) => {
    for (const c of codes) {
      const list = docsOf.get(c);
      if (list) list.push(d);
      else docsOf.set(c, [d]);
    }
  });
  const vectors = data.docTerms.map((_, d) => trainingVector(data, d));
  const codes = [...docsOf].filter(([, docs]) => docs.length >= MIN_DOCUMENTS).map(([c]) => c);
  codes.sort((a, b) => a - b);
  const sums = codes.map((c) => {
    const sum = new Map<number, number>();
    for (const d of docsOf.get(c)!) {
      const v = vectors[d]!;
      v.ids.forEach((id, i) => sum.set(id, (sum.get(id) ?? 0) + v.values[i]!));
    }
    return [...sum].sort((a, b) => a[0] - b[0]).flatMap(([id, w]) => [id, Number(w.toFixed(3))]);
  });
  return { codes, sums };
}

interface CentroidIndex {
  /** Per term: (prototype, weight) postings. */
  readonly postings: Map<number, { protos: number[]; weights: number[] }>;
  readonly squaredNorms: Float64Array;
  readonly members: ReadonlySet<string>;
}

const INDEXES = new WeakMap<CentroidData, CentroidIndex>();

function indexOf(data: CentroidData, neighbours: NeighbourData): CentroidIndex {
  let ix = INDEXES.get(data);
  if (ix) return ix;
  const postings = new Map<number, { protos: number[]; weights: number[] }>();
  const squaredNorms = new Float64Array(data.codes.length);
  data.sums.forEach((sum, p) => {
    for (let i = 0; i < sum.length; i += 2) {
      let list = postings.get(sum[i]!);
      if (!list) postings.set(sum[i]!, (list = { protos: [], weights: [] }));
      list.protos.push(p);
      list.weights.push(sum[i + 1]!);
      squaredNorms[p]! += sum[i + 1]! ** 2;
    }
  });
  const members = new Set<string>();
  neighbours.docCodes.forEach((codes, d) => codes.forEach((c) => members.add(`${d}|${c}`)));
  ix = { postings, squaredNorms, members };
  INDEXES.set(data, ix);
  return ix;
}

/**
 * Cosine similarity of a note vector to each prototype, keyed by code index (neighbour data's codes) (only positive ones).
 * `self`: the note's index when it is a training document; its own vector is taken out of its codes' sums.
 */
export function centroidSimilarities(
  data: CentroidData,
  neighbours: NeighbourData,
  v: SparseVector,
  self?: number,
): Map<number, number> {
  const ix = indexOf(data, neighbours);
  const dots = new Map<number, number>();
  v.ids.forEach((id, j) => {
    const p = ix.postings.get(id);
    if (!p) return;
    for (let i = 0; i < p.protos.length; i++) {
      dots.set(p.protos[i]!, (dots.get(p.protos[i]!) ?? 0) + v.values[j]! * p.weights[i]!);
    }
  });
  const out = new Map<number, number>();
  for (const [p, dot] of dots) {
    const code = data.codes[p]!;
    const own = self !== undefined && ix.members.has(`${self}|${code}`);
    // Leave-one-out: (S - v)·v = S·v - 1 and |S - v|^2 = |S|^2 - 2 S·v + 1 for a unit vector v.
    const num = own ? dot - 1 : dot;
    const sq = own ? ix.squaredNorms[p]! - 2 * dot + 1 : ix.squaredNorms[p]!;
    if (num > 0 && sq > 1e-9) out.set(code, num / Math.sqrt(sq));
  }
  return out;
}
