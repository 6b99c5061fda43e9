import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { importReleases } from './import-release.ts';

const pad = (s: string, n: number): string => s.padEnd(n, ' ');
const line = (n: number, code: string, flag: 0 | 1, title: string): string =>
  `${String(n).padStart(5, '0')} ${pad(code, 7)} ${flag} ${pad(title.slice(0, 60), 60)} ${title}\r\n`;
const order2025 =
  line(1, 'E11', 0, 'Type 2 diabetes mellitus') +
  line(2, 'E119', 1, 'Type 2 diabetes mellitus without complications');
const order2026 =
  order2025 + line(3, 'E11A', 1, 'Type 2 diabetes mellitus without complications in remission');

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'medcode-import-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('release import', () => {
  it('loads one version per year and is idempotent on re-import', async () => {
    const store = SqliteStore.open(':memory:');
    const dir = folder({
      '2025/icd10cm_order_2025.txt': order2025,
      '2026/icd10cm_order_2026.txt': order2026,
    });
    const first = await importReleases(store, dir);
    assert.deepEqual(
      first.loaded.map((l) => [l.versionId, l.status, l.records]),
      [
        ['icd10cm-2025', 'added', 2],
        ['icd10cm-2026', 'added', 3],
      ],
    );
    const again = await importReleases(store, dir);
    assert.deepEqual(
      again.loaded.map((l) => l.status),
      ['unchanged', 'unchanged'],
    );
    const v = store.listVersionsSync();
    assert.deepEqual(
      v.map((x) => [x.id, x.effectiveFrom, x.effectiveTo, x.counts.billable]),
      [
        ['icd10cm-2025', '2024-10-01', '2025-09-30', 1],
        ['icd10cm-2026', '2025-10-01', '2026-09-30', 2],
      ],
    );
  });

  it('leaves the store exactly as it was when one file of the import is truncated', async () => {
    const store = SqliteStore.open(':memory:');
    await importReleases(store, folder({ 'icd10cm_order_2025.txt': order2025 }));
    const before = JSON.stringify(store.listVersionsSync());
    const bad = folder({
      'a/icd10cm_order_2025.txt': order2025.replace('without complications', 'w/o complications'),
      'b/icd10cm_order_2026.txt': order2026.slice(0, -30),
    });
    await assert.rejects(
      importReleases(store, bad),
      (e: Error & { code?: string; location?: { file?: string } }) => {
        assert.equal(e.code, 'RELEASE_FILE_TRUNCATED');
        assert.match(e.location?.file ?? '', /icd10cm_order_2026\.txt$/);
        return true;
      },
    );
    assert.equal(JSON.stringify(store.listVersionsSync()), before);
    assert.equal(
      store.openCodeSetSync('icd10cm-2025').get('E119')?.title,
      'Type 2 diabetes mellitus without complications',
    );
  });

  it('refuses a truncated tabular XML, naming file and line, and leaves the store unchanged', async () => {
    const store = SqliteStore.open(':memory:');
    await importReleases(store, folder({ 'icd10cm_order_2025.txt': order2025 }));
    const before = JSON.stringify(store.listVersionsSync());
    const xml = readFileSync(
      new URL('../../test/fixtures/icd10cm/tabular-mini.xml', import.meta.url),
      'utf8',
    ).replace(/<version>\d{4}<\/version>/, '<version>2025</version>');
    const cut = xml.slice(0, Math.floor(xml.length * 0.6));
    await assert.rejects(
      importReleases(store, folder({ 'icd10cm_order_2026.txt': order2026, 'tabular.xml': cut })),
      (e: Error & { code?: string; location?: { file?: string; line?: number } }) => {
        assert.equal(e.code, 'RELEASE_FILE_TRUNCATED');
        assert.equal(e.location?.file, 'tabular.xml');
        assert.ok((e.location?.line ?? 0) > 1);
        return true;
      },
    );
    assert.equal(JSON.stringify(store.listVersionsSync()), before);
  });

  it('refuses a folder with no release file, saying what it looked for', async () => {
    const store = SqliteStore.open(':memory:');
    await assert.rejects(importReleases(store, folder({ 'notes.txt': 'hello' })), /no official release file/);
  });
});
