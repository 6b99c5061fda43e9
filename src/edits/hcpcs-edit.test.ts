import { describe, it } from 'node:test';
import type { EditCase } from './edit-test-kit.ts';
import { assertCase } from './edit-test-kit.ts';
import type { ProcedureLine } from './encounter-schema.ts';

const line = (code: string, modifiers: string[] = []): ProcedureLine[] => [
  { system: 'hcpcs', code, modifiers },
];
const on = (from: string, px: ProcedureLine[]) => ({
  dx: ['I10'],
  setting: 'professional' as const,
  from,
  px,
});
const CASES: readonly EditCase[] = [
  {
    name: 'HCPCS file: G0438 is active in 2025',
    spec: on('2025-05-01', line('G0438')),
    id: 'HCPCS_NOT_ACTIVE',
    found: false,
  },
  {
    name: 'HCPCS file: G9990 terminated 2025-03-31 is not active on 2025-05-01',
    spec: on('2025-05-01', line('G9990')),
    id: 'HCPCS_NOT_ACTIVE',
    found: true,
    code: 'G9990',
  },
  {
    name: 'HCPCS file: G9990 is active on 2025-03-01',
    spec: on('2025-03-01', line('G9990')),
    id: 'HCPCS_NOT_ACTIVE',
    found: false,
  },
  {
    name: 'HCPCS file: Q5199 added 2025-07-01 is not active on 2025-05-01',
    spec: on('2025-05-01', line('Q5199')),
    id: 'HCPCS_NOT_ACTIVE',
    found: true,
    code: 'Q5199',
  },
  {
    name: 'HCPCS file: A9999 is unknown',
    spec: on('2025-05-01', line('A9999')),
    id: 'HCPCS_UNKNOWN',
    found: true,
  },
  {
    name: 'HCPCS modifiers: GZ terminated 2024-12-31 is not active in 2025',
    spec: on('2025-05-01', line('G0438', ['GZ'])),
    id: 'MOD_NOT_ACTIVE',
    found: true,
    code: 'GZ',
  },
  {
    name: 'HCPCS modifiers: LT is active',
    spec: on('2025-05-01', line('G0438', ['LT'])),
    id: 'MOD_NOT_ACTIVE',
    found: false,
  },
  {
    name: 'HCPCS modifiers: QQ is not in the file',
    spec: on('2025-05-01', line('G0438', ['QQ'])),
    id: 'MOD_UNKNOWN',
    found: true,
    severity: 'warning',
  },
  {
    name: 'HCPCS modifiers: two-digit CPT modifier 25 is not checked against the HCPCS file',
    spec: on('2025-05-01', line('G0438', ['25'])),
    id: 'MOD_UNKNOWN',
    found: false,
  },
  {
    name: 'HCPCS: no HCPCS version covers 2026-02-01',
    spec: on('2026-02-01', line('G0438')),
    id: 'PX_NO_CODE_SET',
    found: true,
    code: 'G0438',
  },
];

describe('HCPCS codes and modifiers on the date of service', () => {
  for (const c of CASES) it(c.name, () => void assertCase(c));
});
