import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { lookupCode, type LookupSources } from '../src/lookup/lookup-code.ts';
import type { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { diffReleases } from '../src/terminology/release-diff.ts';
import { hasSharedData } from './support/shared-data.ts';
import { realStore } from './support/real-store.ts';

describe(
  'terminology on the official releases',
  { skip: !hasSharedData() && 'shared data not present' },
  () => {
    let store: SqliteStore;
    let sources: LookupSources;
    before(async () => {
      store = await realStore();
      sources = { versions: store.listVersionsSync(), open: (id) => store.openCodeSetSync(id) };
    });
    after(() => store.close());

    it('loads the billable counts of each year', () => {
      const billable = Object.fromEntries(sources.versions.map((v) => [v.id, v.counts.billable]));
      assert.equal(billable['icd10cm-2025'], 74260);
      assert.equal(billable['icd10cm-2026'], 74719);
      assert.equal(billable['icd10pcs-2025'], 78948);
      assert.equal(billable['icd10pcs-2026'], 79115);
    });

    it('agrees with the CMS addenda: FY2026 adds 487 and deletes 28 billable codes', () => {
      const d = diffReleases(sources.open('icd10cm-2025').codes(), sources.open('icd10cm-2026').codes());
      assert.equal(d.added.length, 487);
      assert.equal(d.deleted.length, 28);
    });

    it('accepts S72.001A with the 7th character of S72 and refuses S72.001 as a header needing one', () => {
      const ok = lookupCode(sources, 'icd10cm', 'S72.001A', '2026-03-01');
      assert.equal(ok.validity.valid, true);
      const header = lookupCode(sources, 'icd10cm', 'S72.001', '2026-03-01');
      assert.equal(header.validity.reason, 'header');
      assert.match(header.validity.message, /7th character/);
      assert.ok(header.billableDescendants!.codes.some((c) => c.code === 'S72.001A'));
    });

    it('refuses a code deleted in FY2026 on a 2026 date and names its replacements', () => {
      const before2026 = lookupCode(sources, 'icd10cm', 'E78.01', '2025-06-01');
      assert.equal(before2026.validity.valid, true);
      assert.equal(before2026.validity.nextRelease?.year, 2026);
      const after2026 = lookupCode(sources, 'icd10cm', 'E78.01', '2026-06-01');
      assert.equal(after2026.validity.valid, false);
      assert.deepEqual(
        after2026.validity.replacedBy?.map((r) => r.code),
        after2026.children.filter((c) => c.billable).map((c) => c.code),
      );
    });

    it('refuses S30.1XXA, removed in FY2026, and points at the codes that took its place', () => {
      const a = lookupCode(sources, 'icd10cm', 'S30.1XXA', '2026-06-01');
      assert.equal(a.validity.reason, 'deleted');
      assert.equal(a.validity.lastYear, 2025);
      assert.ok(a.validity.replacedBy!.length > 0);
      assert.ok(a.validity.replacedBy!.every((r) => r.code.startsWith('S30.1') && r.code.endsWith('A')));
    });

    it('says a code new in FY2026 did not exist in FY2025', () => {
      const a = lookupCode(sources, 'icd10cm', 'E11.A', '2025-06-01');
      assert.equal(a.validity.reason, 'not-yet-created');
      assert.equal(a.validity.firstYear, 2026);
    });

    it('refuses an unknown code with the closest existing one', () => {
      assert.throws(
        () => lookupCode(sources, 'icd10cm', 'E11.2299', '2026-01-01'),
        (e: Error & { code?: string; hint?: string }) =>
          e.code === 'CODE_UNKNOWN' && /E11\.22/.test(e.hint ?? ''),
      );
    });
  },
);
