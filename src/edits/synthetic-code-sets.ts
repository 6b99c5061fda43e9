/**
 * Small synthetic code sets for the tests and the benchmark of the edits, modelled on the real FY2023
 * tabular (icd10cm_tabular_2023.xml): the notes of E11, E11.22, J44, G63, S72 as the tabular has them.
 * Not an export of any release: a few dozen codes typed in by hand.
 */
import type { CodeSet, CodeSetInfo } from '../terminology/code-set.ts';
import type { CodeSystem } from '../terminology/code-system.ts';
import { MemoryCodeSet } from '../terminology/memory-code-set.ts';
import type {
  CodeRange,
  CodeRecord,
  HcpcsDetail,
  NoteType,
  PcsAxis,
  PcsTable,
  SeventhCharacter,
  TabularGroup,
  TabularNote,
} from '../terminology/model.ts';

type Row = readonly [code: string, title: string, billable?: boolean];

const CM_CODES: readonly Row[] = [
  ['B95', 'Streptococcus, Staphylococcus, and Enterococcus as the cause of diseases classified elsewhere'],
  [
    'B9561',
    'Methicillin susceptible Staphylococcus aureus infection as the cause of diseases classified elsewhere',
    true,
  ],
  ['C61', 'Malignant neoplasm of prostate', true],
  ['E08', 'Diabetes mellitus due to underlying condition'],
  ['E089', 'Diabetes mellitus due to underlying condition without complications', true],
  ['E10', 'Type 1 diabetes mellitus'],
  ['E109', 'Type 1 diabetes mellitus without complications', true],
  ['E11', 'Type 2 diabetes mellitus'],
  ['E112', 'Type 2 diabetes mellitus with kidney complications'],
  ['E1121', 'Type 2 diabetes mellitus with diabetic nephropathy', true],
  ['E1122', 'Type 2 diabetes mellitus with diabetic chronic kidney disease', true],
  ['E114', 'Type 2 diabetes mellitus with neurological complications'],
  ['E1142', 'Type 2 diabetes mellitus with diabetic polyneuropathy', true],
  ['E119', 'Type 2 diabetes mellitus without complications', true],
  ['E11A', 'Type 2 diabetes mellitus without complications in remission', true],
  ['E13', 'Other specified diabetes mellitus'],
  ['E139', 'Other specified diabetes mellitus without complications', true],
  ['E85', 'Amyloidosis'],
  ['E850', 'Non-neuropathic heredofamilial amyloidosis', true],
  ['F17', 'Nicotine dependence'],
  ['F172', 'Nicotine dependence, cigarettes'],
  ['F1721', 'Nicotine dependence, cigarettes'],
  ['F17210', 'Nicotine dependence, cigarettes, uncomplicated', true],
  ['G63', 'Polyneuropathy in diseases classified elsewhere', true],
  ['I10', 'Essential (primary) hypertension', true],
  ['J44', 'Other chronic obstructive pulmonary disease'],
  ['J440', 'Chronic obstructive pulmonary disease with (acute) lower respiratory infection', true],
  ['J441', 'Chronic obstructive pulmonary disease with (acute) exacerbation', true],
  ['J449', 'Chronic obstructive pulmonary disease, unspecified', true],
  ['J45', 'Asthma'],
  ['J4520', 'Mild intermittent asthma, uncomplicated', true],
  ['M60', 'Myositis'],
  ['M600', 'Infective myositis'],
  ['M6000', 'Infective myositis, unspecified site', true],
  ['N18', 'Chronic kidney disease (CKD)'],
  ['N181', 'Chronic kidney disease, stage 1', true],
  ['N184', 'Chronic kidney disease, stage 4 (severe)', true],
  ['N186', 'End stage renal disease', true],
  ['N189', 'Chronic kidney disease, unspecified', true],
  ['N40', 'Benign prostatic hyperplasia'],
  ['N400', 'Benign prostatic hyperplasia without lower urinary tract symptoms', true],
  ['N80', 'Endometriosis'],
  ['N8000', 'Endometriosis of the uterus, unspecified', true],
  ['O80', 'Encounter for full-term uncomplicated delivery', true],
  ['P07', 'Disorders of newborn related to short gestation and low birth weight, not elsewhere classified'],
  ['P0730', 'Preterm newborn, unspecified weeks of gestation', true],
  ['R69', 'Illness, unspecified', true],
  ['S72', 'Fracture of femur'],
  ['S720', 'Fracture of head and neck of femur'],
  ['S7200', 'Fracture of unspecified part of neck of femur'],
  ['S72001', 'Fracture of unspecified part of neck of right femur'],
  [
    'S72001A',
    'Fracture of unspecified part of neck of right femur, initial encounter for closed fracture',
    true,
  ],
  ['S72001D', 'Fracture of unspecified part of neck of right femur, subsequent encounter', true],
  ['S72001S', 'Fracture of unspecified part of neck of right femur, sequela', true],
  ['T15', 'Foreign body on external eye'],
  ['T150', 'Foreign body in cornea'],
  ['T1500', 'Foreign body in cornea, unspecified eye'],
  ['T1500XA', 'Foreign body in cornea, unspecified eye, initial encounter', true],
  ['T1500XD', 'Foreign body in cornea, unspecified eye, subsequent encounter', true],
  ['W19', 'Unspecified fall'],
  ['W19XXXA', 'Unspecified fall, initial encounter', true],
  ['W19XXXD', 'Unspecified fall, subsequent encounter', true],
  ['Z00', 'Encounter for general examination without complaint, suspected or reported diagnosis'],
  ['Z0000', 'Encounter for general adult medical examination without abnormal findings', true],
  ['Z00121', 'Encounter for routine child health examination with abnormal findings', true],
  ['Z370', 'Single live birth', true],
  ['Z3A', 'Weeks of gestation'],
  ['Z3A39', '39 weeks gestation of pregnancy', true],
  ['Z6841', 'Body mass index [BMI] 40.0-44.9, adult', true],
  ['Z720', 'Tobacco use', true],
  ['Z794', 'Long term (current) use of insulin', true],
  ['Z87891', 'Personal history of nicotine dependence', true],
];

