import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alignCode, alignRanked } from './gold-alignment.ts';
import { averagePrecision, billingCut, prf, scoreSystem } from './metrics.ts';

describe('gold alignment', () => {
  const CASES = [
    { name: 'exact code matches', pred: 'R52', gold: ['R52'], system: 'icd10cm', want: 'R52' },
    {
      name: 'billable injury code earns the 6-character gold',
      pred: 'S0032XA',
      gold: ['S0032X'],
      system: 'icd10cm',
      want: 'S0032X',
    },
    {
      name: 'placeholders dropped with the 7th character still match',
      pred: 'T148XXA',
      gold: ['T148'],
      system: 'icd10cm',
      want: 'T148',
    },
    {
      name: 'no mapping to a sibling',
      pred: 'S0032XA',
      gold: ['S0033X'],
      system: 'icd10cm',
      want: 'S0032XA',
    },
    {
      name: 'a billable code earns the category the coder stopped at',
      pred: 'R1110',
      gold: ['R11'],
      system: 'icd10cm',
      want: 'R11',
    },
    {
      name: 'a code with children since 2018 is earned by its billable child',
      pred: 'M5450',
      gold: ['M545'],
      system: 'icd10cm',
      want: 'M545',
    },
    {
      name: 'the longest gold code a prediction extends wins',
      pred: 'C50911',
      gold: ['C50', 'C5091'],
      system: 'icd10cm',
      want: 'C5091',
    },
    {
      name: 'a shorter prediction never earns a longer gold code',
      pred: 'R11',
      gold: ['R1110'],
      system: 'icd10cm',
      want: 'R11',
    },
    {
      name: 'full PCS code earns the 4-character gold',
      pred: '0TTB4ZZ',
      gold: ['0TTB'],
      system: 'icd10pcs',
      want: '0TTB',
    },
    {
      name: 'full PCS gold needs the full code',
      pred: '0TTB4ZZ',
      gold: ['0TTB0ZZ'],
      system: 'icd10pcs',
      want: '0TTB4ZZ',
    },
  ] as const;
  for (const c of CASES) {
    it(c.name, () => assert.equal(alignCode(c.pred, new Set(c.gold), c.system), c.want));
  }

  it('two predictions that map to one gold code count once, best rank first', () => {
    assert.deepEqual(alignRanked(['0TTB4ZZ', '0TTB0ZZ', 'BW03ZZZ'], new Set(['0TTB']), 'icd10pcs'), [
      '0TTB',
      'BW03ZZZ',
    ]);
  });
});

describe('metrics', () => {
  it('average precision follows the TREC definition', () => {
    // relevant at ranks 1 and 3 of 2 relevant: (1/1 + 2/3) / 2
    assert.equal(averagePrecision(['A', 'X', 'B'], new Set(['A', 'B'])), (1 + 2 / 3) / 2);
    // a relevant code never retrieved lowers AP
    assert.equal(averagePrecision(['A'], new Set(['A', 'B'])), 0.5);
    assert.equal(averagePrecision([], new Set(['A'])), 0);
  });

  it('precision, recall and F1 from counts', () => {
    const p = prf(2, 2, 6);
    assert.equal(p.precision, 0.5);
    assert.equal(p.recall, 0.25);
    assert.equal(p.f1, 1 / 3);
    assert.equal(prf(0, 0, 0).f1, 0);
  });

  it('the billing cut keeps at least half the codes, most confident first', () => {
    const cut = billingCut([
      { confidence: 0.9, correct: true },
      { confidence: 0.8, correct: false },
      { confidence: 0.3, correct: false },
      { confidence: 0.2, correct: true },
    ])!;
    assert.equal(cut.threshold, 0.8);
    assert.equal(cut.coverage, 0.5);
    assert.equal(cut.precision, 0.5);
    assert.equal(billingCut([]), undefined);
  });

  it('scores documents: exact, category, MAP and the error table', () => {
    const s = scoreSystem(
      [
        {
          id: 'd1',
          gold: ['S0032X', 'R52'],
          predicted: [
            { code: 'S0032XA', confidence: 0.9, accepted: true },
            { code: 'R509', confidence: 0.6, accepted: true },
            { code: 'R52', confidence: 0.1, accepted: false },
          ],
        },
        { id: 'd2', gold: [], predicted: [{ code: 'I10', confidence: 0.5, accepted: true }] },
      ],
      'icd10cm',
    );
    assert.deepEqual([s.exact.tp, s.exact.fp, s.exact.fn], [1, 2, 1]);
    // strict: S0032XA is not the gold S0032X
    assert.deepEqual([s.strict.tp, s.strict.fp, s.strict.fn], [0, 3, 2]);
    // categories: gold {S00, R52}, predicted {S00, R50} in d1; {I10} in d2
    assert.deepEqual([s.category.tp, s.category.fp, s.category.fn], [1, 2, 1]);
    // only d1 has gold: ranks 1 and 3 relevant
    assert.equal(s.map, (1 + 2 / 3) / 2);
    const r52 = s.errors.find((e) => e.code === 'R52')!;
    assert.deepEqual([r52.tp, r52.fp, r52.fn], [0, 0, 1]);
  });
});
