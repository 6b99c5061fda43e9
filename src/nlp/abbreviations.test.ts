import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeNote } from './analyze-note.ts';
import {
  ABBREVIATION_TABLE,
  abbreviationContext,
  AMBIGUOUS_ABBREVIATIONS,
  expandAbbreviation,
  isAmbiguousAbbreviation,
} from './abbreviations.ts';

/** Expansion of the first occurrence of `abbr` in `text`, with context taken from the analysis. */
function expandIn(text: string, abbr: string): string | undefined {
  const analysis = analyzeNote(text);
  const start = text.indexOf(abbr);
  const index = analysis.tokens.findIndex((t) => t.start === start);
  assert.ok(index >= 0, `"${abbr}" is not a token of "${text}"`);
  return expandAbbreviation(abbr, abbreviationContext(analysis, index));
}

describe('abbreviation expansion in context', () => {
  const CASES: readonly (readonly [string, string, string])[] = [
    ['Started heparin for PE found on CT angiogram.', 'PE', 'pulmonary embolism'],
    ['PE was unremarkable except for mild tachycardia.', 'PE', 'physical examination'],
    ['PHYSICAL EXAM: Vitals stable. On PE heart regular.', 'PE', 'physical examination'],
    ['Bilateral PE tubes placed for recurrent otitis.', 'PE', 'pressure equalization tube'],
    ['Saturating 98% on RA.', 'RA', 'room air'],
    ['Long-standing RA on methotrexate.', 'RA', 'rheumatoid arthritis'],
    ['Echo shows dilated RA and RV.', 'RA', 'right atrium'],
    ['Severe MS with a mean gradient of 12.', 'MS', 'mitral stenosis'],
    ['Relapsing MS on interferon.', 'MS', 'multiple sclerosis'],
    ['Altered MS since this morning.', 'MS', 'mental status'],
    ['Presented with CP radiating to the left arm.', 'CP', 'chest pain'],
    ['Spastic quadriplegic CP since birth.', 'CP', 'cerebral palsy'],
    ['PT and INR are prolonged.', 'PT', 'prothrombin time'],
    ['Refer to PT for strengthening exercises.', 'PT', 'physical therapy'],
    ['Abdomen soft, BS normoactive.', 'BS', 'bowel sounds'],
    ['Seen in the ED overnight.', 'ED', 'emergency department'],
    ['ED treated with sildenafil.', 'ED', 'erectile dysfunction'],
    ['No CVA tenderness.', 'CVA', 'costovertebral angle'],
    ['Prior CVA with residual weakness.', 'CVA', 'cerebrovascular accident'],
    ['SBP 150 mmHg.', 'SBP', 'systolic blood pressure'],
    ['SBP on paracentesis with cirrhosis.', 'SBP', 'spontaneous bacterial peritonitis'],
    ['Intubated for ARF with hypoxic respiratory failure.', 'ARF', 'acute respiratory failure'],
    ['Vital signs: HR 88.', 'HR', 'heart rate'],
    ['Prophylaxis for PCP with Bactrim, CD4 count 150.', 'PCP', 'pneumocystis pneumonia'],
    ['Follow up with her PCP in one week.', 'PCP', 'primary care physician'],
    ['Full ROM of the shoulder.', 'ROM', 'range of motion'],
    ['Spontaneous ROM with clear fluid at 02:00.', 'ROM', 'rupture of membranes'],
  ];
  for (const [text, abbr, expected] of CASES) {
    test(`${abbr} in "${text}" -> ${expected}`, () => assert.equal(expandIn(text, abbr), expected));
  }
});

describe('abbreviation look-up', () => {
  const CASES: readonly (readonly [string, string | undefined])[] = [
    ['COPD', 'chronic obstructive pulmonary disease'],
    ['chf', 'congestive heart failure'],
    ['T2DM', 'type 2 diabetes mellitus'],
    ['s/p', 'status post'],
    ['w/o', 'without'],
    ['n/v', 'nausea and vomiting'],
    ['b.i.d.', 'twice a day'],
    ['AS', 'aortic stenosis'],
    ['as', undefined],
    ['OR', 'operating room'],
    ['or', undefined],
    ['ed', undefined],
    ['pneumonia', undefined],
  ];
  for (const [token, expected] of CASES)
    test(`"${token}" -> ${expected ?? 'none'}`, () => assert.equal(expandAbbreviation(token), expected));

  test('ambiguous abbreviations without context take their default sense', () => {
    assert.equal(expandAbbreviation('PE'), 'pulmonary embolism');
    assert.equal(isAmbiguousAbbreviation('pe'), true);
    assert.equal(isAmbiguousAbbreviation('copd'), false);
  });

  test('the table has a few hundred entries, unique keys, no empty expansion, no overlap with the ambiguous list', () => {
    assert.ok(ABBREVIATION_TABLE.length >= 250, `${ABBREVIATION_TABLE.length} entries`);
    const keys = ABBREVIATION_TABLE.map((e) => e.abbreviation);
    assert.equal(new Set(keys).size, keys.length, 'duplicate keys');
    for (const e of ABBREVIATION_TABLE) assert.ok(e.expansion.length > 2, e.abbreviation);
    for (const a of AMBIGUOUS_ABBREVIATIONS) assert.ok(!keys.includes(a.abbreviation), a.abbreviation);
  });
});
