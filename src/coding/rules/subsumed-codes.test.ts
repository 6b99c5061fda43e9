import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CandidateMention } from '../learned/candidate-features.ts';
import { dropSubsumedCodes } from './subsumed-codes.ts';
import { workingCode } from './working-code.ts';

const FLAGS = { negated: false, uncertain: false, family: false, hypothetical: false, historical: false };

function mention(first: number, last: number, loose = false): CandidateMention {
  const entry = { code: 'X', source: 'title', path: 'test' } as const;
  return { first, last, flags: FLAGS, entry, ...(loose ? { loose } : {}) };
}

const kept = (items: Parameters<typeof dropSubsumedCodes>[0]): string[] =>
  dropSubsumedCodes(items).kept.map((k) => k.code);

describe('same-words subsumption', () => {
  const cases = [
    {
      name: 'a phrase inside a longer phrase of a code of the same chapter goes to that code',
      outer: mention(0, 5),
      inner: mention(2, 4),
      kept: ['N1832'],
    },
    {
      name: "a loose match's stretch is no phrase: it swallows nothing",
      outer: mention(0, 5, true),
      inner: mention(2, 4),
      kept: ['N1832', 'N189'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const a = workingCode('icd10cm', 'N1832', 0.9, [c.outer], 'test');
      const b = workingCode('icd10cm', 'N189', 0.8, [c.inner], 'test');
      assert.deepEqual(kept([a, b]), c.kept);
    });
  }

  it('of two siblings read from overlapping words the better-ranked stays, unless the words are loose', () => {
    const first = workingCode('icd10cm', 'I5023', 0.9, [mention(0, 5)], 'test');
    const sibling = workingCode('icd10cm', 'I5022', 0.8, [mention(2, 5)], 'test');
    assert.deepEqual(kept([first, sibling]), ['I5023']);
    const loose = workingCode('icd10cm', 'I5021', 0.95, [mention(0, 9, true)], 'test');
    assert.deepEqual(kept([loose, first]), ['I5021', 'I5023']);
  });

  it('of two siblings that each subsume the other, the better-ranked stays (not neither)', () => {
    const first = workingCode('icd10cm', 'R402433', 0.9, [mention(2, 3)], 'test');
    const sibling = workingCode('icd10cm', 'R402430', 0.8, [mention(2, 4)], 'test');
    assert.deepEqual(kept([first, sibling]), ['R402433']);
  });
});
