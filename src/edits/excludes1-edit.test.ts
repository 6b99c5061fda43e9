import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EditCase } from './edit-test-kit.ts';
import { assertCase } from './edit-test-kit.ts';

const CASES: readonly EditCase[] = [
  {
    name: 'I.A.12.a Excludes1 at E11 (E10.-): E11.9 with E10.9 is refused',
    spec: { dx: ['E11.9', 'E10.9'] },
    id: 'DX_EXCLUDES1',
    found: true,
    code: 'E109',
    severity: 'error',
  },
  {
    name: 'I.A.12.a Excludes1 at E11 inherited by E11.22: E11.22 with E08.9 is refused',
    spec: { dx: ['E11.22', 'N18.4', 'E08.9'] },
    id: 'DX_EXCLUDES1',
    found: true,
    code: 'E089',
  },
  {
    name: 'I.A.12.a Excludes1 in either order: E10.9 then E11.9 is refused',
    spec: { dx: ['E10.9', 'E11.9'] },
    id: 'DX_EXCLUDES1',
    found: true,
    code: 'E119',
  },
  {
    name: 'I.A.12.a Excludes1 at E11 (E13.-) reaches E13.9',
    spec: { dx: ['E13.9', 'E11.9'] },
    id: 'DX_EXCLUDES1',
    found: true,
    code: 'E139',
  },
  {
    name: 'I.A.12.a: E11.9 with I10 is allowed',
    spec: { dx: ['E11.9', 'I10'] },
    id: 'DX_EXCLUDES1',
    found: false,
  },
  {
    name: 'I.A.12.b Excludes2 is never an error: G63 with E11.42',
    spec: { dx: ['E11.42', 'G63'] },
    id: 'DX_EXCLUDES1',
    found: false,
  },
  {
    name: 'I.A.12.b Excludes2 at S72 (S82.-) is not reported',
    spec: { dx: ['S72.001A', 'W19.XXXA'] },
    id: 'DX_EXCLUDES1',
    found: false,
  },
];

describe('Excludes1', () => {
  for (const c of CASES) it(c.name, () => void assertCase(c));

  it('one pair is reported once, citing the note and its year', () => {
    const f = assertCase(CASES[0]!);
    assert.equal(f?.source.noteOwner, 'E11');
    assert.equal(f?.source.noteType, 'excludes1');
    assert.equal(f?.source.year, 2026);
  });
});
