/**
 * Per-index working memory of the query engine, allocated once per index on its first query and reused:
 * a query touches tens of thousands of documents and must not allocate per document.
 */
import type { SearchIndexData } from './search-index.ts';
import { wordWeight } from './search-index.ts';
import { FREE_WORDS } from './text-normalizer.ts';

export interface Scratch {
  stamp: Uint32Array;
  serial: number;
  /** Candidate documents of the current query and their scores. */
  docs: Uint32Array;
  scores: Float64Array;
  /** The date searched (YYYYMMDD) of the current query, 0 for any. */
  activeOn: number;
  /** Per document: weight of the driver words it holds, and which (bits). */
  acc: Float64Array;
  seen: Int32Array;
  /** Vocabulary words of the current source document (marked with `serial`). */
  inSource: Uint32Array;
  /** Per vocabulary word: the query word (bit) it stands for in the current query, or -1. */
  termBit: Int8Array;
  /** How much a match on each vocabulary word counts for the current query (1 exact, less for a correction or completion). */
  termFactor: Float32Array;
  /** Weight of each query word (bit) before its factor. */
  bitRaw: Float32Array;
  /** Per vocabulary word: its weight (rarity), and whether it is a free word ("unspecified"). */
  weight: Float32Array;
  free: Uint8Array;
}

const scratches = new WeakMap<SearchIndexData, Scratch>();

/** The working memory of an index (one query at a time: search is synchronous). */
export function scratchOf(index: SearchIndexData): Scratch {
  let s = scratches.get(index);
  if (!s) {
    const n = index.docKind.length;
    s = {
      stamp: new Uint32Array(n),
      serial: 0,
      docs: new Uint32Array(n),
      scores: new Float64Array(n),
      activeOn: 0,
      acc: new Float64Array(n),
      seen: new Int32Array(n),
      inSource: new Uint32Array(index.vocabulary.length),
      termBit: new Int8Array(index.vocabulary.length).fill(-1),
      termFactor: new Float32Array(index.vocabulary.length),
      bitRaw: new Float32Array(32),
      weight: Float32Array.from(index.df, (df) => wordWeight(df, n)),
      free: Uint8Array.from(index.vocabulary, (w) => (FREE_WORDS.has(w) ? 1 : 0)),
    };
    scratches.set(index, s);
  }
  return s;
}
