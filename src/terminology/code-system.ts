import { MedcodeError } from '../core/medcode-error.ts';

export const CODE_SYSTEMS = ['icd10cm', 'icd10pcs', 'hcpcs'] as const;
export type CodeSystem = (typeof CODE_SYSTEMS)[number];

export const CODE_SYSTEM_NAMES: Readonly<Record<CodeSystem, string>> = {
  icd10cm: 'ICD-10-CM',
  icd10pcs: 'ICD-10-PCS',
  hcpcs: 'HCPCS Level II',
};

export function parseCodeSystem(value: string, field = 'system'): CodeSystem {
  const v = value.toLowerCase().replace(/[-_ ]/g, '');
  const alias: Record<string, CodeSystem> = {
    icd10cm: 'icd10cm',
    cm: 'icd10cm',
    icd10pcs: 'icd10pcs',
    pcs: 'icd10pcs',
    hcpcs: 'hcpcs',
  };
  const found = alias[v];
  if (!found) {
    throw new MedcodeError('INVALID_INPUT', `unknown code system "${value}"`, {
      location: { field },
      hint: `Use one of: ${CODE_SYSTEMS.join(', ')}.`,
    });
  }
  return found;
}

/** Stored form of a code: upper case, no dot, no spaces. "e11.22" -> "E1122". */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase().replace(/[.\s]/g, '');
}

/** Display form: ICD-10-CM gets its dot after the category; other systems are shown as stored. */
export function displayCode(system: CodeSystem, code: string): string {
  if (system === 'icd10cm' && code.length > 3 && /^[A-Z]\d/.test(code))
    return `${code.slice(0, 3)}.${code.slice(3)}`;
  return code;
}

/**
 * Guesses the code system of a code typed by a user from its shape alone, for lookups without --system.
 * ICD-10-PCS codes are 7 characters from 0-9/A-H/J-N/P-Z starting with a digit or a PCS section letter;
 * HCPCS Level II codes are a letter and four digits; ICD-10-CM codes start with a letter and a digit.
 */
export function guessCodeSystem(raw: string): CodeSystem[] {
  const code = normalizeCode(raw);
  const out: CodeSystem[] = [];
  if (/^[A-Z]\d{4}$/.test(code)) out.push('hcpcs');
  if (/^[A-Z]\d[0-9A-Z]/.test(code) && !raw.includes(' ')) out.push('icd10cm');
  if (/^[0-9BCDFGHX][0-9A-HJ-NP-Z]{0,6}$/.test(code) && !raw.includes('.')) out.push('icd10pcs');
  return out;
}
