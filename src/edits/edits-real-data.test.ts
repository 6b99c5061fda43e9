/**
 * The edits on the official releases in shared/data: ICD-10-CM FY2026 codes with the newest tabular
 * available (FY2023, inherited), ICD-10-PCS FY2026 tables, HCPCS 2025. Skipped without shared data.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hasSharedData } from '../../test/support/shared-data.ts';
import { realStore } from '../../test/support/real-store.ts';
import type { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { CodeSet } from '../terminology/code-set.ts';
import { deriveAgeSex } from './age-sex-derivation.ts';
import { check } from './check.ts';
import { dxFacts } from './dx-facts.ts';
import type { EditContext } from './edit-context.ts';
import { editContext } from './edit-context.ts';
import type { EditId } from './finding.ts';
import { isValidPcs } from './pcs-edit.ts';
import type { EncounterSpec } from './synthetic-encounters.ts';
import { encounterOf } from './synthetic-encounters.ts';
import { FIRST_LISTED_ONLY, SECONDARY_ONLY } from './z-code-sequencing.ts';

const CASES: readonly { name: string; spec: EncounterSpec; id: EditId; found: boolean; code?: string }[] = [
  {
    name: 'I.A.12.a Excludes1 at E11 (E10.-): E11.9 with E10.9',
    spec: { dx: ['E11.9', 'E10.9'] },
    id: 'DX_EXCLUDES1',
    found: true,
    code: 'E109',
  },
  {
    name: 'I.A.12.a: E11.9 with I10 passes',
    spec: { dx: ['E11.9', 'I10'] },
    id: 'DX_EXCLUDES1',
    found: false,
  },
  {
    name: 'use additional code at E11.22 (N18.1-N18.6): missing stage',
    spec: { dx: ['E11.22'] },
    id: 'DX_USE_ADDITIONAL_MISSING',
    found: true,
    code: 'E1122',
  },
  {
    name: 'I.A.13: G63 first-listed',
    spec: { dx: ['G63', 'E85.0'] },
    id: 'DX_MANIFESTATION_FIRST',
    found: true,
    code: 'G63',
  },
  {
    name: 'I.A.5: S72.001 needs a 7th character',
    spec: { dx: ['S72.001'] },
    id: 'DX_MISSING_7TH_CHARACTER',
    found: true,
  },
  {
    name: 'I.A.4: T15.00A needs the placeholder X',
    spec: { dx: ['T15.00A'] },
    id: 'DX_PLACEHOLDER_X_MISSING',
    found: true,
  },
  {
    name: 'codes FY2026: S30.1XXA, deleted in FY2026, is not valid on 2026-06-01',
    spec: { dx: ['S30.1XXA'], from: '2026-06-01' },
    id: 'DX_NOT_VALID_ON_DATE',
    found: true,
  },
  {
    name: 'I.C.20: W19.XXXA first-listed',
    spec: { dx: ['W19.XXXA', 'S72.001A'] },
    id: 'DX_SEQUENCING_SECONDARY_ONLY',
    found: true,
  },
  {
    name: 'I.C.20.a.2: W19.XXXD with S72.001A',
    spec: { dx: ['S72.001A', 'W19.XXXD'] },
    id: 'INJ_7TH_MISMATCH',
    found: true,
  },
  {
    name: 'MCE newborn (chapter 16): P07.30 at 40',
    spec: { dx: ['P07.30'], age: 40 },
    id: 'DX_AGE_NEWBORN',
    found: true,
  },
  {
    name: 'MCE maternity (chapter 15): O80 at 70',
    spec: { dx: ['O80'], age: 70, sex: 'female' },
    id: 'DX_AGE_MATERNITY',
    found: true,
  },
  {
    name: 'sex from title: N40.0 on a female',
    spec: { dx: ['N40.0'], sex: 'female' },
    id: 'DX_SEX_CONFLICT',
    found: true,
  },
  {
    name: 'PCS FY2026: 0DTJ4ZZ is valid',
    spec: { dx: ['K35.80'], setting: 'inpatient', px: [{ system: 'icd10pcs', code: '0DTJ4ZZ' }] },
    id: 'PCS_INVALID',
    found: false,
  },
  {
    name: 'PCS FY2026: 0DTJ4Z1 is not',
    spec: { dx: ['K35.80'], setting: 'inpatient', px: [{ system: 'icd10pcs', code: '0DTJ4Z1' }] },
    id: 'PCS_INVALID',
    found: true,
  },
  {
    name: 'HCPCS 2025: modifier CP, terminated 2017-12-31',
    spec: {
      dx: ['I10'],
      setting: 'professional',
      from: '2025-03-01',
      px: [{ system: 'hcpcs', code: 'G0438', modifiers: ['CP'] }],
    },
    id: 'MOD_NOT_ACTIVE',
    found: true,
  },
  {
    name: 'HCPCS 2025: G0438 with LT is active',
    spec: {
      dx: ['I10'],
      setting: 'professional',
      from: '2025-03-01',
      px: [{ system: 'hcpcs', code: 'G0438', modifiers: ['LT'] }],
    },
    id: 'MOD_NOT_ACTIVE',
    found: false,
  },
];

describe('edits on the official releases', { skip: !hasSharedData() && 'shared data not present' }, () => {
  let store: SqliteStore;
  let sets: CodeSet[];
  let ctx: EditContext;
  let cm: CodeSet;
  before(async () => {
    store = await realStore();
    sets = store
      .listVersionsSync()
      .filter((v) => v.counts.codes > 0)
      .map((v) => store.openCodeSetSync(v.id));
    ctx = editContext(sets);
    cm = sets.find((s) => s.info.versionId === 'icd10cm-2026')!;
  });
  after(() => store.close());

  for (const c of CASES) {
    it(c.name, () => {
      const findings = check(encounterOf(c.spec), ctx);
      const hit = findings.find((f) => f.id === c.id && (c.code === undefined || f.codes.includes(c.code)));
      assert.equal(hit !== undefined, c.found, findings.map((f) => f.id).join(' '));
    });
  }

  it('cites the tabular note and the year of the tabular layer (FY2023 inherited by FY2026)', () => {
    const f = check(encounterOf({ dx: ['E11.9', 'E10.9'] }), ctx).find((x) => x.id === 'DX_EXCLUDES1')!;
    assert.equal(f.source.noteOwner, 'E11');
    assert.equal(f.source.year, cm.info.layers.tabular?.year);
  });

  it('every prefix of the Z-code sequencing tables is a code or header of FY2026', () => {
    const missing = [...FIRST_LISTED_ONLY, ...SECONDARY_ONLY].map((r) => r.prefix).filter((p) => !cm.get(p));
    assert.deepEqual(missing, []);
  });

  it('PCS table rows accept every FY2026 code and no code one character away from it', () => {
    const pcs = sets.find((s) => s.info.versionId === 'icd10pcs-2026')!;
    const codes = new Set([...pcs.codes()].filter((c) => c.billable).map((c) => c.code));
    let checked = 0;
    for (const code of codes) {
      if (checked++ % 97) continue;
      assert.ok(isValidPcs(pcs, code), code);
      const other = code.slice(0, 6) + (code[6] === 'Z' ? '0' : 'Z');
      assert.equal(isValidPcs(pcs, other), codes.has(other), other);
    }
  });

  it('derived sex: most billable codes of N40-N53 are male and of N70-N98 female, none of chapter 16', () => {
    const share = (first: string, last: string, sex: string): number => {
      const list = [...cm.codes()].filter((c) => c.billable && c.code >= first && c.code < last);
      const hits = list.filter((c) => deriveAgeSex(dxFacts(cm).of(c.code)).sex === sex).length;
      return hits / list.length;
    };
    assert.ok(share('N40', 'N54', 'male') > 0.8, `male share ${share('N40', 'N54', 'male')}`);
    assert.ok(share('N70', 'N99', 'female') > 0.8, `female share ${share('N70', 'N99', 'female')}`);
    assert.equal(share('P00', 'P97', 'female') + share('P00', 'P97', 'male'), 0);
  });
});
