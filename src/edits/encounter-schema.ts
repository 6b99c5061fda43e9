/**
 * The Encounter accepted by `check` and `medcode check`, and its hand-written validator. The JSON Schema
 * published in docs/encounter.schema.json states the same rules; keep both in step.
 *
 * Limits (chosen so that a real claim always fits and a hostile input is refused early):
 * - at most 100 diagnoses (an 837I carries 25, an 837P 12) and 1,000 procedure lines;
 * - at most 4 modifiers a line; units are whole numbers 1..99,999;
 * - service dates between 2015-10-01 (ICD-10 took effect) and 2099-12-31; birth date from 1890-01-01;
 * - age 0..124 years (the MCE's adult band ends at 124);
 * - at most 50 field errors are reported.
 */
import { MedcodeError } from '../core/medcode-error.ts';
import type { IsoDate } from '../core/dates.ts';

export const SETTINGS = ['inpatient', 'outpatient', 'professional', 'emergency'] as const;
export type Setting = (typeof SETTINGS)[number];
export const SEXES = ['female', 'male', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];
/** Present-on-admission: Y yes, N no, U documentation insufficient, W clinically undetermined, 1 exempt. */
export const POA_VALUES = ['Y', 'N', 'U', 'W', '1'] as const;
export type Poa = (typeof POA_VALUES)[number];
export const PROCEDURE_SYSTEMS = ['icd10pcs', 'hcpcs', 'cpt'] as const;
export type ProcedureSystem = (typeof PROCEDURE_SYSTEMS)[number];

export const ENCOUNTER_LIMITS = {
  diagnoses: 100,
  procedures: 1000,
  modifiers: 4,
  maxUnits: 99_999,
  minServiceDate: '2015-10-01',
  maxServiceDate: '2099-12-31',
  minBirthDate: '1890-01-01',
  maxAge: 124,
  maxErrors: 50,
} as const;

export interface EncounterDates {
  readonly from: IsoDate;
  readonly to?: IsoDate;
  /** Inpatient only (required there). */
  readonly admission?: IsoDate;
  readonly discharge?: IsoDate;
}

export interface Patient {
  /** Age in whole years on the first date of service; computed from birthDate when absent. */
  readonly ageYears?: number;
  readonly birthDate?: IsoDate;
  readonly sex: Sex;
}

export interface DiagnosisLine {
  readonly code: string;
  /** Required on inpatient encounters. */
  readonly poa?: Poa;
}

export interface ProcedureLine {
  readonly system: ProcedureSystem;
  readonly code: string;
  readonly modifiers?: readonly string[];
  readonly units?: number;
  readonly date?: IsoDate;
}

/** Facts documented in the record that some edits depend on. */
export interface Documented {
  /** Tobacco use, dependence or exposure is documented (J44 "use additional code" for tobacco). */
  readonly tobacco?: boolean;
}

export interface Encounter {
  readonly setting: Setting;
  readonly dates: EncounterDates;
  readonly patient: Patient;
  /** In claim order: the first is the principal (inpatient) or first-listed diagnosis. */
  readonly diagnoses: readonly DiagnosisLine[];
  readonly procedures?: readonly ProcedureLine[];
  readonly documented?: Documented;
}

