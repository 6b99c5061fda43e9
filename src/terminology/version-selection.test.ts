import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { VersionInfo } from './model.ts';
import { effectiveRange, versionForDate } from './version-selection.ts';

const version = (system: VersionInfo['system'], year: number): VersionInfo => {
  const { from, to } = effectiveRange({ system, year });
  return {
    id: `${system}-${year}`,
    system,
    year,
    effectiveFrom: from,
    effectiveTo: to,
    layers: [],
    counts: { codes: 1, billable: 1, headers: 0 },
  };
};

describe('release of a date of service', () => {
  it('ICD-10 versions run October 1 to September 30; HCPCS versions a calendar year', () => {
    assert.deepEqual(effectiveRange({ system: 'icd10cm', year: 2026 }), {
      from: '2025-10-01',
      to: '2026-09-30',
    });
    assert.deepEqual(effectiveRange({ system: 'hcpcs', year: 2025 }), {
      from: '2025-01-01',
      to: '2025-12-31',
    });
  });

  it('picks the version holding the date, the newest without one, and names the year to import otherwise', () => {
    const all = [version('icd10cm', 2025), version('icd10cm', 2026), version('hcpcs', 2025)];
    assert.equal(versionForDate(all, 'icd10cm', '2025-10-01').id, 'icd10cm-2026');
    assert.equal(versionForDate(all, 'icd10cm', '2025-09-30').id, 'icd10cm-2025');
    assert.equal(versionForDate(all, 'icd10cm').id, 'icd10cm-2026');
    assert.equal(versionForDate(all, 'hcpcs', '2025-11-15').id, 'hcpcs-2025');
    assert.throws(() => versionForDate(all, 'icd10cm', '2026-10-01'), /FY2027/);
    assert.throws(() => versionForDate(all, 'icd10pcs', '2026-01-01'), /no ICD-10-PCS release is loaded/);
  });
});
