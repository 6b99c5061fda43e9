/**
 * An encounter made ready for the edits: codes normalized, the ICD-10-CM code set of the date of service
 * chosen, the facts of each diagnosis looked up once, the patient's age worked out.
 */
import type { IsoDate } from '../core/dates.ts';
import type { CodeSet } from '../terminology/code-set.ts';
import { normalizeCode } from '../terminology/code-system.ts';
import type { TabularNote } from '../terminology/model.ts';
import type { CodeFacts } from './dx-facts.ts';
import { dxFacts } from './dx-facts.ts';
import type { EditContext } from './edit-context.ts';
import type { Encounter, ProcedureLine } from './encounter-schema.ts';
import type { FindingSource } from './finding.ts';

export interface DxItem {
  /** Position in the claim: 0 is the principal / first-listed diagnosis. */
  readonly index: number;
  readonly code: string;
  readonly field: string;
  /** Facts in the code set of the date; undefined when no code set covers the date. */
  readonly facts: CodeFacts | undefined;
  /** Known and billable in that code set. */
  readonly billable: boolean;
}

export interface PxItem {
  readonly index: number;
  readonly line: ProcedureLine;
  readonly code: string;
  readonly modifiers: readonly string[];
  readonly units: number;
  readonly date: IsoDate;
  readonly field: string;
}

export interface PreparedEncounter {
  readonly encounter: Encounter;
  /** The date the ICD-10 code sets are chosen by. */
  readonly dxDate: IsoDate;
  readonly cm: CodeSet | undefined;
  readonly dx: readonly DxItem[];
  readonly px: readonly PxItem[];
  /** Age in whole years at admission / first date of service, when known. */
  readonly age: number | undefined;
}

/**
 * Inpatient claims are coded with the code set in effect on the discharge date (CMS, IPPS: the
 * discharge date decides the fiscal year); other settings with the first date of service.
 */
export function codingDate(e: Encounter): IsoDate {
  if (e.setting === 'inpatient') return e.dates.discharge ?? e.dates.to ?? e.dates.from;
  return e.dates.from;
}

/** Whole years between a birth date and a date. */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** normalizeCode without allocation for a code already in its stored form (the common case). */
function normalized(raw: string): string {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return normalizeCode(raw);
  }
  return raw;
}

export function prepareEncounter(e: Encounter, ctx: EditContext): PreparedEncounter {
  const dxDate = codingDate(e);
  const cm = ctx.codeSetFor('icd10cm', dxDate);
  const facts = cm ? dxFacts(cm) : undefined;
  const dx = e.diagnoses.map((d, index): DxItem => {
    const code = normalized(d.code);
    const f = facts?.of(code);
    return {
      index,
      code,
      field: `diagnoses[${index}].code`,
      facts: f,
      billable: f?.record?.billable === true,
    };
  });
  const px = (e.procedures ?? []).map((line, index): PxItem => ({
    index,
    line,
    code: normalized(line.code),
    modifiers: (line.modifiers ?? []).map((m) => m.toUpperCase()),
    units: line.units ?? 1,
    date: line.date ?? (line.system === 'icd10pcs' ? dxDate : e.dates.from),
    field: `procedures[${index}]`,
  }));
  const start = e.dates.admission ?? e.dates.from;
  const age = e.patient.ageYears ?? (e.patient.birthDate ? ageOn(e.patient.birthDate, start) : undefined);
  return { encounter: e, dxDate, cm, dx, px, age };
}

/** The source of a rule read from a tabular note of a code set. */
export function noteSource(set: CodeSet, note: TabularNote): FindingSource {
  const layer = set.info.layers.tabular;
  return {
    kind: 'tabular',
    noteOwner: note.owner,
    noteType: note.type,
    noteText: note.text,
    file: layer?.versionId ?? set.info.versionId,
    year: layer?.year ?? set.info.year,
  };
}

/** The source of a rule from the ICD-10-CM Official Guidelines of the code set's year. */
export function guidelineSource(section: string, set: CodeSet | undefined): FindingSource {
  const year = set?.info.year;
  return {
    kind: 'guidelines',
    section,
    file: `ICD-10-CM Official Guidelines for Coding and Reporting${year ? ` FY${year}` : ''}`,
    ...(year === undefined ? {} : { year }),
  };
}
