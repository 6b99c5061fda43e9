import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { numericCmCodeSet } from '../../../test/fixtures/coding/numeric-code-set.ts';
import { refineBySentence } from '../rules/specificity.ts';
import { tokenizeNote } from '../text/note-tokens.ts';
import { matchNumericCodes } from './numeric-codes.ts';

const cm = numericCmCodeSet();

const codesOf = (text: string): string[] => matchNumericCodes(cm, tokenizeNote(text)).map((h) => h.code);

type Case = readonly [name: string, text: string, codes: readonly string[]];

function table(cases: readonly Case[]): void {
  for (const [name, text, codes] of cases) it(name, () => assert.deepEqual(codesOf(text), codes));
}

describe('weeks of gestation (Z3A) from the number of weeks', () => {
  table([
    ['"N weeks of gestation"', 'Pregnant at 23 weeks of gestation.', ['Z3A23']],
    ['completed weeks of a decimal with a point', 'A live fetus of 22.4 weeks of gestation.', ['Z3A22']],
    ['completed weeks of a decimal with a comma', 'A live fetus of 19,6 weeks of gestation.', ['Z3A19']],
    ['weeks plus days', 'Pregnancy of 30+2 weeks.', ['Z3A30']],
    ['a mixed fraction of weeks', 'A 10-1/2 week pregnancy.', ['Z3A10']],
    ['a mixed fraction of weeks with days', 'A 29-3/7-week gestation infant.', ['Z3A29']],
    ['"week N of gestation"', 'Ventriculomegaly at week 21 of gestation.', ['Z3A21']],
    ['"GA N weeks"', 'Delivered at GA 38 weeks.', ['Z3A38']],
    ['"gestation of N weeks"', 'A gestation of 24 weeks and 5 days.', ['Z3A24']],
    ['fewer weeks than the first value', 'Pregnant, 6 weeks of amenorrhea.', ['Z3A01']],
    ['more weeks than the last value', 'Pregnancy of 43 weeks.', ['Z3A49']],
    ['an impossible number of weeks is about something else', 'Pregnant, treated for 60 weeks.', []],
    ['weeks not about gestation nearby', 'She was pregnant. Fever for 3 weeks.', []],
    [
      'weeks of treatment in a sentence that names the pregnancy far away',
      'During the pregnancy she had diarrhea that lasted for 2 weeks.',
      [],
    ],
    [
      'a range of weeks names no single value',
      'A gestational age of 24 to 26 weeks was considered viable.',
      [],
    ],
  ]);

  it('the evidence is the number and the words beside it that make it weeks of gestation', () => {
    const text = 'Pregnant at 23 weeks of gestation.';
    const t = tokenizeNote(text);
    const [hit] = matchNumericCodes(cm, t);
    assert.equal(text.slice(t.start[hit!.first], t.end[hit!.last]), '23 weeks of gestation');
  });
});

describe('body mass index (Z68) from the value', () => {
  table([
    ['an integer', 'BMI 25.', ['Z6825']],
    ['a decimal with a comma', 'Obesity (BMI 34,9 kg/m2).', ['Z6834']],
    ['"body mass index of"', 'Normal examination, with a body mass index of 22.3 kg/m2.', ['Z6822']],
    ['both names of the index read the number once', 'A BMI (Body Mass Index) of 26.', ['Z6826']],
    ['a unit glued to the number', 'Morbid obesity, BMI 41kg/m2.', ['Z6841']],
    ['below the lowest range', 'Thin, BMI 17.', ['Z681']],
    [
      'a bound is inside the side it points to',
      'Cachexia (BMI < 16) and obesity (BMI > 45).',
      ['Z681', 'Z6842'],
    ],
    ['the open top range', 'BMI 74 kg/m2.', ['Z6845']],
    ['a percentile is pediatric', 'A 9-year-old boy with a BMI at the 97th percentile.', ['Z6854']],
    [
      "a child's value is coded by its percentile",
      'Her body mass index is 18.1, which is 40th percentile.',
      ['Z6852'],
    ],
    [
      "a percentile in the next sentence is not the index's",
      'BMI 18.1. Height at the 40th percentile.',
      ['Z681'],
    ],
    ['an impossible index is about something else', 'BMI 500.', []],
    ['a number after other words is not the index', 'BMI normal, weight 60 kg.', []],
    ['"index" alone is another index', 'Smoking index 25.', []],
  ]);
});

describe('Glasgow coma scale (R40.2) from the score', () => {
  table([
    ['a total after the name', 'Glasgow 15, oriented.', ['R402410']],
    ['a total out of 15', 'In coma (Glasgow 6/15).', ['R402430']],
    ['a total before the name', 'An 8-point Glasgow coma scale.', ['R402430']],
    ['"score of N on the scale"', 'A score of 10 on the Glasgow scale.', ['R402420']],
    ['the time of the score: emergency department', 'In the emergency department, GCS of 15.', ['R402412']],
    ['the time of the score: in the field', 'The ambulance crew found a GCS of 7.', ['R402431']],
    ['the time of the score: admission', 'On admission Glasgow 8-9.', ['R402433']],
    ['a score outside the scale', 'Glasgow 17.', []],
    [
      'components are coded instead of the total (I.C.18.e)',
      'GCS 8 (E2V2M4).',
      ['R402120', 'R402220', 'R402340'],
    ],
    ['components written apart', 'GCS E4 V5 M6.', ['R402140', 'R402250', 'R402360']],
    ['a number about something else', 'Glasgow 15 points. Sodium 130.', ['R402410']],
  ]);
});

describe('low birth weight (P07) from the grams', () => {
  table([
    ['grams with a thousands separator', 'Weight at birth of 2.320 grams.', ['P0718']],
    ['kilograms', 'The newborn weighed 1.3 kg at birth.', ['P0715']],
    ['a normal birth weight has no code', 'Birth weight 3,480 grams.', []],
    ['a weight that is not the birth weight', 'The prostate weighed 57 grams.', []],
  ]);
});

describe('a header of a numeric axis is not refined without its value', () => {
  it('"weeks of gestation" goes to "not specified", not to the ".9" week', () => {
    assert.equal(refineBySentence(cm, 'Z3A', new Set(['weeks', 'gestation'])), 'Z3A00');
  });
  it('"BMI" alone has no default value', () => {
    assert.equal(refineBySentence(cm, 'Z68', new Set(['bmi'])), 'Z68');
  });
});
