import { describe, it } from 'node:test';
import type { EditCase } from './edit-test-kit.ts';
import { assertCase } from './edit-test-kit.ts';

const CASES: readonly EditCase[] = [
  {
    name: 'I.A.13: G63 "in diseases classified elsewhere" first-listed is refused',
    spec: { dx: ['G63', 'E85.0'] },
    id: 'DX_MANIFESTATION_FIRST',
    found: true,
    code: 'G63',
    severity: 'error',
  },
  {
    name: 'I.A.13: G63 after its etiology E85.0 passes',
    spec: { dx: ['E85.0', 'G63'] },
    id: 'DX_MANIFESTATION_FIRST',
    found: false,
  },
  {
    name: 'I.A.13 code first at G63: etiology E85.0 listed after G63 is out of order',
    spec: { dx: ['I10', 'G63', 'E85.0'] },
    id: 'DX_CODE_FIRST_ORDER',
    found: true,
    code: 'E850',
    severity: 'error',
  },
  {
    name: 'I.A.13 code first at G63: etiology C61 before G63 is in order',
    spec: { dx: ['C61', 'G63'] },
    id: 'DX_CODE_FIRST_ORDER',
    found: false,
  },
  {
    name: 'I.A.13 code first at G63: no listed etiology is a warning',
    spec: { dx: ['I10', 'G63'] },
    id: 'DX_CODE_FIRST_MISSING',
    found: true,
    code: 'G63',
    severity: 'warning',
  },
  {
    name: 'I.A.13 code first at G63: amyloidosis E85.0 satisfies it',
    spec: { dx: ['E85.0', 'G63'] },
    id: 'DX_CODE_FIRST_MISSING',
    found: false,
  },
];

describe('etiology / manifestation and code first', () => {
  for (const c of CASES) it(c.name, () => void assertCase(c));
});