const GROUPS: readonly (readonly [id: string, first: string, last: string, chapter?: string])[] = [
  ['1', 'A00', 'B99'],
  ['2', 'C00', 'D49'],
  ['4', 'E00', 'E89'],
  ['E08-E13', 'E08', 'E13', '4'],
  ['5', 'F01', 'F99'],
  ['6', 'G00', 'G99'],
  ['9', 'I00', 'I99'],
  ['10', 'J00', 'J99'],
  ['13', 'M00', 'M99'],
  ['14', 'N00', 'N99'],
  ['15', 'O00', 'O9A'],
  ['16', 'P00', 'P96'],
  ['18', 'R00', 'R99'],
  ['19', 'S00', 'T88'],
  ['20', 'V00', 'Y99'],
  ['21', 'Z00', 'Z99'],
];

/** A note with its ranges given as "first..last" pairs (prefix ranges: first === last). */
type NoteRow = readonly [
  owner: string,
  type: NoteType,
  text: string,
  ranges?: readonly (readonly [string, string])[],
];

const CM_NOTES: readonly NoteRow[] = [
  ['E11', 'useAdditionalCode', 'code to identify control using:'],
  ['E11', 'useAdditionalCode', 'insulin (Z79.4)', [['Z794', 'Z794']]],
  ['E11', 'excludes1', 'diabetes mellitus due to underlying condition (E08.-)', [['E08', 'E08']]],
  ['E11', 'excludes1', 'postprocedural diabetes mellitus (E13.-)', [['E13', 'E13']]],
  ['E11', 'excludes1', 'type 1 diabetes mellitus (E10.-)', [['E10', 'E10']]],
  [
    'E1122',
    'useAdditionalCode',
    'code to identify stage of chronic kidney disease (N18.1-N18.6)',
    [['N181', 'N186']],
  ],
  ['E10', 'excludes1', 'type 2 diabetes mellitus (E11.-)', [['E11', 'E11']]],
  ['M600', 'useAdditionalCode', 'code (B95-B97) to identify infectious agent', [['B95', 'B97']]],
  ['J44', 'codeAlso', 'type of asthma, if applicable (J45.-)', [['J45', 'J45']]],
  ['J44', 'useAdditionalCode', 'code to identify:'],
  ['J44', 'useAdditionalCode', 'exposure to environmental tobacco smoke (Z77.22)', [['Z7722', 'Z7722']]],
  ['J44', 'useAdditionalCode', 'history of tobacco dependence (Z87.891)', [['Z87891', 'Z87891']]],
  ['J44', 'useAdditionalCode', 'tobacco dependence (F17.-)', [['F17', 'F17']]],
  ['J44', 'useAdditionalCode', 'tobacco use (Z72.0)', [['Z720', 'Z720']]],
  ['G63', 'codeFirst', 'underlying disease, such as:'],
  ['G63', 'codeFirst', 'amyloidosis (E85.-)', [['E85', 'E85']]],
  [
    'G63',
    'codeFirst',
    'endocrine disease, except diabetes (E00-E07, E15-E16, E20-E34)',
    [
      ['E00', 'E07'],
      ['E15', 'E16'],
      ['E20', 'E34'],
    ],
  ],
  ['G63', 'codeFirst', 'neoplasm (C00-D49)', [['C00', 'D49']]],
  ['G63', 'excludes2', 'polyneuropathy due to diabetes (E08-E13 with .42)', [['E08', 'E13']]],
  ['S72', 'excludes2', 'fracture of lower leg and ankle (S82.-)', [['S82', 'S82']]],
];

