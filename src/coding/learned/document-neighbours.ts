/**
 * Document similarity learned from coded documents (CodiEsp train): a note's nearest training documents by
 * cosine similarity of TF-IDF word vectors (sublinear term frequency), and the codes they carry, weighted by
 * similarity. A case report about a renal mass shares its vocabulary with the other renal-mass reports, and
 * their codes are good candidates even where no phrase of the note names them. Training documents are scored
 * leave-one-out (a document is never its own neighbour), so the reranker sees honest feature values.
 */
import { isStopword, tokenIds } from '../text/note-tokens.ts';
import type { NoteTokens } from '../text/note-tokens.ts';
import { internWord } from '../text/token-vocabulary.ts';

/** Neighbours consulted per note. */
export const NEIGHBOURS = 25;

/** Serializable form: per training document its (term index, count) pairs and its code indexes. */
export interface NeighbourData {
  readonly terms: readonly string[];
  /** Code keys ("icd10cm|R52") the documents carry. */
  readonly codes: readonly string[];
  /** Flattened [term, count, term, count, ...] per training document. */
  readonly docTerms: readonly (readonly number[])[];
  /** Indexes into `codes`. */
  readonly docCodes: readonly (readonly number[])[];
}

/** What the neighbours say about one code: similarity-weighted share and number of neighbours with it. */
export interface NeighbourEvidence {
  readonly score: number;
  readonly votes: number;
  /** Similarity of the nearest neighbour carrying the code. */
  readonly nearest: number;
}

function termCounts(tokens: NoteTokens): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of tokens.norm) {
    if (t.length < 3 || isStopword(t) || /^\d+$/.test(t)) continue;
    out.set(t, (out.get(t) ?? 0) + 1);
  }
  return out;
}

/** Share of the training documents above which a word is too common to tell neighbours apart. */
const MAX_DF_SHARE = 0.2;

