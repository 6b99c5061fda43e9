import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectSections } from './sections.ts';

function layout(text: string): [string, string][] {
  return detectSections(text).sections.map((s) => [s.category, text.slice(s.bodyStart, s.end)]);
}

describe('section detection', () => {
  test('headings on their own line and inline, upper and title case', () => {
    const note =
      'CHIEF COMPLAINT: Cough.\nHistory of Present Illness: Three days of cough.\n' +
      'PAST MEDICAL HISTORY:\nHypertension.\nFamily History: Diabetes in mother.\n' +
      'Review of Systems: No fever.\nPHYSICAL EXAMINATION\nLungs: Crackles.\nHEENT: Normal.\n' +
      'ASSESSMENT/PLAN: Pneumonia.\nDischarge Diagnoses: Pneumonia.';
    assert.deepEqual(layout(note), [
      ['chief_complaint', 'Cough.'],
      ['history_of_present_illness', 'Three days of cough.'],
      ['past_medical_history', 'Hypertension.'],
      ['family_history', 'Diabetes in mother.'],
      ['review_of_systems', 'No fever.'],
      ['physical_exam', 'Lungs: Crackles.\nHEENT: Normal.'],
      ['assessment_and_plan', 'Pneumonia.'],
      ['discharge_diagnoses', 'Pneumonia.'],
    ]);
  });

  test('MTSamples run-together headings', () => {
    const note =
      'SUBJECTIVE:,  This 23-year-old presents with allergies.,MEDICATIONS: , Allegra.,' +
      'PAST MEDICAL HISTORY:,  Asthma.,OBJECTIVE:,Vitals:  BP 124/78.,ASSESSMENT:,  Allergic rhinitis.,PLAN:,1.  Zyrtec.';
    assert.deepEqual(layout(note), [
      ['history_of_present_illness', 'This 23-year-old presents with allergies.'],
      ['medications', 'Allegra.'],
      ['past_medical_history', 'Asthma.'],
      ['physical_exam', 'Vitals:  BP 124/78.'],
      ['assessment_and_plan', 'Allergic rhinitis.'],
      ['plan', '1.  Zyrtec.'],
    ]);
  });

  test('operative note headings', () => {
    const note =
      'PREOPERATIVE DIAGNOSIS:,  Right inguinal hernia.,POSTOPERATIVE DIAGNOSIS:,  Right direct inguinal hernia.,' +
      'PROCEDURE:,  Hernia repair.,ANESTHESIA:,  General.,DESCRIPTION OF PROCEDURE:,  The patient was prepped.';
    assert.deepEqual(
      detectSections(note).sections.map((s) => s.category),
      [
        'preoperative_diagnosis',
        'postoperative_diagnosis',
        'procedures',
        'operative_details',
        'procedure_details',
      ],
    );
  });

  test('weights rank conclusions above history and review of systems', () => {
    const note =
      'IMPRESSION: Pneumonia.\nHPI: Cough.\nPHYSICAL EXAM: Crackles.\nPMH: Asthma.\nROS: No fever.\nFH: Diabetes.';
    const w = detectSections(note).sections.map((s) => s.weight);
    for (let i = 1; i < w.length; i++)
      assert.ok(w[i - 1]! > w[i]!, `weights not decreasing: ${w.join(', ')}`);
  });

  test('medspaCy table classifies headings the curated rules do not know', () => {
    assert.equal(detectSections('Pertinent Results: WBC 12.').sections[0]?.category, 'labs_and_studies');
    assert.equal(detectSections('MICRO: blood cultures pending.').sections[0]?.category, 'labs_and_studies');
  });

  test('heading spans cover the title and colon; text before a heading is section none', () => {
    const text = 'Seen today.\nPlan: Rest.';
    const [pre, plan] = detectSections(text).sections;
    assert.equal(pre?.category, 'none');
    assert.equal(text.slice(pre!.bodyStart, pre!.end), 'Seen today.');
    assert.equal(plan?.category, 'plan');
    assert.equal(text.slice(plan!.heading!.start, plan!.heading!.end), 'Plan:');
  });

  test('prose with a colon, times and ratios are not headings', () => {
    const text = 'She states the following: pain at 10:30 and a ratio of 2:1.';
    assert.deepEqual(detectSections(text).headings, []);
  });

  test('an unknown upper-case heading opens an "other" section outside exam and assessment', () => {
    const text =
      'HPI: Cough.\nOCCUPATIONAL EXPOSURE: Asbestos.\nASSESSMENT: Bronchitis.\nDIABETES: Continue metformin.';
    assert.deepEqual(
      detectSections(text).sections.map((s) => s.category),
      ['history_of_present_illness', 'other', 'assessment_and_plan'],
    );
  });
});
