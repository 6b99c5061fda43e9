/** Matching one search document against the query words: what it covers of the query and of itself. */
import { DOC_KINDS } from './index-documents.ts';
import type { Scratch } from './query-scratch.ts';
import type { SearchIndexData } from './search-index.ts';

/** How much each kind of document counts: an index path over a title, a title over a short title. */
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
export const KIND_BOOSTS = DOC_KINDS.map((k) => KIND_BOOST[k]);

/** How much a query word matched only by a document's optional words counts. */
const OPTIONAL_MATCH = 0.95;

/** What matching one document found: the query words (bits), and the shares of query and document covered. */
export interface DocMatch {
  mask: number;
  queryCover: number;
  docCover: number;
}

export function matchDoc(
  index: SearchIndexData,
  s: Scratch,
  bitWeight: Float32Array,
  total: number,
  d: number,
  out: DocMatch,
): DocMatch {
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
      // A word the entry only allows (a nonessential modifier of an ancestor, "heart (acute)") counts a
      // little less than one it names, so a subterm naming the word ("systolic > acute") comes first.
      qW += s.bitRaw[b]! * s.termFactor[t]! * (k < req ? 1 : OPTIONAL_MATCH);
    }
    if (k < req && s.free[t] === 0) dW += s.weight[t]!;
  }
  const dTotal = index.docWeight[d]!;
  out.mask = mask;
  out.queryCover = total > 0 ? qW / total : 0;
  out.docCover = dTotal > 0 ? Math.min(1, dW / dTotal) : 1;
  return out;
}

/** A document's score: the share of the query it covers, refined by the share of itself covered. */
export function docScore(index: SearchIndexData, d: number, m: DocMatch): number {
  return m.queryCover * (0.75 + 0.25 * m.docCover) + KIND_BOOSTS[index.docKind[d]!]! * m.queryCover;
}