/** Builds the neighbour data from coded documents (code keys such as "icd10cm|R52"). */
export function trainNeighbours(
  docs: readonly { readonly tokens: NoteTokens; readonly codes: readonly string[] }[],
): NeighbourData {
  const codes = [...new Set(docs.flatMap((d) => d.codes))].sort();
  const codeIndex = new Map(codes.map((c, i) => [c, i]));
  const counts = docs.map((d) => termCounts(d.tokens));
  const df = new Map<string, number>();
  for (const c of counts) for (const t of c.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  // Words in more than a fifth of the documents say little about which report is alike and make most of
  // the posting lists a query walks: left out of the vocabulary.
  const maxDf = Math.max(2, Math.floor(docs.length * MAX_DF_SHARE));
  const terms = [...df].filter(([, n]) => n >= 2 && n <= maxDf).map(([t]) => t);
  terms.sort();
  const index = new Map(terms.map((t, i) => [t, i]));
  const docTerms = counts.map((c) =>
    [...c]
      .filter(([t]) => index.has(t))
      .map(([t, n]) => [index.get(t)!, n] as const)
      .sort((a, b) => a[0] - b[0])
      .flat(),
  );
  const docCodes = docs.map((d) => [...new Set(d.codes)].map((k) => codeIndex.get(k)!));
  return { terms, codes, docTerms, docCodes };
}

interface NeighbourIndex {
  readonly term: ReadonlyMap<string, number>;
  readonly idf: Float64Array;
  /**
   * Per term its (document, normalized weight) postings, all terms' in two flat arrays (term t's at
   * postingStart[t] up to postingStart[t + 1]): a note reads a few thousand of them, and lists spread over
   * the heap cost it a cache miss each.
   */
  readonly postingStart: Int32Array;
  readonly postingDocs: Int32Array;
  readonly postingWeights: Float64Array;
  /** Per document its code indexes, flat in the same way (document d's at codeStart[d] up to codeStart[d + 1]). */
  readonly codeStart: Int32Array;
  readonly codeIds: Int32Array;
  readonly scratch: Float64Array;
  /** Per-note term counts by term id (reset after each note). */
  readonly counts: Int32Array;
  /** Term id by token vocabulary id, filled as notes are read: -1 not a term, -2 not looked up yet. */
  vocabTerms: Int32Array;
}

const INDEXES = new WeakMap<NeighbourData, NeighbourIndex>();

function indexOf(data: NeighbourData): NeighbourIndex {
  let ix = INDEXES.get(data);
  if (ix) return ix;
  const n = data.docTerms.length;
  const dfs = new Float64Array(data.terms.length);
  for (const d of data.docTerms) for (let i = 0; i < d.length; i += 2) dfs[d[i]!]!++;
  const idf = dfs.map((f) => Math.log((n + 1) / (f + 1)) + 1);
  // Postings in document order within each term: the note's sums add in the same order as ever.
  const postingStart = new Int32Array(data.terms.length + 1);
  for (let t = 0; t < dfs.length; t++) postingStart[t + 1] = postingStart[t]! + dfs[t]!;
  const postingDocs = new Int32Array(postingStart[dfs.length]!);
  const postingWeights = new Float64Array(postingDocs.length);
  const filled = postingStart.slice(0, dfs.length);
  data.docTerms.forEach((d, doc) => {
    let norm = 0;
    const w: number[] = [];
    for (let i = 0; i < d.length; i += 2) {
      const x = (1 + Math.log(d[i + 1]!)) * idf[d[i]!]!;
      w.push(x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < d.length; i += 2) {
      const at = filled[d[i]!]!++;
      postingDocs[at] = doc;
      postingWeights[at] = w[i / 2]! / norm;
    }
  });
  const codeStart = new Int32Array(n + 1);
  data.docCodes.forEach((codes, doc) => (codeStart[doc + 1] = codeStart[doc]! + codes.length));
  const codeIds = Int32Array.from(data.docCodes.flat());
  // Every term a vocabulary word: a note's token then names its term by id, and a token the vocabulary does
  // not know (a number, a name) is no term without a string lookup; the tokenizer also gives such words the
  // vocabulary's string instead of making one.
  for (const t of data.terms) internWord(t);
  ix = {
    term: new Map(data.terms.map((t, i) => [t, i])),
    idf,
    postingStart,
    postingDocs,
    postingWeights,
    codeStart,
    codeIds,
    scratch: new Float64Array(n),
    counts: new Int32Array(data.terms.length),
    vocabTerms: new Int32Array(0),
  };
  INDEXES.set(data, ix);
  return ix;
}

/** A sparse unit vector: parallel term indexes and weights. */
export interface SparseVector {
  readonly ids: number[];
  readonly values: number[];
}

function unitVector(ix: NeighbourIndex, pairs: Iterable<readonly [number, number]>): SparseVector {
  const ids: number[] = [];
  const values: number[] = [];
  let norm = 0;
  for (const [id, n] of pairs) {
    const x = (1 + Math.log(n)) * ix.idf[id]!;
    ids.push(id);
    values.push(x);
    norm += x * x;
  }
  norm = Math.sqrt(norm) || 1;
  return { ids, values: values.map((v) => v / norm) };
}

/**
 * The term id of each token (-1: not a training term), through the token's vocabulary id (one array read per
 * word): every term is a vocabulary word (indexOf), so a token without an id is no term. Terms are the
 * termCounts words seen twice, so a term hit is a word termCounts keeps.
 */
function termOfToken(ix: NeighbourIndex, word: string, vocab: number): number {
  if (vocab < 0) return -1;
  if (vocab >= ix.vocabTerms.length) {
    const bigger = new Int32Array(Math.max(vocab + 1, ix.vocabTerms.length * 2)).fill(-2);
    bigger.set(ix.vocabTerms);
    ix.vocabTerms = bigger;
  }
  let id = ix.vocabTerms[vocab]!;
  if (id === -2) ix.vocabTerms[vocab] = id = ix.term.get(word) ?? -1;
  return id;
}

/** The note's TF-IDF unit vector over the training vocabulary (terms in order of first occurrence). */
export function noteVector(data: NeighbourData, tokens: NoteTokens): SparseVector {
  const ix = indexOf(data);
  const ids = tokenIds(tokens);
  const order: number[] = [];
  const counts = ix.counts;
  for (let i = 0; i < tokens.norm.length; i++) {
    const id = termOfToken(ix, tokens.norm[i]!, ids[i]!);
    if (id < 0) continue;
    if (counts[id] === 0) order.push(id);
    counts[id]!++;
  }
  // unitVector's arithmetic, without a pair per term.
  const values: number[] = [];
  let norm = 0;
  for (const id of order) {
    const x = (1 + Math.log(counts[id]!)) * ix.idf[id]!;
    counts[id] = 0;
    values.push(x);
    norm += x * x;
  }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < values.length; i++) values[i] = values[i]! / norm;
  return { ids: order, values };
}

/** Training document `doc`'s TF-IDF unit vector. */
export function trainingVector(data: NeighbourData, doc: number): SparseVector {
  const d = data.docTerms[doc]!;
  const pairs: [number, number][] = [];
  for (let i = 0; i < d.length; i += 2) pairs.push([d[i]!, d[i + 1]!]);
  return unitVector(indexOf(data), pairs);
}

/** Whether document a (similarity sa) ranks before document b: higher similarity, then lower index. */
function before(sa: number, a: number, sb: number, b: number): boolean {
  return sa > sb || (sa === sb && a < b);
}

/** The nearest documents of the last `nearest` call, best first (reused: read before the next call). */
const near = { count: 0, docs: new Int32Array(0), sims: new Float64Array(0) };

/** Cosine similarity of the note to every training document (except `self`), top `k` kept (by selection) in `near`. */
function nearest(ix: NeighbourIndex, q: SparseVector, self: number | undefined, k: number): void {
  const sims = ix.scratch;
  const start = ix.postingStart;
  const docs = ix.postingDocs;
  const weights = ix.postingWeights;
  for (let j = 0; j < q.ids.length; j++) {
    const x = q.values[j]!;
    const end = start[q.ids[j]! + 1]!;
    for (let i = start[q.ids[j]!]!; i < end; i++) sims[docs[i]!]! += x * weights[i]!;
  }
  if (near.docs.length < k) {
    near.docs = new Int32Array(k);
    near.sims = new Float64Array(k);
  }
  const topDoc = near.docs;
  const topSim = near.sims;
  let count = 0;
  for (let d = 0; d < sims.length; d++) {
    const sim = sims[d]!;
    sims[d] = 0;
    if (d === self || !(sim > 0)) continue;
    if (count === k && !before(sim, d, topSim[k - 1]!, topDoc[k - 1]!)) continue;
    let at = count === k ? k - 1 : count++;
    while (at > 0 && before(sim, d, topSim[at - 1]!, topDoc[at - 1]!)) {
      topDoc[at] = topDoc[at - 1]!;
      topSim[at] = topSim[at - 1]!;
      at--;
    }
    topDoc[at] = d;
    topSim[at] = sim;
  }
  near.count = count;
}

/**
 * What the nearest training documents say, per code index (`data.codes`), in arrays reused across notes:
 * valid until the next call. `order` lists the codes carried (count of them), in order of first appearance.
 */
export interface NeighbourTally {
  readonly count: number;
  readonly order: Int32Array;
  readonly score: Float64Array;
  readonly votes: Int32Array;
  readonly nearest: Float64Array;
}

const TALLIES = new WeakMap<NeighbourData, { count: number } & Omit<NeighbourTally, 'count'>>();

/** neighbourCodes without a Map or an object per code: the engine reads every code once per note. */
export function tallyNeighbours(
  data: NeighbourData,
  vector: SparseVector,
  self?: number,
  k = NEIGHBOURS,
): NeighbourTally {
  let t = TALLIES.get(data);
  const n = data.codes.length;
  if (!t) {
    t = {
      count: 0,
      order: new Int32Array(n),
      score: new Float64Array(n),
      votes: new Int32Array(n),
      nearest: new Float64Array(n),
    };
    TALLIES.set(data, t);
  }
  for (let i = 0; i < t.count; i++) t.votes[t.order[i]!] = 0;
  t.count = 0;
  const ix = indexOf(data);
  nearest(ix, vector, self, k);
  let total = 0;
  for (let i = 0; i < near.count; i++) total += near.sims[i]!;
  total ||= 1;
  const codeIds = ix.codeIds;
  for (let i = 0; i < near.count; i++) {
    const sim = near.sims[i]!;
    const end = ix.codeStart[near.docs[i]! + 1]!;
    for (let c = ix.codeStart[near.docs[i]!]!; c < end; c++) {
      const code = codeIds[c]!;
      if (t.votes[code] === 0) {
        t.order[t.count++] = code;
        t.score[code] = sim / total;
        t.votes[code] = 1;
        t.nearest[code] = sim;
      } else {
        t.score[code]! += sim / total;
        t.votes[code]!++;
      }
    }
  }
  return t;
}

/**
 * Codes of the nearest training documents of a note (its noteVector; `self`: the note's own index when it is a training
 * document, left out), keyed by code index (`data.codes`).
 */
export function neighbourCodes(
  data: NeighbourData,
  vector: SparseVector,
  self?: number,
  k = NEIGHBOURS,
): Map<number, NeighbourEvidence> {
  const t = tallyNeighbours(data, vector, self, k);
  const acc = new Map<number, NeighbourEvidence>();
  for (let i = 0; i < t.count; i++) {
    const code = t.order[i]!;
    acc.set(code, { score: t.score[code]!, votes: t.votes[code]!, nearest: t.nearest[code]! });
  }
  return acc;
}
