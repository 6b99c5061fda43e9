/**
 * Search over the code sets of the real store (every release in shared/data imported, layers inherited
 * across years as the store resolves them). Skipped when the shared data is absent.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { hasSharedData } from '../../test/support/shared-data.ts';
import { realStore } from '../../test/support/real-store.ts';
import type { CodeSet } from '../terminology/code-set.ts';
import { search } from './search.ts';

describe('search on the imported store', { skip: !hasSharedData() && 'shared data not present' }, () => {
  let sets: CodeSet[] = [];
  before(async () => {
    const store = await realStore();
    sets = store
      .listVersionsSync()
      .filter((v) => v.counts.codes > 0)
      .map((v) => store.openCodeSetSync(v.id));
  });

  it('finds what a coder means in the version of the date of service, with the index path', () => {
    const table: [string, string, string][] = [
      ['acute on chronic systolic CHF', '2026-03-01', 'I50.23'],
      ['T2DM w CKD 3b', '2026-03-01', 'E11.22'],
      ['fx L distal radius init', '2026-03-01', 'S52.502A'],
      ['lap chole', '2026-03-01', '0FT44ZZ'],
      ['blood glucose test strips', '2025-06-01', 'A4253'],
    ];
    for (const [q, date, code] of table) assert.equal(search(sets, q, { date })[0]?.code, code, q);
    assert.match(
      search(sets, 'T2DM w CKD 3b', { date: '2026-03-01' })[0]?.why ?? '',
      /Diabetes.*type 2.*chronic kidney disease/,
    );
  });

  it('gives the FY2025 code for a 2025 date and its FY2026 replacement for a 2026 date', () => {
    assert.equal(search(sets, 'contusion of abdominal wall', { date: '2025-03-01' })[0]?.code, 'S30.1XXA');
    const in2026 = search(sets, 'contusion of abdominal wall', { date: '2026-03-01', limit: 50 });
    assert.equal(in2026[0]?.code, 'S30.11XA');
    assert.ok(!in2026.some((h) => h.code === 'S30.1XXA'));
  });
});
