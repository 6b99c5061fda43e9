import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyCombinations } from './combination-codes.ts';
import { workingCode } from './working-code.ts';

const FLAGS = { negated: false, uncertain: false, family: false, hypothetical: false, historical: false };
const coded = (code: string, at: number) =>
  workingCode('icd10cm', code, 0.9, [{ first: at, last: at, flags: FLAGS }], 'test');

describe('hypertension combinations (I.C.9.a)', () => {
  it('hypertension with heart failure and CKD is I13.0, which contains a separately coded I12.9', () => {
    const items = [coded('I10', 0), coded('N1832', 1), coded('I5023', 2), coded('I129', 3)];
    const r = applyCombinations(items, () => true);
    assert.deepEqual(r.kept.map((k) => k.code).sort(), ['I130', 'I5023', 'N1832']);
    assert.deepEqual(r.setAside.map((s) => s.item.code).sort(), ['I10', 'I129']);
  });

  it('hypertension with CKD alone keeps no other hypertensive code out', () => {
    const r = applyCombinations([coded('I10', 0), coded('N1832', 1)], () => true);
    assert.deepEqual(r.kept.map((k) => k.code).sort(), ['I129', 'N1832']);
  });
});

describe('diabetes with chronic kidney disease (I.A.15)', () => {
  it('E11.9 and N18.32 become E11.22 + N18.32, and an E11.22 proposed on its own is not listed twice', () => {
    const r = applyCombinations([coded('E119', 0), coded('N1832', 1), coded('E1122', 2)], () => true);
    assert.deepEqual(r.kept.map((k) => k.code).sort(), ['E1122', 'N1832']);
    assert.equal(r.kept.find((k) => k.code === 'E1122')!.source, 'combination of E119 + N1832');
    assert.deepEqual(r.setAside.map((s) => s.item.code).sort(), ['E1122', 'E119']);
  });
});
