/**
 * The built search index of one code set version: flat typed arrays (fast to scan, cheap to hold, and
 * serialized as they are), plus the few string tables results need. Built by buildSearchIndex.
 */
import type { IsoDate } from '../core/dates.ts';
import type { CodeSystem } from '../terminology/code-system.ts';

export interface SearchIndexInfo {
  readonly system: CodeSystem;
  readonly year: number;
  readonly versionId: string;
  readonly effectiveFrom: IsoDate;
  readonly effectiveTo: IsoDate;
}

/** The arrays of a search index; documents point at ranges of codes sorted by code. */
export interface SearchIndexData {
  readonly info: SearchIndexInfo;
  /** Codes in code order (normalized), their titles and billable flags. */
  readonly codes: readonly string[];
  readonly titles: readonly string[];
  readonly billable: Uint8Array;
  /** Per code: last day it may be used as YYYYMMDD (HCPCS termination date), 0 when open-ended. */
  readonly codeEnd: Uint32Array;
  /** Per code: the document of its own long title. */
  readonly titleDoc: Uint32Array;
  /** Vocabulary of word stems, sorted, with document frequency. */
  readonly vocabulary: readonly string[];
  readonly df: Uint32Array;
  /** Postings: documents holding vocabulary word i are postings[postingStart[i] .. postingStart[i+1]). */
  readonly postingStart: Uint32Array;
  readonly postings: Uint32Array;
  /** Per document: kind (index into DOC_KINDS), the code range it leads to [lo, hi), label index or -1. */
  readonly docKind: Uint8Array;
  readonly docLo: Uint32Array;
  readonly docHi: Uint32Array;
  readonly docLabel: Int32Array;
  /** Words of document d: required in tokens[tokStart[d] .. reqEnd[d]), optional up to tokStart[d+1]. */
  readonly tokStart: Uint32Array;
  readonly reqEnd: Uint32Array;
  readonly tokens: Uint32Array;
  /** Sum of the weights of the document's required words, free words excluded. */
  readonly docWeight: Float32Array;
  readonly labels: readonly string[];
  /** ICD-10-PCS index "use" terms as "term words\tvalue words" (see use-terms.ts); empty for other systems. */
  readonly useTerms: readonly string[];
  /** Words as written in the release (sorted), each with its stem's vocabulary index: spelling is corrected on these. */
  readonly surfaceWords: readonly string[];
  readonly surfaceStem: Uint32Array;
  /** Symmetric-deletion table of the surface words for spelling correction (see spelling-corrector.ts). */
  readonly deletions: Uint32Array;
}

/** Weight of a word by its rarity: rare words say more about what the coder means. */
export function wordWeight(df: number, docCount: number): number {
  return Math.log(1 + docCount / Math.max(1, df));
}

/** Index of the first code >= prefix in a code-sorted array. */
export function lowerBoundCode(codes: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = codes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (codes[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The range [lo, hi) of codes that start with prefix. */
export function prefixRange(codes: readonly string[], prefix: string): [number, number] {
  const lo = lowerBoundCode(codes, prefix);
  let hi = lo;
  while (hi < codes.length && codes[hi]!.startsWith(prefix)) hi++;
  return [lo, hi];
}

/** An ISO date as the number YYYYMMDD, for comparisons in typed arrays; 0 for none. */
export function dateNumber(date: string | undefined): number {
  return date ? Number(date.replaceAll('-', '')) : 0;
}

/** Index of a word stem in the sorted vocabulary, or -1. */
export function findWord(vocabulary: readonly string[], word: string): number {
  const i = lowerBoundCode(vocabulary, word);
  return vocabulary[i] === word ? i : -1;
}
