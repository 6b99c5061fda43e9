import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { searchFixtureCodeSets } from '../../test/fixtures/search/search-code-sets.ts';
import { cachedSearchIndex, searchIndexKey, type ArtifactStore } from './search-index-cache.ts';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { search } from './search.ts';

function memoryStore(): ArtifactStore & { blobs: Map<string, Uint8Array>; puts: number } {
  const blobs = new Map<string, Uint8Array>();
  const store = {
    blobs,
    puts: 0,
    getArtifact: (key: string) => Promise.resolve(blobs.get(key)),
    putArtifact: (key: string, data: Uint8Array) => {
      store.puts++;
      blobs.set(key, data);
      return Promise.resolve();
    },
  };
  return store;
}

describe('search index cache', () => {
  it('builds and stores the index once, then loads it from the store', async () => {
    const { fy2026 } = searchFixtureCodeSets();
    const store = memoryStore();
    const built = await cachedSearchIndex(store, fy2026);
    const loaded = await cachedSearchIndex(store, fy2026);
    assert.equal(store.puts, 1);
    assert.deepEqual(search([loaded], 'CHF'), search([built], 'CHF'));
  });

  it('loads an index kept in the SQLite store, whose blobs come back as Buffers inside a larger pool', async () => {
    const { fy2026 } = searchFixtureCodeSets();
    const store = SqliteStore.open(':memory:');
    const built = await cachedSearchIndex(store, fy2026);
    const loaded = await cachedSearchIndex(store, fy2026);
    assert.deepEqual(search([loaded], 'CHF'), search([built], 'CHF'));
    assert.ok(search([loaded], 'CHF').length > 0);
    await store.close();
  });

  it('keys the index by version, so two versions are kept apart', () => {
    const { fy2025, fy2026 } = searchFixtureCodeSets();
    assert.notEqual(searchIndexKey(fy2025), searchIndexKey(fy2026));
  });

  it('rebuilds a damaged blob instead of failing', async () => {
    const { fy2026 } = searchFixtureCodeSets();
    const store = memoryStore();
    store.blobs.set(searchIndexKey(fy2026), new Uint8Array([1, 2, 3]));
    const index = await cachedSearchIndex(store, fy2026);
    assert.equal(search([index], 'CHF')[0]?.code, 'I50.9');
    assert.equal(store.puts, 1);
  });
});
