import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EditCase } from './edit-test-kit.ts';
import { assertCase } from './edit-test-kit.ts';

const CASES: readonly EditCase[] = [
  {
    name: 'I.C.20.a.2: W19.XXXD (subsequent) with S72.001A (initial) disagree',
    spec: { dx: ['S72.001A', 'W19.XXXD'] },
    id: 'INJ_7TH_MISMATCH',
    found: true,
    code: 'W19XXXD',
    severity: 'warning',
  },
  {
    name: 'I.C.20.a.2: W19.XXXA with S72.001A agree',
    spec: { dx: ['S72.001A', 'W19.XXXA'] },
    id: 'INJ_7TH_MISMATCH',
    found: false,
  },
  {
    name: 'I.C.20.a.2: W19.XXXD with S72.001D agree',
    spec: { dx: ['S72.001D', 'W19.XXXD'] },
    id: 'INJ_7TH_MISMATCH',
    found: false,
  },
  {
    name: 'I.C.20.a.2: W19.XXXA with T15.00XD disagree',
    spec: { dx: ['T15.00XD', 'W19.XXXA'] },
    id: 'INJ_7TH_MISMATCH',
    found: true,
    code: 'W19XXXA',
  },
];

describe('injury and external cause 7th characters', () => {
  for (const c of CASES) it(c.name, () => void assertCase(c));

  it('the fix is the external cause code with the injury episode', () => {
    assert.deepEqual(assertCase(CASES[0]!)?.fix?.codes, ['W19XXXA']);
  });
});
