import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeFor, titleRange } from './numeric-ranges.ts';

describe('the numeric range a code title states', () => {
  const CASES: readonly (readonly [string, number, number] | readonly [string])[] = [
    ['Body mass index [BMI] 25.0-25.9, adult', 25, 26],
    ['Body mass index [BMI] 19.9 or less, adult', -Infinity, 20],
    ['Body mass index [BMI] 70 or greater, adult', 70, Infinity],
    ['23 weeks gestation of pregnancy', 23, 24],
    ['Less than 8 weeks gestation of pregnancy', -Infinity, 8],
    ['Greater than 42 weeks gestation of pregnancy', 43, Infinity],
    ['Glasgow coma scale score 13-15, unspecified time', 13, 16],
    ['Extremely low birth weight newborn, less than 500 grams', -Infinity, 500],
    ['Other low birth weight newborn, 2000-2499 grams', 2000, 2500],
    ['Body mass index [BMI] pediatric, 5th percentile to less than 85th percentile for age', 5, 85],
    // The upper bound is in another unit (a share of the 95th percentile): a percentile never exceeds it.
    [
      'Body mass index [BMI] pediatric, 95th percentile for age to less than 120% of the 95th percentile for age',
      95,
      Infinity,
    ],
    // A lower bound in another unit cannot be reached by a percentile.
    [
      'Body mass index [BMI] pediatric, 120% of the 95th percentile for age to less than 140% of the 95th percentile for age',
    ],
    ['Body mass index [BMI] pediatric, greater than or equal to 140% of the 95th percentile for age'],
    ['Weeks of gestation of pregnancy not specified'],
  ];
  for (const [title, lo, hi] of CASES) {
    it(title, () => assert.deepEqual(titleRange(title), lo === undefined ? undefined : { lo, hi }));
  }

  it('a value finds the code whose range holds it, bounds included where the title includes them', () => {
    const codes = [
      { code: 'A', title: '', lo: -Infinity, hi: 20 },
      { code: 'B', title: '', lo: 20, hi: 21 },
    ];
    assert.deepEqual(
      [19.99, 20, 20.95, 21].map((v) => codeFor(codes, v)?.code),
      ['A', 'B', 'B', undefined],
    );
  });
});
