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

describe('the range prefilter of the edits', () => {
  it('never turns away a code that codeInRange accepts, letter categories included', async () => {
    const { mayBeInRange } = await import('./dx-facts.ts');
    const { codeInRange } = await import('../terminology/note-ranges.ts');
    const codes = [
      'M08',
      'M089',
      'M1A',
      'M1A00',
      'M09',
      'M10',
      'C43',
      'C4A',
      'C44',
      'C75',
      'C7A',
      'C7B',
      'C76',
      'E11',
      'E1122',
      'N186',
      'Z36',
      'Z3A39',
      'Z37',
    ];
    const ends = [
      'M05',
      'M08',
      'M1A',
      'M10',
      'C43',
      'C4A',
      'C7A',
      'C76',
      'E08',
      'E13',
      'N181',
      'N186',
      'Z3A',
      'Z37',
    ];
    for (const code of codes)
      for (const first of ends)
        for (const last of ends) {
          const range = { first, last, text: `${first}-${last}` };
          if (codeInRange(code, range)) assert.ok(mayBeInRange(code, range), `${code} in ${first}-${last}`);
        }
  });
});
