import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pcsFormOf, pcsPrefix, trainPcsForms } from './pcs-prefix-forms.ts';

const valid = new Set(['BW20ZZZ', 'BW201ZZ', 'B030ZZZ', 'B030YZZ', '0TTB8ZZ']);
const exists = (code: string): boolean => valid.has(code);

describe('PCS codes learned per 4-character prefix', () => {
  it('the key of a code is its first four characters (section, body system, root operation, body part)', () => {
    assert.equal(pcsPrefix('0DJD8ZZ'), '0DJD');
    assert.equal(pcsPrefix('BW20'), 'BW20');
  });

  const TRAIN: readonly (readonly [string, readonly (readonly string[])[], Record<string, string>])[] = [
    [
      'the most frequent full code of a prefix',
      [['0DJD8ZZ'], ['0DJD8ZZ'], ['0DJDXZZ']],
      { '0DJD': '0DJD8ZZ' },
    ],
    ['a tie goes to the first code in code order', [['0DJDXZZ'], ['0DJD8ZZ']], { '0DJD': '0DJD8ZZ' }],
    ['a code counts once per document', [['0DJDXZZ', '0DJDXZZ'], ['0DJD8ZZ']], { '0DJD': '0DJD8ZZ' }],
    ['a prefix seen only as a prefix has no entry', [['BW24'], ['BW24']], {}],
    [
      'mostly a prefix: the none values when the release has them',
      [['B030'], ['B030'], ['B030YZZ']],
      { B030: 'B030ZZZ' },
    ],
    [
      'mostly a prefix without a none code: the full code seen',
      [['0TTB'], ['0TTB'], ['0TTB8ZZ']],
      { '0TTB': '0TTB8ZZ' },
    ],
    ['as often full as a prefix: the full code', [['BW20'], ['BW201ZZ']], { BW20: 'BW201ZZ' }],
  ];
  for (const [name, docs, expected] of TRAIN) {
    it(name, () => assert.deepEqual(trainPcsForms(docs, exists), expected));
  }

  const EMIT: readonly (readonly [string, string, string])[] = [
    ['a learned prefix is emitted as its full code', '0DJD', '0DJD8ZZ'],
    ['an unlearned prefix with a none code is emitted as that code', 'BW20', 'BW20ZZZ'],
    ['an unlearned prefix without one stays a prefix', 'BW24', 'BW24'],
    ['a full code passes through', '0DJDXZZ', '0DJDXZZ'],
  ];
  for (const [name, prefix, expected] of EMIT) {
    it(name, () => assert.equal(pcsFormOf({ '0DJD': '0DJD8ZZ' }, prefix, exists), expected));
  }
});
