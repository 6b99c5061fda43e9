import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { miniCmCodeSet, miniHcpcsCodeSet, miniPcsCodeSet } from '../../test/fixtures/coding/mini-code-set.ts';
import { codeNote } from './code-note.ts';
import { createCodingEngine } from './coding-engine.ts';
import type { CodingProfile, CodingResult, Setting } from './coding-result.ts';

const cm = miniCmCodeSet();
const engines = {
  us: createCodingEngine({ cm, profile: 'us' }),
  codiesp: createCodingEngine({ cm, profile: 'codiesp' }),
} as const;

function run(text: string, setting: Setting = 'outpatient', profile: CodingProfile = 'us'): CodingResult {
  return codeNote(engines[profile], text, { setting });
}

const codes = (r: CodingResult): string[] => r.diagnoses.map((d) => d.code);
const reasonOf = (r: CodingResult, code: string): string | undefined =>
  r.notCoded.find((n) => n.code === code)?.reason;

interface Case {
  readonly name: string;
  readonly text: string;
  readonly setting?: Setting;
  readonly profile?: CodingProfile;
  readonly coded?: readonly string[];
  readonly notCoded?: readonly (readonly [string, string])[];
  readonly absent?: readonly string[];
  readonly guideline?: readonly [string, RegExp];
}

const CASES: readonly Case[] = [
  { name: 'an affirmed diagnosis is coded', text: 'Assessment: pneumonia.', coded: ['J189'] },
  {
    name: 'a negated mention is not coded (I.B)',
    text: 'The patient has no pneumonia.',
    notCoded: [['J189', 'negated']],
    absent: ['J189'],
  },
  {
    name: 'a negated list negates each item',
    text: 'Negative for nausea, vomiting or diarrhea.',
    notCoded: [
      ['R110', 'negated'],
      ['R197', 'negated'],
    ],
    absent: ['R110', 'R197'],
  },
  {
    name: 'a ruled-out diagnosis is not coded',
    text: 'Pneumonia was ruled out.',
    notCoded: [['J189', 'negated']],
    absent: ['J189'],
  },
  {
    name: 'uncertain diagnosis is not coded in outpatient setting (IV.H)',
    text: 'Probable pneumonia.',
    notCoded: [['J189', 'uncertain-outpatient']],
    absent: ['J189'],
  },
  {
    name: 'uncertain diagnosis is coded as established for an inpatient (II.H)',
    text: 'Probable pneumonia.',
    setting: 'inpatient',
    coded: ['J189'],
    guideline: ['J189', /II\.H/],
  },
  {
    name: 'a family history only becomes a Z80 code (I.C.21.c.4)',
    text: 'Her mother had breast cancer.',
    coded: ['Z803'],
    notCoded: [['C509', 'family-history-only']],
  },
  {
    name: 'a historical malignancy becomes a Z85 code (I.C.2.d)',
    text: 'History of breast cancer.',
    coded: ['Z853'],
  },
  {
    name: 'a hypothetical mention is not coded',
    text: 'Return if pneumonia develops.',
    notCoded: [['J189', 'hypothetical']],
    absent: ['J189'],
  },
  {
    name: "diabetes with CKD is the combination code plus the stage (I.A.15 'with')",
    text: 'Type 2 diabetes. Chronic kidney disease stage 4.',
    coded: ['E1122', 'N184'],
    absent: ['E119'],
    guideline: ['E1122', /I\.A\.15/],
  },
  {
    name: 'a stage is read next to its word: "type 2 diabetes with CKD stage 3b" is stage 3b, not stage 2 (I.A.4)',
    text: 'Type 2 diabetes with diabetic CKD stage 3b, on insulin.',
    coded: ['E1122', 'N1832'],
    absent: ['N182', 'N189', 'N1830'],
  },
  {
    name: 'the code of the longer phrase wins over the one its words contain (one condition, one code)',
    text: 'Chronic kidney disease stage 4.',
    coded: ['N184'],
    absent: ['N189'],
  },
  {
    name: 'hypertension with heart failure is I11.0 (I.C.9.a.1)',
    text: 'Hypertension. Heart failure.',
    coded: ['I110', 'I509'],
    absent: ['I10'],
  },
  {
    name: 'hypertension with CKD is I12.9 (I.C.9.a.2)',
    text: 'Hypertension. Chronic kidney disease stage 2.',
    coded: ['I129', 'N182'],
    absent: ['I10'],
  },
  {
    name: 'hypertension with heart failure and CKD stage 5 is I13.2 (I.C.9.a.3)',
    text: 'Hypertension. Heart failure. Chronic kidney disease stage 5.',
    coded: ['I132'],
    absent: ['I10', 'I110', 'I120'],
  },
  {
    name: 'a symptom integral to a confirmed diagnosis is dropped (I.B.5, us profile)',
    text: 'Pneumonia with cough.',
    coded: ['J189'],
    notCoded: [['R059', 'integral-symptom']],
  },
  {
    name: 'the codiesp profile keeps symptoms next to a diagnosis, as its gold does',
    text: 'Pneumonia with cough.',
    profile: 'codiesp',
    coded: ['J189', 'R05'],
  },
  {
    name: 'laterality and the 7th character come from the text (I.A.5, I.C.19.a)',
    text: 'Left wrist fracture.',
    coded: ['S62102A'],
  },
  {
    name: 'subsequent encounter selects the D 7th character',
    text: 'Subsequent encounter for right wrist fracture.',
    coded: ['S62101D'],
  },
  {
    name: 'a silent header defaults to its unspecified child (I.A.9.b)',
    text: 'Wrist fracture.',
    coded: ['S62109A'],
  },
  {
    name: 'long-term insulin use adds Z79.4 (I.C.21.c.3)',
    text: 'Type 2 diabetes, on insulin.',
    coded: ['E119', 'Z794'],
  },
  {
    name: 'a drug the Table of Drugs classes as an anticoagulant, in current use, adds Z79.01 (I.C.21.c.3)',
    text: 'Type 2 diabetes. Taking warfarin daily.',
    coded: ['E119', 'Z7901'],
  },
  {
    name: 'Excludes1 pairs keep the better-supported code (I.A.12.a)',
    text: 'Chest pain. Pain.',
    coded: ['R079'],
    notCoded: [['R52', 'excludes1-conflict']],
  },
  {
    name: 'neoplasms are coded through the neoplasm table',
    text: 'Carcinoma of the right breast.',
    coded: ['C50911'],
  },
  {
    name: 'adverse effects are coded through the table of drugs',
    text: 'Rash due to amoxicillin toxicity.',
    coded: ['T360X5A'],
  },
];

