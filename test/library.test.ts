import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { importReleases, lookupCode, search, SqliteStore } from '../src/index.ts';

const pad = (s: string, n: number): string => s.padEnd(n, ' ');
const line = (n: number, code: string, flag: 0 | 1, title: string): string =>
  `${String(n).padStart(5, '0')} ${pad(code, 7)} ${flag} ${pad(title.slice(0, 60), 60)} ${title}\r\n`;

describe('medcode as a library', () => {
  it('imports a release, looks a code up and searches, through the public entry point', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'medcode-lib-'));
    writeFileSync(
      path.join(dir, 'icd10cm_order_2026.txt'),
      line(1, 'J44', 0, 'Other chronic obstructive pulmonary disease') +
        line(2, 'J441', 1, 'Chronic obstructive pulmonary disease with (acute) exacerbation') +
        line(3, 'J449', 1, 'Chronic obstructive pulmonary disease, unspecified'),
    );
    const store = SqliteStore.open(':memory:');
    await importReleases(store, dir);
    const sources = { versions: store.listVersionsSync(), open: (id: string) => store.openCodeSetSync(id) };
    assert.equal(lookupCode(sources, 'icd10cm', 'J44.1', '2026-03-01').validity.valid, true);
    const hits = search([store.openCodeSetSync('icd10cm-2026')], 'copd with acute exacerbation', {
      system: 'icd10cm',
    });
    assert.equal(hits[0]?.code, 'J44.1');
    await store.close();
  });
});
