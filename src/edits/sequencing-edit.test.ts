import { describe, it } from 'node:test';
import type { EditCase } from './edit-test-kit.ts';
import { assertCase } from './edit-test-kit.ts';

const CASES: readonly EditCase[] = [
  {
    name: 'I.C.20: external cause W19.XXXA first-listed is refused',
    spec: { dx: ['W19.XXXA', 'S72.001A'] },
    id: 'DX_SEQUENCING_SECONDARY_ONLY',
    found: true,
    code: 'W19XXXA',
    severity: 'error',
  },
  {
    name: 'I.C.20: external cause after the injury passes',
    spec: { dx: ['S72.001A', 'W19.XXXA'] },
    id: 'DX_SEQUENCING_SECONDARY_ONLY',
    found: false,
  },
  {
    name: 'I.B.14: BMI Z68.41 first-listed is refused',
    spec: { dx: ['Z68.41', 'E11.9'] },
    id: 'DX_SEQUENCING_SECONDARY_ONLY',
    found: true,
    code: 'Z6841',
  },
  {
    name: 'I.C.21.c.11: outcome of delivery Z37.0 first is refused',
    spec: { dx: ['Z37.0', 'O80'], sex: 'female', age: 30 },
    id: 'DX_SEQUENCING_SECONDARY_ONLY',
    found: true,
    code: 'Z370',
  },
  {
    name: 'I.C.21.c.11: O80 with Z37.0 and Z3A.39 after it passes',
    spec: { dx: ['O80', 'Z37.0', 'Z3A.39'], sex: 'female', age: 30 },
    id: 'DX_SEQUENCING_SECONDARY_ONLY',
    found: false,
  },
  {
    name: 'I.C.21.c.15: Z00.00 general adult exam not first is reviewed',
    spec: { dx: ['I10', 'Z00.00'] },
    id: 'DX_SEQUENCING_FIRST_LISTED_ONLY',
    found: true,
    code: 'Z0000',
    severity: 'warning',
  },
  {
    name: 'I.C.21.c.15: Z00.00 first passes',
    spec: { dx: ['Z00.00', 'I10'] },
    id: 'DX_SEQUENCING_FIRST_LISTED_ONLY',
    found: false,
  },
];

describe('sequencing of the first-listed diagnosis', () => {
  for (const c of CASES) it(c.name, () => void assertCase(c));
});
