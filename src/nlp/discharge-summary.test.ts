import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { repoRoot } from '../../test/support/shared-data.ts';
import { analyzeNote } from './analyze-note.ts';
import { assertionOf } from './assertion.ts';

const text = readFileSync(path.join(repoRoot, 'test', 'fixtures', 'nlp', 'discharge-summary.txt'), 'utf8');
const analysis = analyzeNote(text);

/** Section and assertion flags of the n-th occurrence (0-based) of `mention`. */
function mention(words: string, nth = 0): string {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(words, start + 1);
  assert.ok(start >= 0, `"${words}" #${nth} not in the fixture`);
  const a = assertionOf(analysis, start, start + words.length);
  const flags = (
    ['negated', 'uncertain', 'historical', 'family', 'hypothetical', 'ruledOut'] as const
  ).filter((f) => a[f]);
  return [a.sectionCategory, ...flags].join(' ');
}

describe('a synthetic discharge summary', () => {
  test('sections in order', () => {
    assert.deepEqual(
      analysis.sections.map((s) => s.category),
      [
        'none',
        'chief_complaint',
        'history_of_present_illness',
        'past_medical_history',
        'family_history',
        'social_history',
        'review_of_systems',
        'physical_exam',
        'hospital_course',
        'discharge_diagnoses',
      ],
    );
  });

  const CASES: readonly (readonly [string, number, string])[] = [
    ['Shortness of breath', 0, 'chief_complaint'],
    ['COPD', 0, 'history_of_present_illness historical'],
    ['chest pain', 0, 'history_of_present_illness negated'],
    ['hemoptysis', 0, 'history_of_present_illness negated'],
    ['DVT', 0, 'history_of_present_illness negated'],
    ['Pulmonary embolism', 0, 'history_of_present_illness negated ruledOut'],
    ['COPD', 1, 'past_medical_history'],
    ['appendectomy', 0, 'past_medical_history historical'],
    ['breast cancer', 0, 'family_history family'],
    ['CAD', 0, 'family_history family'],
    ['alcohol', 0, 'social_history negated'],
    ['diarrhea', 0, 'review_of_systems negated'],
    ['wheezes', 0, 'physical_exam'],
    ['rales', 0, 'physical_exam negated'],
    ['community acquired pneumonia', 0, 'hospital_course uncertain'],
    ['fever', 1, 'hospital_course hypothetical'],
    ['Acute exacerbation of COPD', 0, 'discharge_diagnoses'],
    ['pneumonia', 1, 'discharge_diagnoses uncertain'],
    ['Hypertension', 1, 'discharge_diagnoses'],
  ];
  for (const [words, nth, expected] of CASES) {
    test(`"${words}" #${nth} -> ${expected}`, () => assert.equal(mention(words, nth), expected));
  }

  test('numbered diagnoses are list items', () => {
    const items = analysis.sentences
      .filter((s) => s.kind === 'list-item')
      .map((s) => text.slice(s.start, s.end));
    assert.ok(items.includes('2. Possible pneumonia.'), items.join(' | '));
  });
});