/** One problem of an input, at a field path such as `diagnoses[3].code`. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

type Obj = Record<string, unknown>;

class Errors {
  readonly list: FieldError[] = [];
  add(path: string, message: string): void {
    if (this.list.length < ENCOUNTER_LIMITS.maxErrors) this.list.push({ path, message });
  }
}

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  return Array.isArray(v) ? 'array' : typeof v;
}

function object(v: unknown, path: string, allowed: readonly string[], errors: Errors): Obj | undefined {
  if (!isObject(v)) {
    errors.add(path || '(root)', `must be an object, not ${typeName(v)}`);
    return undefined;
  }
  for (const key of Object.keys(v)) {
    if (!allowed.includes(key))
      errors.add(join(path, key), `unknown field; allowed here: ${allowed.join(', ')}`);
  }
  return v;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function oneOf<T extends string>(
  v: unknown,
  path: string,
  values: readonly T[],
  errors: Errors,
  required = true,
): T | undefined {
  if (v === undefined) {
    if (required) errors.add(path, `is required (one of ${values.join(', ')})`);
    return undefined;
  }
  if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v as T;
  errors.add(path, `must be one of ${values.join(', ')}, not ${JSON.stringify(v)}`);
  return undefined;
}

function isCalendarDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

function date(
  v: unknown,
  path: string,
  errors: Errors,
  range: { min: string; max: string },
  required = false,
): IsoDate | undefined {
  if (v === undefined) {
    if (required) errors.add(path, 'is required (YYYY-MM-DD)');
    return undefined;
  }
  if (typeof v !== 'string' || !isCalendarDay(v)) {
    errors.add(path, `must be a calendar day YYYY-MM-DD, not ${JSON.stringify(v)}`);
    return undefined;
  }
  if (v < range.min || v > range.max) {
    errors.add(path, `${v} is out of range ${range.min}..${range.max}`);
    return undefined;
  }
  return v;
}

function integer(v: unknown, path: string, min: number, max: number, errors: Errors): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    errors.add(path, `must be a whole number ${min}..${max}, not ${JSON.stringify(v)}`);
    return undefined;
  }
  return v;
}

function codeString(v: unknown, path: string, errors: Errors): string | undefined {
  if (typeof v !== 'string') {
    errors.add(path, v === undefined ? 'is required' : `must be a string, not ${typeName(v)}`);
    return undefined;
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9.]{0,9}$/.test(v.trim())) {
    errors.add(path, `${JSON.stringify(v)} is not a code (letters and digits, an optional dot, 1-10 long)`);
    return undefined;
  }
  return v;
}

const SERVICE = { min: ENCOUNTER_LIMITS.minServiceDate, max: ENCOUNTER_LIMITS.maxServiceDate };

function validateDates(v: unknown, setting: Setting | undefined, errors: Errors): void {
  const o = object(v, 'dates', ['from', 'to', 'admission', 'discharge'], errors);
  if (!o) return;
  const from = date(o['from'], 'dates.from', errors, SERVICE, true);
  const to = date(o['to'], 'dates.to', errors, SERVICE);
  if (from && to && to < from) errors.add('dates.to', `${to} is before dates.from ${from}`);
  const inpatient = setting === 'inpatient';
  const adm = date(o['admission'], 'dates.admission', errors, SERVICE, inpatient);
  const dis = date(o['discharge'], 'dates.discharge', errors, SERVICE, inpatient);
  if (adm && dis && dis < adm) errors.add('dates.discharge', `${dis} is before dates.admission ${adm}`);
}

function validatePatient(v: unknown, errors: Errors): void {
  const o = object(v, 'patient', ['ageYears', 'birthDate', 'sex'], errors);
  if (!o) return;
  oneOf(o['sex'], 'patient.sex', SEXES, errors);
  integer(o['ageYears'], 'patient.ageYears', 0, ENCOUNTER_LIMITS.maxAge, errors);
  const birthRange = { min: ENCOUNTER_LIMITS.minBirthDate, max: ENCOUNTER_LIMITS.maxServiceDate };
  date(o['birthDate'], 'patient.birthDate', errors, birthRange);
  if (o['ageYears'] === undefined && o['birthDate'] === undefined)
    errors.add('patient.ageYears', 'is required when patient.birthDate is absent');
}

function validateList(
  v: unknown,
  path: string,
  max: number,
  errors: Errors,
  item: (x: unknown, p: string) => void,
  required: boolean,
): void {
  if (v === undefined) {
    if (required) errors.add(path, 'is required (an array)');
    return;
  }
  if (!Array.isArray(v)) return errors.add(path, `must be an array, not ${typeName(v)}`);
  if (v.length > max) return errors.add(path, `has ${v.length} entries; at most ${max} are accepted`);
  if (required && v.length === 0) return errors.add(path, 'must hold at least one entry');
  v.forEach((x, i) => item(x, `${path}[${i}]`));
}

function validateDiagnosis(v: unknown, path: string, setting: Setting | undefined, errors: Errors): void {
  const o = object(v, path, ['code', 'poa'], errors);
  if (!o) return;
  codeString(o['code'], `${path}.code`, errors);
  oneOf(o['poa'], `${path}.poa`, POA_VALUES, errors, setting === 'inpatient');
}

function validateProcedure(v: unknown, path: string, errors: Errors): void {
  const o = object(v, path, ['system', 'code', 'modifiers', 'units', 'date'], errors);
  if (!o) return;
  oneOf(o['system'], `${path}.system`, PROCEDURE_SYSTEMS, errors);
  codeString(o['code'], `${path}.code`, errors);
  integer(o['units'], `${path}.units`, 1, ENCOUNTER_LIMITS.maxUnits, errors);
  date(o['date'], `${path}.date`, errors, SERVICE);
  validateList(
    o['modifiers'],
    `${path}.modifiers`,
    ENCOUNTER_LIMITS.modifiers,
    errors,
    (m, p) => {
      if (typeof m !== 'string' || !/^[A-Za-z0-9]{2}$/.test(m))
        errors.add(p, `must be a two-character modifier, not ${JSON.stringify(m)}`);
    },
    false,
  );
}

function validateDocumented(v: unknown, errors: Errors): void {
  if (v === undefined) return;
  const o = object(v, 'documented', ['tobacco'], errors);
  if (o && o['tobacco'] !== undefined && typeof o['tobacco'] !== 'boolean')
    errors.add('documented.tobacco', `must be true or false, not ${typeName(o['tobacco'])}`);
}

/** Checks a parsed JSON value against the Encounter rules; returns every field error found (at most 50). */
export function encounterErrors(input: unknown): FieldError[] {
  const errors = new Errors();
  const allowed = ['setting', 'dates', 'patient', 'diagnoses', 'procedures', 'documented'];
  const o = object(input, '', allowed, errors);
  if (!o) return errors.list;
  const setting = oneOf(o['setting'], 'setting', SETTINGS, errors);
  validateDates(o['dates'], setting, errors);
  validatePatient(o['patient'], errors);
  validateList(
    o['diagnoses'],
    'diagnoses',
    ENCOUNTER_LIMITS.diagnoses,
    errors,
    (x, p) => validateDiagnosis(x, p, setting, errors),
    true,
  );
  validateList(
    o['procedures'],
    'procedures',
    ENCOUNTER_LIMITS.procedures,
    errors,
    (x, p) => validateProcedure(x, p, errors),
    false,
  );
  validateDocumented(o['documented'], errors);
  return errors.list;
}

/**
 * Validates a parsed JSON value as an Encounter; throws ENCOUNTER_INVALID (exit code 2) listing every
 * field error in `details.errors`, the first one in the message and location.
 */
export function parseEncounter(input: unknown, file?: string): Encounter {
  const errors = encounterErrors(input);
  const first = errors[0];
  if (first) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    throw new MedcodeError('ENCOUNTER_INVALID', `${first.path} ${first.message}${more}`, {
      location: { field: first.path, ...(file === undefined ? {} : { file }) },
      hint: 'Fix the fields listed and check again; docs/encounter.schema.json describes an encounter.',
      details: { errors },
    });
  }
  return input as Encounter;
}