const SEVENTHS: readonly (readonly [owner: string, chars: string])[] = [
  ['S72', 'ABCDEFGHJKMNPQRS'],
  ['T15', 'ADS'],
  ['W19', 'ADS'],
];

function info(
  system: CodeSystem,
  year: number,
  from: string,
  to: string,
  layers: readonly string[],
): CodeSetInfo {
  const versionId = `${system}-${year}`;
  return {
    system,
    year,
    versionId,
    effectiveFrom: from,
    effectiveTo: to,
    layers: Object.fromEntries(layers.map((l) => [l, { versionId, year }])),
  };
}

function records(rows: readonly Row[]): CodeRecord[] {
  const known = new Set(rows.map((r) => r[0]));
  return rows.map(([code, title, billable], order) => {
    let parent: string | undefined;
    for (let n = code.length - 1; n >= 3 && !parent; n--)
      if (known.has(code.slice(0, n))) parent = code.slice(0, n);
    const kind = billable ? 'code' : code.length === 3 ? 'category' : 'subcategory';
    return { code, title, billable: billable === true, kind, order, ...(parent ? { parent } : {}) };
  });
}

const range = ([first, last]: readonly [string, string]): CodeRange => ({
  first,
  last,
  text: `${first}-${last}`,
});

/** Synthetic ICD-10-CM of a fiscal year: FY2026 has E11.A (new in FY2026), FY2025 does not. */
export function syntheticCm(year: 2025 | 2026 = 2026): CodeSet {
  const rows = year === 2026 ? CM_CODES : CM_CODES.filter((r) => r[0] !== 'E11A');
  const groups: TabularGroup[] = GROUPS.map(([id, first, last, chapter], order) => ({
    id,
    kind: chapter ? 'block' : 'chapter',
    title: id,
    first,
    last,
    order,
    ...(chapter ? { chapter } : {}),
  }));
  const notes: TabularNote[] = CM_NOTES.map(([owner, type, text, ranges], seq) => ({
    owner,
    type,
    text,
    ranges: (ranges ?? []).map(range),
    seq,
  }));
  const sevenths: SeventhCharacter[] = SEVENTHS.flatMap(([owner, chars]) =>
    [...chars].map((char) => ({ owner, char, meaning: char })),
  );
  return new MemoryCodeSet({
    info: info('icd10cm', year, `${year - 1}-10-01`, `${year}-09-30`, ['codes', 'tabular']),
    codes: records(rows),
    groups,
    notes,
    sevenths,
  });
}

const axis = (pos: number, values: string): PcsAxis => ({
  pos,
  title: `axis ${pos}`,
  values: [...values].map((code) => ({ code, label: code })),
});

/** Synthetic ICD-10-PCS: table 0DT with the appendix row (approaches 0, 4) and, from FY2026, the stomach row (0, 4, 7, 8). */
export function syntheticPcs(year = 2026): CodeSet {
  const table: PcsTable = {
    key: '0DT',
    axes: [axis(1, '0'), axis(2, 'D'), axis(3, 'T')],
    rows: [
      [axis(4, 'J'), axis(5, '04'), axis(6, 'Z'), axis(7, 'Z')],
      // The stomach row is left out of FY2025, to test codes valid in one year only.
      ...(year >= 2026 ? [[axis(4, '6'), axis(5, '0478'), axis(6, 'Z'), axis(7, 'Z')]] : []),
    ],
  };
  return new MemoryCodeSet({
    info: info('icd10pcs', year, `${year - 1}-10-01`, `${year}-09-30`, ['codes', 'pcs-tables']),
    codes: records([['0DTJ4ZZ', 'Resection of Appendix, Percutaneous Endoscopic Approach', true]]),
    pcsTables: [table],
  });
}

const hcpcs = (code: string, isModifier: boolean, dates: Partial<HcpcsDetail> = {}): HcpcsDetail => ({
  code,
  isModifier,
  pricing: [],
  typeOfService: [],
  ...dates,
});

/** Synthetic HCPCS Level II of calendar 2025: one code and modifier terminated, one code added mid-year. */
export function syntheticHcpcs(): CodeSet {
  const details = [
    hcpcs('G0438', false, { addDate: '2011-01-01' }),
    hcpcs('G9990', false, { addDate: '2015-01-01', terminationDate: '2025-03-31' }),
    hcpcs('Q5199', false, { addDate: '2025-07-01' }),
    hcpcs('LT', true, { addDate: '1990-01-01' }),
    hcpcs('XE', true, { addDate: '2015-01-01' }),
    hcpcs('GZ', true, { addDate: '2002-01-01', terminationDate: '2024-12-31' }),
  ];
  return new MemoryCodeSet({
    info: info('hcpcs', 2025, '2025-01-01', '2025-12-31', ['codes', 'hcpcs']),
    codes: records(details.map((d) => [d.code, `synthetic ${d.code}`, true])),
    hcpcs: details,
  });
}
