import assert from 'node:assert/strict';
import { createReadStream, existsSync, mkdtempSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fetchReleases } from '../src/releases/fetch-releases.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { hasSharedData, sharedData } from './support/shared-data.ts';

/** A loopback static server over shared/data; `tamper` flips bytes of one file to test verification. */
function serve(root: string, tamper?: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    const file = path.join(root, rel);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    if (tamper && rel.endsWith(tamper)) {
      res.end(Buffer.from('not the official file'));
      return;
    }
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}

describe('releases fetch from a mirror', { skip: !hasSharedData() && 'shared data not present' }, () => {
  let mirror: { url: string; close: () => Promise<void> };
  before(async () => {
    mirror = await serve(sharedData());
  });
  after(() => mirror.close());

  it('downloads, verifies and imports ICD-10-PCS 2026 over HTTP', async () => {
    const store = SqliteStore.open(':memory:');
    const downloads = mkdtempSync(path.join(os.tmpdir(), 'medcode-dl-'));
    const report = await fetchReleases(store, {
      system: 'icd10pcs',
      year: 2026,
      mirror: mirror.url,
      downloads,
    });
    assert.ok(report.downloaded.some((d) => d.verified && d.name.endsWith('titles.zip')));
    const v = store.listVersionsSync().find((x) => x.id === 'icd10pcs-2026');
    assert.equal(v?.counts.billable, 79115);
    assert.ok(v?.layers.some((l) => l.layer === 'pcs-tables'));
  });

  it('refuses a download whose checksum differs and imports nothing', async () => {
    const bad = await serve(sharedData(), 'january-2025-alpha-numeric-hcpcs-file.zip');
    try {
      const store = SqliteStore.open(':memory:');
      const downloads = mkdtempSync(path.join(os.tmpdir(), 'medcode-dl-'));
      await assert.rejects(
        fetchReleases(store, { system: 'hcpcs', year: 2025, mirror: bad.url, downloads }),
        (e: Error & { code?: string }) => e.code === 'RELEASE_CHECKSUM_MISMATCH',
      );
      assert.deepEqual(store.listVersionsSync(), []);
    } finally {
      await bad.close();
    }
  });

  it('says which files it tried when a required file is missing from the mirror', async () => {
    const store = SqliteStore.open(':memory:');
    const downloads = mkdtempSync(path.join(os.tmpdir(), 'medcode-dl-'));
    const empty = mkdtempSync(path.join(os.tmpdir(), 'medcode-empty-mirror-'));
    await assert.rejects(
      fetchReleases(store, { system: 'icd10cm', year: 2026, mirror: empty, downloads }),
      (e: Error & { code?: string; hint?: string }) =>
        e.code === 'RELEASE_FETCH_FAILED' && /icd10cm_order_2026\.txt/.test(e.hint ?? ''),
    );
  });
});
