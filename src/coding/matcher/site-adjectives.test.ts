import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { qualifierVariants, siteAdjectiveVariants } from './site-adjectives.ts';

describe('siteAdjectiveVariants: a site noun also written as its adjective', () => {
  const cases: [string, string[]][] = [
    ['kidney calculus', ['renal calculus']],
    ['calculus kidney', ['calculus renal']],
    ['mass testis', ['mass testicular']],
    ['acute kidney failure', ['acute renal failure']],
    // One variant per adjective, and every site of the phrase.
    ['bone lesion', ['bony lesion', 'osseous lesion']],
    ['lung liver metastasis', ['pulmonary hepatic metastasis']],
    // The object of a preposition stays a noun.
    ['calculus of kidney', []],
    ['malignant neoplasm of breast', []],
    // No site, or a word that is not listed.
    ['hypertension', []],
    ['cervix dysplasia', []],
    ['constructor failure', []],
  ];
  for (const [phrase, variants] of cases) {
    it(`"${phrase}"`, () => {
      assert.deepEqual(
        siteAdjectiveVariants(phrase.split(' ')).map((v) => v.join(' ')),
        variants,
      );
    });
  }
});

describe('qualifierVariants: a qualifier as case reports write it', () => {
  const cases: [string, string[]][] = [
    ['generalized abdominal pain', ['diffuse abdominal pain']],
    ['gross hematuria', ['macroscopic hematuria']],
    // Several words, anywhere in the phrase.
    ['right lower quadrant pain', ['right iliac fossa pain']],
    ['pain left upper quadrant', ['pain left hypochondrium']],
    ['abdominal tenderness', ['abdominal pain on palpation']],
    ['lymph gland', ['lymph node']],
    // A word of the key alone is not the key.
    ['lower abdominal pain', []],
    ['quadrant', []],
  ];
  for (const [phrase, variants] of cases) {
    it(`"${phrase}"`, () => {
      assert.deepEqual(
        qualifierVariants(phrase.split(' ')).map((v) => v.join(' ')),
        variants,
      );
    });
  }
});