describe('codeNote guideline behaviour', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const r = run(c.text, c.setting, c.profile);
      for (const code of c.coded ?? [])
        assert.ok(codes(r).includes(code), `${code} in ${codes(r).join(',')}`);
      for (const code of c.absent ?? [])
        assert.ok(!codes(r).includes(code), `${code} not in ${codes(r).join(',')}`);
      for (const [code, reason] of c.notCoded ?? []) assert.equal(reasonOf(r, code), reason, code);
      if (c.guideline) {
        const [code, re] = c.guideline;
        assert.match(r.diagnoses.find((d) => d.code === code)?.guideline ?? '', re);
      }
    });
  }
});

describe('HCPCS drugs', () => {
  const withHcpcs = createCodingEngine({ cm, hcpcs: miniHcpcsCodeSet(), profile: 'us' });
  const hcpcsOf = (text: string): string[] =>
    codeNote(withHcpcs, text, { setting: 'outpatient' })
      .procedures.filter((p) => p.system === 'hcpcs')
      .map((p) => p.code);

  it('an administered drug gets its J code', () => {
    assert.deepEqual(hcpcsOf('Ceftriaxone 1 g IV was given for pneumonia.'), ['J0696']);
  });

  it('a drug named without administration, or negated, gets none', () => {
    assert.deepEqual(hcpcsOf('Allergic to ceftriaxone.'), []);
    assert.deepEqual(hcpcsOf('No dexamethasone was given.'), []);
  });
});

describe('imaging procedures', () => {
  const withPcs = createCodingEngine({ cm, pcs: miniPcsCodeSet(), profile: 'us' });
  const pcsOf = (text: string): CodingResult['procedures'] =>
    codeNote(withPcs, text, { setting: 'inpatient' }).procedures.filter((p) => p.system === 'icd10pcs');

  it('a study named by modality and region is coded as a valid full code, without contrast', () => {
    const [ct, ...rest] = pcsOf('Thoraco-abdominal CT showed no metastases.');
    assert.equal(ct?.code, 'BW24ZZZ');
    assert.equal(rest.length, 0);
    assert.match(ct.source, /Computerized Tomography \(CT Scan\) of Chest and Abdomen/);
    assert.equal(ct.evidence[0]?.text, 'Thoraco-abdominal CT');
  });

  it('the evidence is the modality and the region words', () => {
    const [ct] = pcsOf('Then a CT scan of the abdomen and pelvis was done.');
    assert.equal(ct?.code, 'BW21ZZZ');
    assert.equal(ct.evidence[0]?.text, 'CT scan of the abdomen and pelvis');
  });

  it('a biopsy without a full code to learn from is coded at its 4-character prefix, said so', () => {
    const [biopsy] = pcsOf('A gastric biopsy was taken.');
    assert.equal(biopsy?.code, '0DB6');
    assert.match(biopsy.description, /4-character prefix: approach, device and qualifier not documented/);
  });

  it('a modality without a region codes nothing', () => {
    assert.deepEqual(pcsOf('The CT showed no metastases.'), []);
  });
});

describe('codeNote output', () => {
  it('evidence spans point at the words in the input', () => {
    const text = 'Plan: follow up.\nAssessment: pneumonia.';
    const d = run(text).diagnoses.find((x) => x.code === 'J189')!;
    const span = d.evidence[0]!;
    assert.equal(text.slice(span.start, span.end).toLowerCase(), 'pneumonia');
    assert.equal(span.section, 'assessment_and_plan');
  });

  it('an unspecified code whose siblings differ by stage raises a documentation query', () => {
    const r = run('Chronic kidney disease.');
    const opp = r.documentation.find((o) => o.code === 'N189');
    assert.ok(opp, JSON.stringify(r.documentation));
    assert.equal(opp.axis, 'stage');
    assert.ok(opp.values.some((v) => v.startsWith('stage')));
  });

  it('no documentation query when the note states the axis', () => {
    assert.equal(run('Chronic kidney disease stage 4.').documentation.length, 0);
  });

  it('the principal diagnosis from the assessment is listed before history findings', () => {
    const r = run('Past medical history: heart failure.\nAssessment: pneumonia.');
    assert.equal(r.diagnoses[0]?.code, 'J189');
  });
});
