import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeInRange, parseNoteRanges } from './note-ranges.ts';

/** Ranges as "first..last", with " [qualifier]" when the note puts a condition on them. */
function brief(text: string): string[] {
  return parseNoteRanges(text).map((r) => `${r.first}..${r.last}${r.qualifier ? ` [${r.qualifier}]` : ''}`);
}

describe('parseNoteRanges', () => {
  // Note texts from the FY2023 tabular (icd10cm_tabular_2023.xml).
  const cases: [string, string[]][] = [
    ['code to identify stage of chronic kidney disease (N18.1-N18.6)', ['N181..N186']],
    ['code to identify resistance to antimicrobial drugs (Z16.-)', ['Z16..Z16']],
    ['diabetes mellitus (E08-E13)', ['E08..E13']],
    ['hypertensive disease (I10-I1A)', ['I10..I1A']],
    ['complications of pregnancy (O00-O9A)', ['O00..O9A']],
    ['poisoning by drugs (T36-T65)', ['T36..T65']],
    ['alcohol and drug use (F10.-, F11.-)', ['F10..F10', 'F11..F11']],
    ['acute respiratory failure (J96.0-)', ['J960..J960']],
    ['underlying condition, such as: diabetes (E08.-)', ['E08..E08']],
    ['code to identify site of ulcer (L97.1-L97.9, L98.41-L98.49)', ['L971..L979', 'L9841..L9849']],
    [
      'code to identify nonmagnetic foreign body (Z18.01-Z18.10, Z18.12, Z18.2-Z18.9)',
      ['Z1801..Z1810', 'Z1812..Z1812', 'Z182..Z189'],
    ],
    ['head injury (S00.- to S09.-)', ['S00..S09']],
    ['rheumatic fever with heart involvement (I01.0 -I01.9)', ['I010..I019']],
    ['fracture of vertebra (S12.0--S12.6.-)', ['S120..S126']],
    ['tic disorders (F98.2.-F98.3)', ['F982..F983']],
    ['encounter for examination (Z00.12.-)', ['Z0012..Z0012']],
    ['acute upper respiratory infections (J00-J06; J20-J22)', ['J00..J06', 'J20..J22']],
    ['drug (T36.0X5-T36.9X5)', ['T360X5..T369X5']],
    ['sequela of fracture (S72.001S)', ['S72001S..S72001S']],
    ['atherosclerosis of bypass graft (I25.70-I25.73-, I25.79-)', ['I2570..I2573', 'I2579..I2579']],
    ['Conditions classifiable to C00-C14, C40-C49, C50.-', ['C00..C14', 'C40..C49', 'C50..C50']],
    ['Any condition listed in K80.5 with cholecystitis (with cholangitis)', ['K805..K805']],
    [
      'Use additional code, if applicable, to identify: code from category O30, Multiple gestation',
      ['O30..O30'],
    ],
    [
      'Appropriate codes in this chapter (i.e. E05.8, E07.0, E16-E31, E34.-) may be used',
      ['E058..E058', 'E070..E070', 'E16..E31', 'E34..E34'],
    ],
    [
      'gangrene in diabetes mellitus (E08-E13 with .52)',
      ['E0852..E0852', 'E0952..E0952', 'E1052..E1052', 'E1152..E1152', 'E1252..E1252', 'E1352..E1352'],
    ],
    [
      'diabetic angiopathy (E08-E13 with .51-.52)',
      ['E0851..E0852', 'E0951..E0952', 'E1051..E1052', 'E1151..E1152', 'E1251..E1252', 'E1351..E1352'],
    ],
    [
      'amnestic disorder (F10, F13, F19 with .26, .96)',
      ['F1026..F1026', 'F1326..F1326', 'F1926..F1926', 'F1096..F1096', 'F1396..F1396', 'F1996..F1996'],
    ],
    [
      'diabetes mellitus (E08-E13 with .69-)',
      ['E0869..E0869', 'E0969..E0969', 'E1069..E1069', 'E1169..E1169', 'E1269..E1269', 'E1369..E1369'],
    ],
    [
      'code to identify drug (T36-T50 with fifth or sixth character 5)',
      ['T36..T50 [with fifth or sixth character 5]'],
    ],
    ['respiratory failure with hypercapnia (J96. with 5th character 2)', ['J96..J96 [with 5th character 2]']],
    ['fracture (S92.-with 7th character B)', ['S92..S92 [with 7th character B]']],
    [
      'dysphagia following cerebrovascular disease (I69. with final characters -91)',
      ['I69..I69 [with final characters -91]'],
    ],
    [
      'adverse effect of salicylates (T39.0-, with sixth character 5)',
      ['T390..T390 [with sixth character 5]'],
    ],
    ['vitamin B12 deficiency anemia (D51.-)', ['D51..D51']],
    ['deficiency of G6PD (D55.0)', ['D550..D550']],
    ['influenza due to identified novel H1N1 virus', []],
    ['nephritic syndrome (with C3 glomerulopathy) with dense deposit disease (N00.6)', ['N006..N006']],
    ['certain localized infections - see body system-related chapters', []],
  ];
  for (const [text, expected] of cases) {
    it(`reads "${text}"`, () => assert.deepEqual(brief(text), expected));
  }

  it('keeps the reference as written in the note', () => {
    assert.deepEqual(
      parseNoteRanges('stage (N18.1-N18.6) and (E08.-)').map((r) => r.text),
      ['N18.1-N18.6', 'E08.-'],
    );
  });
  it('names a code once even when the note repeats it', () => {
    assert.deepEqual(brief('(K50.-) or Crohn disease (K50.-)'), ['K50..K50']);
  });
});

describe('codeInRange', () => {
  const range = (text: string) => {
    const [r] = parseNoteRanges(`(${text})`);
    assert.ok(r, text);
    return r;
  };
  const cases: [string, string, boolean][] = [
    ['N18.1-N18.6', 'N181', true],
    ['N18.1-N18.6', 'N1830', true],
    ['N18.1-N18.6', 'N186', true],
    ['N18.1-N18.6', 'N189', false],
    ['N18.1-N18.6', 'N18', false],
    ['E08.-', 'E0822', true],
    ['E08.-', 'E09', false],
    ['E08-E13', 'E1122', true],
    ['E08-E13', 'E139', true],
    ['E08-E13', 'E14', false],
    ['E08-E13', 'E079', false],
    ['I10-I1A', 'I16', true],
    ['I10-I1A', 'I1A0', true],
    ['I10-I1A', 'I20', false],
    ['O00-O9A', 'O9A111', true],
    ['O00-O9A', 'O99', true],
    ['O00-O9A', 'P00', false],
    ['C43-C44', 'C4A0', true],
    ['C76-C80', 'C7A00', false],
    ['C00-C75', 'C7A1', false],
    ['C00-C96', 'C7B00', true],
    ['D37-D48', 'D3A00', false],
    ['M05-M14', 'M1A00', true],
    ['J96.0-', 'J9600', true],
    ['S72.001S', 'S72001S', true],
    ['S72.001S', 'S72001A', false],
  ];
  for (const [text, code, expected] of cases) {
    it(`${code} ${expected ? 'is' : 'is not'} in ${text}`, () =>
      assert.equal(codeInRange(code, range(text)), expected));
  }
});
