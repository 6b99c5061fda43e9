import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyCombinations } from './combination-codes.ts';
import { workingCode } from './working-code.ts';

const code = (c: string, confidence = 0.9): ReturnType<typeof workingCode> =>
  workingCode('icd10cm', c, confidence, [], 'test');
const exists = (): boolean => true;

describe('applyCombinations', () => {
  it('I.C.9.a.3: hypertension with heart failure and CKD becomes I13.0', () => {
    const r = applyCombinations([code('I10'), code('I5023'), code('N1832')], exists);
    assert.deepEqual(r.kept.map((i) => i.code).sort(), ['I130', 'I5023', 'N1832']);
    assert.deepEqual(
      r.setAside.map((s) => [s.item.code, s.reason]),
      [['I10', 'combined']],
    );
  });

  it('I.C.9.a.3: an I12 / I11 code proposed on its own is set aside once I13 is coded', () => {
    const r = applyCombinations(
      [code('I10'), code('I5023'), code('N1832'), code('I129', 0.3), code('I110', 0.3)],
      exists,
    );
    assert.deepEqual(r.kept.map((i) => i.code).sort(), ['I130', 'I5023', 'N1832']);
    assert.deepEqual(r.setAside.map((s) => s.item.code).sort(), ['I10', 'I110', 'I129']);
  });

  it('keeps I12.9 when nothing makes it I13', () => {
    const r = applyCombinations([code('I129'), code('N1832')], exists);
    assert.deepEqual(r.kept.map((i) => i.code).sort(), ['I129', 'N1832']);
    assert.equal(r.setAside.length, 0);
  });
});
