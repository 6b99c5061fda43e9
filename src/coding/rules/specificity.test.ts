import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { handWrittenCmCodeSet } from '../../../test/fixtures/coding/numeric-code-set.ts';
import { mayTradeSibling, refineBySentence } from './specificity.ts';

// Titles written as the release writes them (H52.1 myopia, H53.41 central scotoma), by hand.
const CODES = handWrittenCmCodeSet([
  ['H52', 0, 'Disorders of refraction'],
  ['H521', 0, 'Myopia'],
  ['H5210', 1, 'Myopia, unspecified eye'],
  ['H5211', 1, 'Myopia, right eye'],
  ['H5212', 1, 'Myopia, left eye'],
  ['H5213', 1, 'Myopia, bilateral'],
  ['H53', 0, 'Visual disturbances'],
  ['H534', 0, 'Visual field defects'],
  ['H5341', 0, 'Scotoma involving central area'],
  ['H53411', 1, 'Scotoma involving central area, right eye'],
  ['H53412', 1, 'Scotoma involving central area, left eye'],
  ['H53413', 1, 'Scotoma involving central area, bilateral'],
  ['H53419', 1, 'Scotoma involving central area, unspecified eye'],
  ['R52', 0, 'Pain, unspecified'],
  ['R529', 1, 'Pain, unspecified (a child written for this test)'],
]);

describe('specificity: the child the sentence states', () => {
  const cases: [name: string, code: string, sentence: string, want: string][] = [
    ['a header goes to the stated side', 'H521', 'myopia of the left eye', 'H5212'],
    ['a header the sentence is silent on goes to unspecified (I.A.9.b)', 'H521', 'myopia', 'H5210'],
    ['an unspecified leaf is traded for the stated side', 'H5210', 'myopia in both eyes bilateral', 'H5213'],
    [
      'a code for one side is traded for the side the sentence states',
      'H5211',
      'myopia of the left eye',
      'H5212',
    ],
    ['a code for one side stays when the sentence states it', 'H5211', 'right eye myopia', 'H5211'],
    ['a code for one side stays when the sentence states no side', 'H5211', 'myopia', 'H5211'],
    ['a sided code is traded for bilateral', 'H53412', 'central scotoma bilateral', 'H53413'],
  ];
  for (const [name, code, sentence, want] of cases)
    it(name, () => assert.equal(refineBySentence(CODES, code, new Set(sentence.split(' '))), want));

  it('only sided billable codes, or the unspecified one of sided siblings, are worth a sibling trade', () => {
    assert.equal(mayTradeSibling(CODES, 'H5211'), true);
    assert.equal(mayTradeSibling(CODES, 'H5210'), true);
    assert.equal(mayTradeSibling(CODES, 'R529'), false);
    assert.equal(mayTradeSibling(CODES, 'H52'), false);
  });
});
