import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EditCase } from './edit-test-kit.ts';
import { assertCase } from './edit-test-kit.ts';
import { check } from './check.ts';
import { editContext } from './edit-context.ts';
import { encounterOf } from './synthetic-encounters.ts';

const CASES: readonly EditCase[] = [
  {
    name: 'I.B.2: E11.22 is billable and passes',
    spec: { dx: ['E11.22'] },
    id: 'DX_HEADER_NOT_BILLABLE',
    found: false,
  },
  {
    name: 'I.B.2: header E11.2 is refused',
    spec: { dx: ['E11.2'] },
    id: 'DX_HEADER_NOT_BILLABLE',
    found: true,
    code: 'E112',
    severity: 'error',
  },
  {
    name: 'codes file: E99.9 is not a code',
    spec: { dx: ['E99.9'] },
    id: 'DX_UNKNOWN_CODE',
    found: true,
    code: 'E999',
  },
  { name: 'codes file: I10 is a code', spec: { dx: ['I10'] }, id: 'DX_UNKNOWN_CODE', found: false },
  {
    name: 'codes file FY2025: E11.A (new in FY2026) on 2025-06-01 is not valid on the date',
    spec: { dx: ['E11.A'], from: '2025-06-01' },
    id: 'DX_NOT_VALID_ON_DATE',
    found: true,
    code: 'E11A',
  },
  {
    name: 'codes file FY2026: E11.A on 2026-01-15 is valid',
    spec: { dx: ['E11.A'] },
    id: 'DX_NOT_VALID_ON_DATE',
    found: false,
  },
  {
    name: 'I.A.5: S72.001 without 7th character is refused',
    spec: { dx: ['S72.001'] },
    id: 'DX_MISSING_7TH_CHARACTER',
    found: true,
    code: 'S72001',
  },
  {
    name: 'I.A.5: S72.001A has its 7th character',
    spec: { dx: ['S72.001A'] },
    id: 'DX_MISSING_7TH_CHARACTER',
    found: false,
  },
  {
    name: 'I.A.4: T15.00A lacks placeholder X',
    spec: { dx: ['T15.00A'] },
    id: 'DX_PLACEHOLDER_X_MISSING',
    found: true,
    code: 'T1500A',
  },
  {
    name: 'I.A.4: T15.00XA has its placeholder',
    spec: { dx: ['T15.00XA'] },
    id: 'DX_PLACEHOLDER_X_MISSING',
    found: false,
  },
  {
    name: 'I.B.12: I10 twice is a duplicate',
    spec: { dx: ['I10', 'E11.9', 'I10'] },
    id: 'DX_DUPLICATE',
    found: true,
    code: 'I10',
  },
];

describe('diagnosis validity', () => {
  for (const c of CASES) it(c.name, () => void assertCase(c));

  it('header fix lists the billable codes under E11.2', () => {
    const f = assertCase(CASES[1]!);
    assert.deepEqual(f?.fix?.codes, ['E1121', 'E1122']);
  });

  it('placeholder fix is the X-padded code T15.00XA', () => {
    const f = assertCase(CASES[8]!);
    assert.deepEqual(f?.fix?.codes, ['T1500XA']);
  });

  it('missing 7th character fix offers S72.001A first', () => {
    const f = assertCase(CASES[6]!);
    assert.equal(f?.fix?.codes?.[0], 'S72001A');
  });

  it('an unknown code that extends a billable one (I10.9) points at it', () => {
    const f = assertCase({ name: '', spec: { dx: ['I10.9'] }, id: 'DX_UNKNOWN_CODE', found: true });
    assert.deepEqual(f?.fix?.codes, ['I10']);
  });

  it('an unknown code under a header (E11.3) lists the billable codes of the header', () => {
    const f = assertCase({ name: '', spec: { dx: ['E11.3'] }, id: 'DX_UNKNOWN_CODE', found: true });
    assert.deepEqual(f?.fix?.codes, ['E1121', 'E1122', 'E1142', 'E119', 'E11A']);
  });

  it('a date no ICD-10-CM version covers gives DX_NO_CODE_SET', () => {
    const findings = check(encounterOf({ dx: ['I10'], from: '2030-01-01' }), editContext([]));
    assert.deepEqual(
      findings.map((f) => f.id),
      ['DX_NO_CODE_SET'],
    );
  });
});
