/**
 * Sequencing rules of the ICD-10-CM Official Guidelines (FY2026, October 1, 2025) as data.
 * Each entry is a code prefix (category, subcategory or code, normalized) with the section it is from.
 */

export interface SequencingRule {
  /** Normalized code prefix: "Z00" covers Z00.00-Z00.8; "Z511" covers Z51.11, Z51.12. */
  readonly prefix: string;
  /** Codes under the prefix the rule does not cover ("Except:" in the table). */
  readonly except?: readonly string[];
  readonly section: string;
  readonly why: string;
}

const FIRST_ONLY = 'I.C.21.c.15';
const FIRST_ONLY_WHY = 'Z code that may only be reported as the principal/first-listed diagnosis';

/**
 * Guidelines I.C.21.c.15 "Z Codes That May Only be Principal/First-Listed Diagnosis" (FY2026 numbering;
 * c.16 before FY2024), except when encounters of the same day are combined in one record.
 */
export const FIRST_LISTED_ONLY: readonly SequencingRule[] = [
  { prefix: 'Z00', except: ['Z006'], section: FIRST_ONLY, why: FIRST_ONLY_WHY },
  { prefix: 'Z01', section: FIRST_ONLY, why: FIRST_ONLY_WHY },
  { prefix: 'Z02', section: FIRST_ONLY, why: FIRST_ONLY_WHY },
  { prefix: 'Z04', section: FIRST_ONLY, why: FIRST_ONLY_WHY },
  { prefix: 'Z332', section: FIRST_ONLY, why: FIRST_ONLY_WHY },
  { prefix: 'Z3181', section: FIRST_ONLY, why: FIRST_ONLY_WHY },
  { prefix: 'Z3183', section: FIRST_ONLY, why: FIRST_ONLY_WHY },
  { prefix: 'Z3184', section: FIRST_ONLY, why: FIRST_ONLY_WHY },
  { prefix: 'Z34', section: FIRST_ONLY, why: FIRST_ONLY_WHY },
  { prefix: 'Z39', section: FIRST_ONLY, why: FIRST_ONLY_WHY },
  { prefix: 'Z38', section: FIRST_ONLY, why: FIRST_ONLY_WHY },
  { prefix: 'Z40', section: FIRST_ONLY, why: FIRST_ONLY_WHY },
  { prefix: 'Z42', section: FIRST_ONLY, why: FIRST_ONLY_WHY },
  { prefix: 'Z510', section: FIRST_ONLY, why: FIRST_ONLY_WHY },
  { prefix: 'Z511', section: FIRST_ONLY, why: FIRST_ONLY_WHY },
  { prefix: 'Z52', except: ['Z529'], section: FIRST_ONLY, why: FIRST_ONLY_WHY },
  { prefix: 'Z761', section: FIRST_ONLY, why: FIRST_ONLY_WHY },
  { prefix: 'Z762', section: FIRST_ONLY, why: FIRST_ONLY_WHY },
  { prefix: 'Z9912', section: FIRST_ONLY, why: FIRST_ONLY_WHY },
];

/**
 * Codes the Guidelines allow only as secondary diagnoses. External causes (V00-Y99, I.C.20) and
 * manifestation codes (I.A.13) are handled by rule, not listed here.
 */
export const SECONDARY_ONLY: readonly SequencingRule[] = [
  { prefix: 'Z37', section: 'I.C.21.c.11', why: 'outcome of delivery is always a secondary code' },
  { prefix: 'Z3A', section: 'I.C.21.c.11', why: 'weeks of gestation add information to an obstetric code' },
  { prefix: 'Z331', section: 'I.C.21.c.3', why: 'pregnant state, incidental, is a secondary code only' },
  { prefix: 'Z9282', section: 'I.C.21.c.3', why: 'tPA given elsewhere is reported as a secondary diagnosis' },
  { prefix: 'Z68', section: 'I.B.14', why: 'BMI codes are reported only as secondary diagnoses' },
  { prefix: 'Z283', section: 'I.B.14', why: 'underimmunization status is reported only as secondary' },
  { prefix: 'R4021', section: 'I.B.14', why: 'coma scale codes are reported only as secondary' },
  { prefix: 'R4022', section: 'I.B.14', why: 'coma scale codes are reported only as secondary' },
  { prefix: 'R4023', section: 'I.B.14', why: 'coma scale codes are reported only as secondary' },
  { prefix: 'R4024', section: 'I.B.14', why: 'coma scale codes are reported only as secondary' },
  { prefix: 'R297', section: 'I.B.14', why: 'NIHSS score codes are reported only as secondary' },
  ...['Z55', 'Z56', 'Z57', 'Z58', 'Z59', 'Z60', 'Z62', 'Z63', 'Z64', 'Z65'].map((prefix) => ({
    prefix,
    section: 'I.B.14',
    why: 'social determinants of health codes are reported only as secondary diagnoses',
  })),
];

/** The first rule whose prefix covers the code, honouring its exceptions. */
export function ruleFor(rules: readonly SequencingRule[], code: string): SequencingRule | undefined {
  return rules.find((r) => code.startsWith(r.prefix) && !r.except?.some((e) => code.startsWith(e)));
}
