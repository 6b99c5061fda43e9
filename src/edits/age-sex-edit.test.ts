import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editContext } from './edit-context.ts';
import type { EditCase } from './edit-test-kit.ts';
import { SETS, assertCase } from './edit-test-kit.ts';
import { parseMceLists } from './mce-lists.ts';

const CASES: readonly EditCase[] = [
  {
    name: 'MCE newborn (chapter 16): P07.30 at age 40 is refused',
    spec: { dx: ['P07.30'], age: 40 },
    id: 'DX_AGE_NEWBORN',
    found: true,
    code: 'P0730',
    severity: 'error',
  },
  {
    name: 'MCE newborn (chapter 16): P07.30 at age 0 passes',
    spec: { dx: ['P07.30'], age: 0 },
    id: 'DX_AGE_NEWBORN',
    found: false,
  },
  {
    name: 'MCE maternity (chapter 15, 9-64): O80 at age 70 is refused',
    spec: { dx: ['O80'], age: 70, sex: 'female' },
    id: 'DX_AGE_MATERNITY',
    found: true,
    code: 'O80',
  },
  {
    name: 'MCE maternity: O80 at age 30 passes',
    spec: { dx: ['O80'], age: 30, sex: 'female' },
    id: 'DX_AGE_MATERNITY',
    found: false,
  },
  {
    name: 'MCE maternity (Z3A): Z3A.39 at age 8 is refused',
    spec: { dx: ['O80', 'Z3A.39'], age: 8, sex: 'female' },
    id: 'DX_AGE_MATERNITY',
    found: true,
    code: 'Z3A39',
  },
  {
    name: 'MCE pediatric: Z00.121 child exam at age 40 is reviewed',
    spec: { dx: ['Z00.121'], age: 40 },
    id: 'DX_AGE_PEDIATRIC',
    found: true,
    code: 'Z00121',
    severity: 'warning',
  },
  {
    name: 'MCE adult ("adult" in title): Z00.00 at age 10 is reviewed',
    spec: { dx: ['Z00.00'], age: 10 },
    id: 'DX_AGE_ADULT',
    found: true,
    code: 'Z0000',
  },
  {
    name: 'MCE adult: Z00.00 at age 15 passes',
    spec: { dx: ['Z00.00'], age: 15 },
    id: 'DX_AGE_ADULT',
    found: false,
  },
  {
    name: 'sex from title ("prostatic"): N40.0 on a female is a warning',
    spec: { dx: ['N40.0'], sex: 'female' },
    id: 'DX_SEX_CONFLICT',
    found: true,
    code: 'N400',
    severity: 'warning',
  },
  {
    name: 'sex from title: N40.0 on a male passes',
    spec: { dx: ['N40.0'], sex: 'male' },
    id: 'DX_SEX_CONFLICT',
    found: false,
  },
  {
    name: 'sex from chapter 15: O80 on a male is a warning',
    spec: { dx: ['O80'], sex: 'male', age: 30 },
    id: 'DX_SEX_CONFLICT',
    found: true,
    code: 'O80',
  },
  {
    name: 'sex from title ("uterus"): N80.00 on a male is a warning',
    spec: { dx: ['N80.00'], sex: 'male' },
    id: 'DX_SEX_CONFLICT',
    found: true,
    code: 'N8000',
  },
  {
    name: 'sex: C61 prostate on unknown sex passes',
    spec: { dx: ['C61'], sex: 'unknown' },
    id: 'DX_SEX_CONFLICT',
    found: false,
  },
];

describe('age and sex (MCE)', () => {
  for (const c of CASES) it(c.name, () => void assertCase(c));

  it('sex edits off: N40.0 on a female passes', () => {
    assertCase(
      CASES[8]! && { ...CASES[8]!, found: false },
      editContext(SETS, { options: { sexEdits: 'off' } }),
    );
  });

  it('sex edits as error: N40.0 on a female is an error', () => {
    assertCase({ ...CASES[8]!, severity: 'error' }, editContext(SETS, { options: { sexEdits: 'error' } }));
  });

  it('official MCE lists replace the derived ones', () => {
    const mce = parseMceLists('list,code\nadult\tI10\n# comment\nmale,N40.0\n', 'mce.txt', 2026);
    const ctx = editContext(SETS, { mce });
    const f = assertCase(
      { name: '', spec: { dx: ['I10'], age: 10 }, id: 'DX_AGE_ADULT', found: true, severity: 'error' },
      ctx,
    );
    assert.equal(f?.source.file, 'mce.txt');
    assertCase({ name: '', spec: { dx: ['P07.30'], age: 40 }, id: 'DX_AGE_NEWBORN', found: false }, ctx);
  });

  it('a bad MCE list row is refused with its line', () => {
    assert.throws(
      () => parseMceLists('adult\tI10\nelderly\tI10\n', 'mce.txt'),
      (e: unknown) => {
        assert.match(String((e as Error).message), /elderly/);
        assert.equal((e as { location: { line: number } }).location.line, 2);
        return true;
      },
    );
  });
});
