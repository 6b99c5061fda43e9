/**
 * The built search index of a code set, kept as a blob in the store's artifact table so the CLI and the
 * server build it once per version (a few seconds) and then only decode it (about 0.1 s). Pure: the
 * store is reached through the two artifact methods of TerminologyStore.
 */
import type { CodeSet } from '../terminology/code-set.ts';
import type { SearchIndexData } from './search-index.ts';
import { buildSearchIndex } from './search-index-builder.ts';
import { decodeSearchIndex, encodeSearchIndex, SEARCH_INDEX_FORMAT } from './search-index-codec.ts';

/** The part of the store this needs (TerminologyStore has it). */
export interface ArtifactStore {
  getArtifact(key: string): Promise<Uint8Array | undefined>;
  putArtifact(key: string, data: Uint8Array): Promise<void>;
}

/** The artifact key: the index format, the version and where each of its layers comes from. */
export function searchIndexKey(codeSet: CodeSet): string {
  const layers = Object.entries(codeSet.info.layers)
    .map(([layer, source]) => `${layer}=${source?.versionId ?? ''}`)
    .sort()
    .join(',');
  return `search-index/v${SEARCH_INDEX_FORMAT}/${codeSet.info.versionId}/${layers}`;
}

/** The search index of a code set: decoded from the store when cached there, else built and stored. */
export async function cachedSearchIndex(store: ArtifactStore, codeSet: CodeSet): Promise<SearchIndexData> {
  const key = searchIndexKey(codeSet);
  const blob = await store.getArtifact(key);
  if (blob) {
    try {
      return decodeSearchIndex(blob);
    } catch {
      // A blob from another format or a damaged one is rebuilt below and replaced.
    }
  }
  const index = buildSearchIndex(codeSet);
  await store.putArtifact(key, encodeSearchIndex(index));
  return index;
}
