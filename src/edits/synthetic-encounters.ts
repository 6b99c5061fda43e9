/** Encounters for the tests and benchmark of the edits, built from a few fields. */
import type { Encounter, ProcedureLine, Setting, Sex } from './encounter-schema.ts';

export interface EncounterSpec {
  readonly dx: readonly string[];
  readonly setting?: Setting;
  readonly from?: string;
  readonly age?: number;
  readonly sex?: Sex;
  readonly px?: readonly ProcedureLine[];
  readonly tobacco?: boolean;
}

/** An encounter in FY2026 (2026-01-15) unless told otherwise; inpatient ones get POA Y and admission dates. */
export function encounterOf(spec: EncounterSpec): Encounter {
  const setting = spec.setting ?? 'outpatient';
  const from = spec.from ?? '2026-01-15';
  const inpatient = setting === 'inpatient';
  return {
    setting,
    dates: inpatient ? { from, to: from, admission: from, discharge: from } : { from },
    patient: { ageYears: spec.age ?? 45, sex: spec.sex ?? 'unknown' },
    diagnoses: spec.dx.map((code) => (inpatient ? { code, poa: 'Y' } : { code })),
    ...(spec.px ? { procedures: spec.px } : {}),
    ...(spec.tobacco === undefined ? {} : { documented: { tobacco: spec.tobacco } }),
  };
}
