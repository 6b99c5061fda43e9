import { describe, it } from 'node:test';
import type { EditCase } from './edit-test-kit.ts';
import { assertCase } from './edit-test-kit.ts';

const CASES: readonly EditCase[] = [
  {
    name: 'use additional code at M60.0 (B95-B97, several categories): missing infectious agent is a warning',
    spec: { dx: ['M60.00'] },
    id: 'DX_USE_ADDITIONAL_MISSING',
    found: true,
    code: 'M6000',
    severity: 'warning',
  },
  {
    name: 'use additional code at M60.0: B95.61 satisfies it',
    spec: { dx: ['M60.00', 'B95.61'] },
    id: 'DX_USE_ADDITIONAL_MISSING',
    found: false,
  },
  {
    name: 'use additional code at E11.22 (N18.1-N18.6): E11.22 without a CKD stage is an error',
    spec: { dx: ['E11.22'] },
    id: 'DX_USE_ADDITIONAL_MISSING',
    found: true,
    code: 'E1122',
    severity: 'error',
  },
  {
    name: 'use additional code at E11.22: N18.4 satisfies it',
    spec: { dx: ['E11.22', 'N18.4'] },
    id: 'DX_USE_ADDITIONAL_MISSING',
    found: false,
    code: 'E1122',
    severity: 'error',
  },
  {
    name: 'use additional code at E11.22: N18.9 is outside N18.1-N18.6',
    spec: { dx: ['E11.22', 'N18.9'] },
    id: 'DX_USE_ADDITIONAL_MISSING',
    found: true,
    code: 'E1122',
    severity: 'error',
  },
  {
    name: 'use additional code at J44 (tobacco): missing with tobacco documented is a warning',
    spec: { dx: ['J44.9'], tobacco: true },
    id: 'DX_USE_ADDITIONAL_MISSING',
    found: true,
    code: 'J449',
    severity: 'warning',
  },
  {
    name: 'use additional code at J44 (tobacco): missing without tobacco documented is info',
    spec: { dx: ['J44.9'] },
    id: 'DX_USE_ADDITIONAL_MISSING',
    found: true,
    code: 'J449',
    severity: 'info',
  },
  {
    name: 'use additional code at J44 (tobacco): F17.210 satisfies it',
    spec: { dx: ['J44.9', 'F17.210'], tobacco: true },
    id: 'DX_USE_ADDITIONAL_MISSING',
    found: false,
    code: 'J449',
  },
  {
    name: 'use additional code at E11 (insulin Z79.4) is only info on E11.9',
    spec: { dx: ['E11.9'] },
    id: 'DX_USE_ADDITIONAL_MISSING',
    found: true,
    code: 'E119',
    severity: 'info',
  },
  {
    name: 'I.A.17 code also at J44 (J45.-) is info when no asthma code',
    spec: { dx: ['J44.9'] },
    id: 'DX_CODE_ALSO',
    found: true,
    code: 'J449',
    severity: 'info',
  },
  {
    name: 'I.A.17 code also at J44: J45.20 satisfies it',
    spec: { dx: ['J44.9', 'J45.20'] },
    id: 'DX_CODE_ALSO',
    found: false,
  },
];

describe('use additional code and code also', () => {
  for (const c of CASES) it(c.name, () => void assertCase(c));
});
