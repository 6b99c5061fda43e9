import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeNote } from './analyze-note.ts';
import { assertionOf, type Assertion } from './assertion.ts';

type Flag = 'negated' | 'uncertain' | 'historical' | 'family' | 'hypothetical' | 'ruledOut';
const FLAGS: readonly Flag[] = ['negated', 'uncertain', 'historical', 'family', 'hypothetical', 'ruledOut'];

/** Assertion of the first occurrence of `target` in `text`. */
function assertTarget(text: string, target: string): Assertion {
  const start = text.indexOf(target);
  assert.ok(start >= 0, `"${target}" not in "${text}"`);
  return assertionOf(analyzeNote(text), start, start + target.length);
}

function flagsOf(a: Assertion): Flag[] {
  return FLAGS.filter((f) => a[f]);
}

// [sentence, target, expected flags]
const CASES: readonly (readonly [string, string, readonly Flag[]])[] = [
  // negated lists
  ['Negative for nausea, vomiting or diarrhea.', 'nausea', ['negated']],
  ['Negative for nausea, vomiting or diarrhea.', 'vomiting', ['negated']],
  ['Negative for nausea, vomiting or diarrhea.', 'diarrhea', ['negated']],
  ['She denies chest pain or shortness of breath.', 'chest pain', ['negated']],
  ['She denies chest pain or shortness of breath.', 'shortness of breath', ['negated']],
  ['The patient denied fever, chills, and night sweats.', 'night sweats', ['negated']],
  ["He doesn't have a cough.", 'cough', ['negated']],
  ['No evidence of pneumonia.', 'pneumonia', ['negated']],
  ['There is no evidence of metastatic disease.', 'metastatic disease', ['negated']],
  ['Lungs clear without wheezes or rales.', 'rales', ['negated']],
  ['Free of edema.', 'edema', ['negated']],
  ['Pulmonary embolism was ruled out.', 'Pulmonary embolism', ['negated', 'ruledOut']],
  ['He was ruled out for MI.', 'MI', ['negated', 'ruledOut']],
  ['Myocardial infarction has been ruled out.', 'Myocardial infarction', ['negated', 'ruledOut']],
  ['MI ruled out.', 'MI', ['negated', 'ruledOut']],
  ['HIV negative.', 'HIV', ['negated']],
  ['Negative pressure wound therapy for the ulcer.', 'ulcer', []],
  // uncertain
  ['Rule out sepsis.', 'sepsis', ['uncertain']],
  ['R/O appendicitis.', 'appendicitis', ['uncertain']],
  ['Probable pneumonia.', 'pneumonia', ['uncertain']],
  ['Possible urinary tract infection.', 'urinary tract infection', ['uncertain']],
  ['Findings suspicious for malignancy.', 'malignancy', ['uncertain']],
  ['Suspected appendicitis.', 'appendicitis', ['uncertain']],
  ['Chest x-ray consistent with pneumonia.', 'pneumonia', ['uncertain']],
  ['Bronchitis versus pneumonia.', 'Bronchitis', ['uncertain']],
  ['Bronchitis versus pneumonia.', 'pneumonia', ['uncertain']],
  ['Pneumonia cannot be excluded.', 'Pneumonia', ['uncertain']],
  ['Malignancy is unlikely.', 'Malignancy', ['negated']],
  // historical
  ['History of breast cancer.', 'breast cancer', ['historical']],
  ['She has a history of breast cancer.', 'breast cancer', ['historical']],
  ['Status post appendectomy.', 'appendectomy', ['historical']],
  ['No history of stroke.', 'stroke', ['negated']],
  // family
  ['Family history of diabetes.', 'diabetes', ['family']],
  ['Mother had breast cancer.', 'breast cancer', ['family']],
  ["His father's history of colon cancer.", 'colon cancer', ['historical', 'family']],
  ['Colon cancer in her mother.', 'Colon cancer', ['family']],
  ['Maternal grandmother with stroke.', 'stroke', ['family']],
  // hypothetical
  ['Return to the ER if she develops fever.', 'fever', ['hypothetical']],
  ['Should he develop chest pain, call 911.', 'chest pain', ['hypothetical']],
  ['Screening for colon cancer.', 'colon cancer', ['hypothetical']],
  ['Return to clinic in two weeks for hypertension.', 'hypertension', []],
  // pseudo-triggers
  ['No increase in the size of the mass.', 'mass', []],
  ['Not only pain but also swelling.', 'pain', []],
  ['Gram negative rods in the culture.', 'rods', []],
  ['No significant change in the pleural effusion.', 'pleural effusion', []],
  // termination
  ['No fever but has a productive cough.', 'cough', []],
  ['No fever but has a productive cough.', 'fever', ['negated']],
  ['Denies chest pain, however reports palpitations.', 'palpitations', []],
  ['She denies fever and reports dysuria.', 'dysuria', []],
  ['Mother had breast cancer but the patient has diabetes.', 'diabetes', []],
  ['Mother had breast cancer; patient has hypertension.', 'hypertension', []],
  ['Testis not attached to the skin, with fluctuating areas.', 'fluctuating areas', []],
  ['History of possible exposure to Brucella presents orchitis.', 'orchitis', []],
  // sentence end closes scope
  ['No fever. Cough for three days.', 'Cough', []],
  ['Denies headache.\nHas migraine aura.', 'migraine', []],
  // affirmed
  ['The patient has pneumonia.', 'pneumonia', []],
  ['Acute exacerbation of COPD.', 'COPD', []],
];

