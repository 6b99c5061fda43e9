import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeNote } from './analyze-note.ts';

function sentencesOf(text: string): string[] {
  return analyzeNote(text).sentences.map((s) => text.slice(s.start, s.end));
}

describe('sentence boundaries', () => {
  const CASES: readonly (readonly [string, string, readonly string[]])[] = [
    [
      'abbreviations do not end a sentence',
      'Seen by Dr. Smith for CHF vs. COPD. Stable.',
      ['Seen by Dr. Smith for CHF vs. COPD.', 'Stable.'],
    ],
    [
      'e.g. and i.e. do not end a sentence',
      'Use a spacer, e.g. AeroChamber. Done.',
      ['Use a spacer, e.g. AeroChamber.', 'Done.'],
    ],
    [
      'a unit before a capital ends the sentence',
      'Walked for 5 min. She then rested.',
      ['Walked for 5 min.', 'She then rested.'],
    ],
    [
      'a one-word answer ends the sentence',
      'Chest pain? No. Fever? Yes.',
      ['Chest pain?', 'No.', 'Fever?', 'Yes.'],
    ],
    ['decimals stay whole', 'Temp 38.5 today. Next.', ['Temp 38.5 today.', 'Next.']],
    [
      'numbered list on lines',
      '1. Diabetes mellitus\n2. Hypertension',
      ['1. Diabetes mellitus', '2. Hypertension'],
    ],
    [
      'numbered list inline',
      'Diagnoses: 1. Diabetes 2. Hypertension 3. Gout.',
      ['Diagnoses', '1. Diabetes', '2. Hypertension', '3. Gout.'],
    ],
    [
      'MTSamples run-together list',
      'PLAN:,1.  Zyrtec daily.,2.  Nasonex.',
      ['PLAN', '1.  Zyrtec daily.', '2.  Nasonex.'],
    ],
    ['MTSamples ".," ends a sentence', 'Lungs clear.,Heart regular.', ['Lungs clear.', 'Heart regular.']],
    ['bullets', 'Plan\n- aspirin\n* statin\n• diet', ['Plan', '- aspirin', '* statin', '• diet']],
    [
      'a line per sentence (CodiEsp)',
      'Fever of 3 days\nCough without sputum\n',
      ['Fever of 3 days', 'Cough without sputum'],
    ],
    [
      'a wrapped line continues in lower case',
      'The patient has a long\nhistory of asthma.',
      ['The patient has a long\nhistory of asthma.'],
    ],
    ['question and exclamation marks', 'Pain? Yes! Severe.', ['Pain?', 'Yes!', 'Severe.']],
    ['lower-case word after a period of an abbreviation', 'Take 5 mg. daily.', ['Take 5 mg. daily.']],
    [
      'headings are their own unit',
      'HPI: Cough. ASSESSMENT: Bronchitis.',
      ['HPI', 'Cough.', 'ASSESSMENT', 'Bronchitis.'],
    ],
  ];
  for (const [name, text, expected] of CASES) test(name, () => assert.deepEqual(sentencesOf(text), expected));

  test('kinds tell headings and list items apart', () => {
    const a = analyzeNote('PLAN:\n1. Rest.\nFollow up.');
    assert.deepEqual(
      a.sentences.map((s) => s.kind),
      ['heading', 'list-item', 'sentence'],
    );
  });

  test('token ranges match character spans', () => {
    const a = analyzeNote('No fever. Cough for 3 days.\n- rest');
    for (const s of a.sentences) {
      assert.equal(a.tokens[s.tokenStart]!.start, s.start);
      assert.equal(a.tokens[s.tokenEnd - 1]!.end, s.end);
    }
  });
});
