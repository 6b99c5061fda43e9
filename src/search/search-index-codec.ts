/**
 * Serialization of a built search index, so the CLI and server load it instead of rebuilding it (the
 * store keeps the blob in its artifact table). Layout: "MCSI", format version (u32 LE), header length
 * (u32 LE), a JSON header (info, string tables, and where each typed array sits), then the typed arrays,
 * each 8-byte aligned, in platform byte order (little-endian on every platform Node supports).
 */
import { MedcodeError } from '../core/medcode-error.ts';
import type { SearchIndexData } from './search-index.ts';

const MAGIC = 'MCSI';
export const SEARCH_INDEX_FORMAT = 7;

const ARRAYS = {
  billable: Uint8Array,
  codeEnd: Uint32Array,
  titleDoc: Uint32Array,
  df: Uint32Array,
  postingStart: Uint32Array,
  postings: Uint32Array,
  docKind: Uint8Array,
  docLo: Uint32Array,
  docHi: Uint32Array,
  docLabel: Int32Array,
  tokStart: Uint32Array,
  reqEnd: Uint32Array,
  tokens: Uint32Array,
  docWeight: Float32Array,
  surfaceStem: Uint32Array,
  deletions: Uint32Array,
} as const;
type ArrayName = keyof typeof ARRAYS;
const ARRAY_NAMES = Object.keys(ARRAYS) as ArrayName[];

interface Header {
  info: SearchIndexData['info'];
  codes: readonly string[];
  titles: readonly string[];
  vocabulary: readonly string[];
  labels: readonly string[];
  surfaceWords: readonly string[];
  useTerms: readonly string[];
  arrays: Record<string, { offset: number; length: number }>;
}

const align = (n: number): number => (n + 7) & ~7;

/** Encodes a search index into one byte array. */
export function encodeSearchIndex(index: SearchIndexData): Uint8Array {
  const arrays: Header['arrays'] = {};
  let offset = 0;
  for (const name of ARRAY_NAMES) {
    arrays[name] = { offset, length: index[name].length };
    offset = align(offset + index[name].byteLength);
  }
  const { info, codes, titles, vocabulary, labels, surfaceWords, useTerms } = index;
  const header = new TextEncoder().encode(
    JSON.stringify({ info, codes, titles, vocabulary, labels, surfaceWords, useTerms, arrays }),
  );
  const start = align(12 + header.length);
  const out = new Uint8Array(start + offset);
  out.set(new TextEncoder().encode(MAGIC), 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, SEARCH_INDEX_FORMAT, true);
  view.setUint32(8, header.length, true);
  out.set(header, 12);
  for (const name of ARRAY_NAMES) {
    const a = index[name];
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), start + arrays[name]!.offset);
  }
  return out;
}

function invalid(what: string): MedcodeError {
  return new MedcodeError('INVALID_INPUT', `the stored search index is not usable: ${what}`, {
    location: { field: 'search index' },
    hint: 'Rebuild it (it is rebuilt from the code set when missing).',
  });
}

/** Decodes an index written by encodeSearchIndex; the typed arrays share one copied buffer. */
export function decodeSearchIndex(bytes: Uint8Array): SearchIndexData {
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC)
    throw invalid('not a medcode search index');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const format = view.getUint32(4, true);
  if (format !== SEARCH_INDEX_FORMAT) throw invalid(`format ${format}, expected ${SEARCH_INDEX_FORMAT}`);
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > bytes.length) throw invalid('truncated header');
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as Header;
  const start = align(12 + headerLength);
  // A copy, aligned at 0: Node's Buffer#slice shares memory (and a Buffer from SQLite sits inside a larger
  // pool), so the plain Uint8Array slice is called explicitly.
  const body = Uint8Array.prototype.slice.call(bytes, start).buffer;
  const typed: Record<string, ArrayLike<number>> = {};
  for (const name of ARRAY_NAMES) {
    const place = header.arrays[name];
    const Ctor = ARRAYS[name];
    if (!place || place.offset + place.length * Ctor.BYTES_PER_ELEMENT > body.byteLength)
      throw invalid(`array ${name} is truncated`);
    typed[name] = new Ctor(body, place.offset, place.length);
  }
  const { info, codes, titles, vocabulary, labels, surfaceWords, useTerms } = header;
  return {
    info,
    codes,
    titles,
    vocabulary,
    labels,
    surfaceWords,
    useTerms,
    ...typed,
  } as unknown as SearchIndexData;
}
