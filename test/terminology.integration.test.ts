import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { lookupCode, type LookupSources } from '../src/lookup/lookup-code.ts';
import type { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { checkAgainstAddenda, diffReleases } from '../src/terminology/release-diff.ts';
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
      const check = checkAgainstAddenda(d, sources.open('icd10cm-2026').addenda());
      assert.deepEqual(check, { added: 487, deleted: 28, revised: 38, disagreements: [] });
    });

    it('loads HCPCS 2025: 8,259 codes and 383 modifiers (193 is the count of modifier continuation lines)', () => {
      const hcpcs = [...sources.open('hcpcs-2025').codes()];
      assert.equal(hcpcs.filter((c) => c.kind === 'code').length, 8259);
      assert.equal(hcpcs.filter((c) => c.kind === 'modifier').length, 383);
      const j1100 = lookupCode(sources, 'hcpcs', 'J1100', '2025-06-01');
      assert.equal(j1100.validity.valid, true);
      assert.equal(j1100.hcpcs?.betos, 'O1E');
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

    it('gives E11.22 its use-additional-code note for the CKD stage and inherits E11 excludes1, saying from which year', () => {
      const a = lookupCode(sources, 'icd10cm', 'E11.22', '2026-01-15');
      assert.equal(a.layers['tabular'], 2023);
      const own = a.notes.find((n) => n.type === 'useAdditionalCode' && !n.inherited);
      assert.match(own?.text ?? '', /stage of chronic kidney disease/);
      assert.deepEqual(
        own?.ranges.map((r) => r.text),
        ['N18.1-N18.6'],
      );
      const excl = a.notes.filter((n) => n.type === 'excludes1' && n.owner === 'E11');
      assert.ok(excl.some((n) => n.ranges.some((r) => r.text === 'E10.-')));
      assert.ok(excl.every((n) => n.inherited && n.fromYear === 2023));
      assert.deepEqual(
        a.ancestors.map((x) => x.code),
        ['E11.2', 'E11', 'E08-E13', 'Chapter 4'],
      );
    });

    it('gives J44.1 the notes of J44 as inherited notes', () => {
      const a = lookupCode(sources, 'icd10cm', 'J44.1', '2026-01-15');
      const fromJ44 = a.notes.filter((n) => n.owner === 'J44');
      assert.ok(fromJ44.length > 0);
      assert.ok(fromJ44.some((n) => n.type === 'codeAlso' || n.type === 'useAdditionalCode'));
      assert.ok(fromJ44.every((n) => n.inherited));
    });

    it('lists the 7th characters of S72 on S72.001A with the one it applies', () => {
      const a = lookupCode(sources, 'icd10cm', 'S72.001A', '2026-01-15');
      assert.equal(a.seventhCharacters?.definedOn, 'S72');
      assert.equal(a.seventhCharacters?.applied?.char, 'A');
      assert.match(a.seventhCharacters?.applied?.meaning ?? '', /initial encounter for closed fracture/);
    });

    it('shows the index paths that lead to J69.0, from the FY2023 index carried onto FY2026', () => {
      const a = lookupCode(sources, 'icd10cm', 'J69.0', '2026-01-15');
      assert.equal(a.layers['index'], 2023);
      assert.ok(a.indexEntries.some((e) => e.path === 'Pneumonia > aspiration'));
    });

    it('explains 0DTJ4ZZ axis by axis', () => {
      const a = lookupCode(sources, 'icd10pcs', '0DTJ4ZZ', '2026-01-15');
      assert.deepEqual(
        a.pcs?.characters.map((c) => c.label),
        [
          'Medical and Surgical',
          'Gastrointestinal System',
          'Resection',
          'Appendix',
          'Percutaneous Endoscopic',
          'No Device',
          'No Qualifier',
        ],
      );
      assert.equal(a.pcs?.valid, true);
    });

    it('names the codes the CDC conversion table gives for T78.07XA, deleted in FY2026', () => {
      const a = lookupCode(sources, 'icd10cm', 'T78.07XA', '2026-06-01');
      assert.equal(a.validity.reason, 'deleted');
      assert.deepEqual(
        a.validity.replacedBy?.map((r) => r.code),
        ['T78.070A', 'T78.071A', 'T78.079A'],
      );
    });

    it('refuses an invalid ICD-10-PCS combination saying which character leaves the table', () => {
      assert.throws(
        () => lookupCode(sources, 'icd10pcs', '0DTJ4JZ', '2026-01-15'),
        (e: Error & { code?: string }) => e.code === 'CODE_UNKNOWN' && /character 6 'J'/.test(e.message),
      );
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