describe('assertion of a mention', () => {
  for (const [text, target, expected] of CASES) {
    test(`"${text}" -> ${target}: ${expected.join(', ') || 'affirmed'}`, () => {
      assert.deepEqual(
        flagsOf(assertTarget(text, target)),
        [...expected].sort((a, b) => FLAGS.indexOf(a) - FLAGS.indexOf(b)),
      );
    });
  }
});

describe('assertion trigger and section', () => {
  test('reports the trigger words and offsets of a negation', () => {
    const text = 'Patient denies chest pain.';
    const a = assertTarget(text, 'chest pain');
    assert.equal(a.trigger?.text, 'denies');
    assert.equal(a.trigger?.category, 'NEGATED_EXISTENCE');
    assert.equal(text.slice(a.trigger.start, a.trigger.end), 'denies');
  });

  test('a mention in the family history section is flagged by section', () => {
    const a = assertTarget('HPI: Cough.\nFAMILY HISTORY: Diabetes.\nASSESSMENT: Bronchitis.', 'Diabetes');
    assert.equal(a.sectionCategory, 'family_history');
    assert.equal(a.inFamilyHistorySection, true);
    assert.equal(a.inPastHistorySection, false);
  });

  test('a mention in the past medical history section is flagged by section', () => {
    const a = assertTarget('PAST MEDICAL HISTORY:,  Hypertension.,ASSESSMENT:,  Bronchitis.', 'Hypertension');
    assert.equal(a.sectionCategory, 'past_medical_history');
    assert.equal(a.inPastHistorySection, true);
    const b = assertTarget('PAST MEDICAL HISTORY:,  Hypertension.,ASSESSMENT:,  Bronchitis.', 'Bronchitis');
    assert.equal(b.sectionCategory, 'assessment_and_plan');
    assert.equal(b.inPastHistorySection, false);
  });

  test('a span outside every sentence is affirmed, not an error', () => {
    const analysis = analyzeNote('Cough.   ');
    const a = assertionOf(analysis, 8, 9);
    assert.deepEqual(flagsOf(a), []);
    assert.equal(a.trigger, undefined);
  });
});

describe('assertion pseudo-triggers for family words', () => {
  const CASES: readonly (readonly [string, string, boolean])[] = [
    ["Consent was obtained from the patient's family, then the hernia was repaired.", 'hernia', false],
    ['The child was treated with albuterol for asthma.', 'asthma', false],
    ['She lives with her husband and has diabetes.', 'diabetes', false],
    ['Accompanied by his wife, he reports chest pain.', 'chest pain', false],
    ['Mother with diabetes.', 'diabetes', true],
    ["The patient's family history is significant for diabetes.", 'diabetes', true],
    ['Her family history is positive for colon cancer.', 'colon cancer', true],
  ];
  for (const [text, target, family] of CASES) {
    test(`"${text}" -> ${target}: family ${family}`, () => {
      const start = text.indexOf(target);
      assert.equal(assertionOf(analyzeNote(text), start, start + target.length).family, family);
    });
  }
});
