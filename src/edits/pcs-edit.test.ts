import { describe, it } from 'node:test';
import type { EditCase } from './edit-test-kit.ts';
import { assertCase } from './edit-test-kit.ts';

const pcs = (code: string) => [{ system: 'icd10pcs' as const, code }];
const CASES: readonly EditCase[] = [
  {
    name: 'PCS table 0DT row J: 0DTJ4ZZ is valid',
    spec: { dx: ['R69'], setting: 'inpatient', px: pcs('0DTJ4ZZ') },
    id: 'PCS_INVALID',
    found: false,
  },
  {
    name: 'PCS table 0DT: 0DTJ7ZZ mixes rows (approach 7 is only in the stomach row)',
    spec: { dx: ['R69'], setting: 'inpatient', px: pcs('0DTJ7ZZ') },
    id: 'PCS_INVALID',
    found: true,
    code: '0DTJ7ZZ',
  },
  {
    name: 'PCS: no table 0DX',
    spec: { dx: ['R69'], setting: 'inpatient', px: pcs('0DXJ4ZZ') },
    id: 'PCS_INVALID',
    found: true,
  },
  {
    name: 'PCS: 6 characters is not a code',
    spec: { dx: ['R69'], setting: 'inpatient', px: pcs('0DTJ4Z') },
    id: 'PCS_INVALID',
    found: true,
  },
  {
    name: 'PCS on an outpatient claim is refused',
    spec: { dx: ['R69'], setting: 'outpatient', px: pcs('0DTJ4ZZ') },
    id: 'PCS_NOT_INPATIENT',
    found: true,
    severity: 'error',
  },
  {
    name: 'PCS on an inpatient claim is in place',
    spec: { dx: ['R69'], setting: 'inpatient', px: pcs('0DTJ4ZZ') },
    id: 'PCS_NOT_INPATIENT',
    found: false,
  },
  {
    name: 'PCS tables FY2026: 0DT64ZZ (stomach row) is valid on 2026-01-15',
    spec: { dx: ['R69'], setting: 'inpatient', px: pcs('0DT64ZZ') },
    id: 'PCS_NOT_VALID_ON_DATE',
    found: false,
  },
  {
    name: 'PCS tables FY2025: 0DT64ZZ is not valid on 2025-06-01 (its row is FY2026 only)',
    spec: { dx: ['R69'], setting: 'inpatient', from: '2025-06-01', px: pcs('0DT64ZZ') },
    id: 'PCS_NOT_VALID_ON_DATE',
    found: true,
    code: '0DT64ZZ',
  },
  {
    name: 'PCS: no ICD-10-PCS version covers 2024-06-01',
    spec: { dx: ['R69'], setting: 'inpatient', from: '2024-06-01', px: pcs('0DTJ4ZZ') },
    id: 'PX_NO_CODE_SET',
    found: true,
  },
];

describe('ICD-10-PCS', () => {
  for (const c of CASES) it(c.name, () => void assertCase(c));
});
