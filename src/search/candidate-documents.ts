/**
 * Candidate generation for a query (MaxScore over the postings) and a cheap shortlist when a common
 * word leaves too many candidates, so that only a few thousand documents are read word by word.
 */
import { KIND_BOOSTS } from './document-match.ts';
import type { ParsedQuery } from './query-parser.ts';
import type { Scratch } from './query-scratch.ts';
import type { SearchIndexData } from './search-index.ts';
import { cutoffForTop } from './top-k.ts';

/** A candidate is read only if its driver words plus all the others could reach this share of the best. */
const PRUNE = 0.95;
/** At most about this many candidates are read word by word. */
export const MAX_READ = 3000;

/** Whether a document leads only to a code whose use ended before the date searched (HCPCS termination). */
function ended(index: SearchIndexData, s: Scratch, d: number): boolean {
  const lo = index.docLo[d]!;
  if (index.docHi[d]! - lo !== 1) return false;
  const end = index.codeEnd[lo]!;
  return end !== 0 && end < s.activeOn;
}

/**
 * Candidate documents: those holding one of the query's driver words. Drivers are taken rarest first
 * until the words left out weigh too little for a document holding only them to be kept (MaxScore):
 * "closed fracture right distal radius" is driven by "radius" and "distal", not by "right". The
 * drivers' weights are summed per document from the postings; documents that cannot come close to the
 * best sum even with every other word are dropped before their words are read.
 */
export function candidates(
  index: SearchIndexData,
  s: Scratch,
  q: ParsedQuery,
  bitWeight: Float32Array,
  total: number,
): number {
  const byDf = q.words
    .map((w, b) => ({ w, b, df: w.alternatives.reduce((sum, a) => sum + index.df[a.id]!, 0) }))
    .filter((x) => x.df > 0)
    .sort((a, b) => a.df - b.df);
  let rest = total;
  const tally = { serial: ++s.serial, n: 0, best: 0 };
  for (const { w, b } of byDf) {
    // A document holding none of the drivers so far can reach only `rest`: read more drivers only
    // while that could still come near the best document found.
    if (tally.n > 0 && rest < tally.best * PRUNE) break;
    rest -= bitWeight[b]!;
    for (const a of w.alternatives) addPostings(index, s, a.id, 1 << b, bitWeight[b]!, tally);
  }
  const { docs, acc } = s;
  let kept = 0;
  for (let i = 0; i < tally.n; i++) {
    const d = docs[i]!;
    if (acc[d]! + rest >= tally.best * PRUNE) docs[kept++] = d;
  }
  return kept;
}

/** Adds one driver word's documents to the candidates, summing its weight once per document. */
function addPostings(
  index: SearchIndexData,
  s: Scratch,
  word: number,
  bit: number,
  weight: number,
  tally: { serial: number; n: number; best: number },
): void {
  const { docs, acc, seen, stamp } = s;
  const end = index.postingStart[word + 1]!;
  for (let p = index.postingStart[word]!; p < end; p++) {
    const d = index.postings[p]!;
    if (stamp[d] !== tally.serial) {
      stamp[d] = tally.serial;
      seen[d] = 0;
      if (ended(index, s, d)) {
        acc[d] = -Infinity;
        continue;
      }
      acc[d] = 0;
      docs[tally.n++] = d;
    }
    if ((seen[d]! & bit) === 0) {
      seen[d]! |= bit;
      acc[d]! += weight;
      if (acc[d]! > tally.best) tally.best = acc[d]!;
    }
  }
}

/**
 * When a common word leaves too many candidates ("right"), keep those whose score could be highest:
 * at best a document matches every remaining query word, and its own-words share is at most the
 * query's weight over its own, so short documents holding the driver words come first.
 */
export function shortlist(index: SearchIndexData, s: Scratch, n: number, total: number): number {
  const { docs, scores, acc } = s;
  for (let i = 0; i < n; i++) {
    const d = docs[i]!;
    const own = index.docWeight[d]!;
    scores[i] =
      acc[d]! * (0.75 + 0.25 * (own > 0 ? Math.min(1, total / own) : 1)) + KIND_BOOSTS[index.docKind[d]!]!;
  }
  const cut = cutoffForTop(scores, n, MAX_READ);
  let kept = 0;
  for (let i = 0; i < n; i++) if (scores[i]! >= cut) docs[kept++] = docs[i]!;
  return kept;
}
