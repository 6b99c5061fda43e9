/**
 * Parses the HCPCS Level II annual file (HCPCyyyy_..._ANWEB_....txt), fixed-width 320-character records.
 * A procedure or modifier is a first line (record id 3 or 7) carrying the detail fields, followed by
 * continuation lines (4 or 8) that carry only the rest of the long description. Produces the 'codes' layer
 * (procedures billable, modifiers not) and the 'hcpcs' layer with the detail fields.
 */
import { fromCompactDate } from '../../core/dates.ts';
import type { IsoDate } from '../../core/dates.ts';
import { MedcodeError } from '../../core/medcode-error.ts';
import type { CodeRecord, HcpcsDetail, LayerData } from '../../terminology/model.ts';
import { linesOf, openReleaseInput } from '../release-input.ts';
import type { ReleaseInput } from '../release-input.ts';
import {
  HCPCS_FIELDS as F,
  HCPCS_RECORD_LENGTH,
  RECORD_IDS,
  fieldList,
  fieldText,
} from './hcpcs-record-layout.ts';
import type { Field, RecordId } from './hcpcs-record-layout.ts';

export type CodesLayer = Extract<LayerData, { layer: 'codes' }>;
export type HcpcsLayer = Extract<LayerData, { layer: 'hcpcs' }>;

export interface HcpcsFileContent {
  readonly codes: CodesLayer;
  readonly details: HcpcsLayer;
  /** Year of the latest action effective date: the calendar year the file is the release of. */
  readonly year: number | undefined;
}

interface RecordBuilder {
  readonly detail: HcpcsDetail;
  readonly shortTitle: string;
  readonly description: string[];
  readonly order: number;
}

/** A file and line, for error messages. */
interface Where {
  readonly file: string;
  readonly line: number;
}

/** Parses an HCPCS annual file into its 'codes' and 'hcpcs' layers. */
export async function parseHcpcsFile(source: ReleaseInput, displayName?: string): Promise<HcpcsFileContent> {
  const { name, chunks } = openReleaseInput(source, displayName, 'windows-1252');
  const records = new RecordAssembler();
  let short: Where | undefined;
  let line = 0;
  for await (const text of linesOf(chunks)) {
    line++;
    if (text.trim() === '') continue;
    if (short) throw lengthError(short, 'RELEASE_FILE_MALFORMED');
    const where = { file: name, line };
    // A short line is an error either way; only its place (last or not) says whether the file was cut.
    if (text.length < HCPCS_RECORD_LENGTH) short = where;
    else if (text.length > HCPCS_RECORD_LENGTH)
      throw lengthError(where, 'RELEASE_FILE_MALFORMED', text.length);
    else records.add(text, where);
  }
  if (short) throw lengthError(short, 'RELEASE_FILE_TRUNCATED');
  const { codes, details } = records.finish();
  if (codes.length === 0) {
    throw new MedcodeError(
      'RELEASE_FILE_TRUNCATED',
      `HCPCS file ${name} line ${line}: the file ends before its first record`,
      {
        location: { file: name, line },
        hint: 'The file is empty; download the official annual file again.',
      },
    );
  }
  return {
    codes: { layer: 'codes', codes },
    details: { layer: 'hcpcs', details },
    year: latestYear(details),
  };
}

/** Gathers a first line and its continuation lines into one code record and its detail. */
class RecordAssembler {
  readonly #codes: CodeRecord[] = [];
  readonly #details: HcpcsDetail[] = [];
  #current: RecordBuilder | undefined;

  add(text: string, where: Where): void {
    const id = text.charAt(F.recordId.begin - 1);
    if (!(id in RECORD_IDS))
      malformed(where, `unknown record identification code '${id}' (expected 3, 4, 7 or 8)`);
    const kind = RECORD_IDS[id as RecordId];
    const code = codeOf(text, kind.isModifier, where);
    const description = fieldText(text, F.longDescription);
    const current = this.#current;
    if (kind.first) {
      this.#flush();
      this.#current = {
        detail: readDetail(text, code, kind.isModifier, where),
        shortTitle: fieldText(text, F.shortDescription),
        description: [description],
        order: this.#codes.length + 1,
      };
    } else if (current?.detail.code === code && current.detail.isModifier === kind.isModifier) {
      current.description.push(description);
    } else {
      malformed(where, `continuation line (record id ${id}) for ${code} does not follow its first line`);
    }
  }

  finish(): { codes: CodeRecord[]; details: HcpcsDetail[] } {
    this.#flush();
    return { codes: this.#codes, details: this.#details };
  }

  #flush(): void {
    if (this.#current) finish(this.#current, this.#codes, this.#details);
    this.#current = undefined;
  }
}

function codeOf(text: string, isModifier: boolean, where: Where): string {
  if (isModifier && text.slice(0, 3).trim() !== '') {
    malformed(where, `modifier record has "${text.slice(0, 3)}" in positions 1-3, which must be blank`);
  }
  const code = fieldText(text, isModifier ? F.modifier : F.code);
  const shape = isModifier ? /^[A-Z0-9]{2}$/ : /^[A-Z][0-9]{4}$/;
  if (!shape.test(code)) malformed(where, `"${code}" is not an HCPCS ${isModifier ? 'modifier' : 'code'}`);
  return code;
}

function readDetail(text: string, code: string, isModifier: boolean, where: Where): HcpcsDetail {
  const optional = (field: Field) => fieldText(text, field) || undefined;
  const list = (field: Field) => fieldList(text, field);
  const crossReference = list(F.crossReference);
  const labCertification = list(F.labCertification);
  const detail: HcpcsDetail = {
    code,
    isModifier,
    pricing: list(F.pricing),
    multiplePricing: optional(F.multiplePricing),
    coverage: optional(F.coverage),
    betos: optional(F.betos),
    typeOfService: list(F.typeOfService),
    addDate: dateField(text, F.addDate, 'add date', where),
    actionEffectiveDate: dateField(text, F.actionEffectiveDate, 'action effective date', where),
    terminationDate: dateField(text, F.terminationDate, 'termination date', where),
    actionCode: optional(F.actionCode),
    crossReference: crossReference.length ? crossReference : undefined,
    labCertification: labCertification.length ? labCertification : undefined,
    statute: optional(F.statute),
    ascGroup: optional(F.ascGroup),
    anesthesiaBaseUnits: unitsField(text, where),
  };
  return withoutUndefined(detail);
}

function dateField(text: string, field: Field, label: string, where: Where): IsoDate | undefined {
  const raw = fieldText(text, field);
  const date = fromCompactDate(raw);
  if (raw && raw !== '00000000' && !date) {
    malformed(where, `${label} "${raw}" at positions ${field.begin}-${field.end} is not a CCYYMMDD date`);
  }
  return date;
}

function unitsField(text: string, where: Where): number | undefined {
  const raw = fieldText(text, F.anesthesiaBaseUnits);
  if (!raw) return undefined;
  if (!/^\d+$/.test(raw)) malformed(where, `anesthesia base units "${raw}" is not a number`);
  return Number(raw);
}

/** Drops absent optional fields so records compare and serialize cleanly. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function finish(record: RecordBuilder, codes: CodeRecord[], details: HcpcsDetail[]): void {
  const { detail } = record;
  codes.push({
    code: detail.code,
    kind: detail.isModifier ? 'modifier' : 'code',
    billable: !detail.isModifier,
    title: record.description.filter(Boolean).join(' '),
    ...(record.shortTitle ? { shortTitle: record.shortTitle } : {}),
    order: record.order,
  });
  details.push(detail);
}

function latestYear(details: readonly HcpcsDetail[]): number | undefined {
  let latest: string | undefined;
  for (const d of details) {
    if (d.actionEffectiveDate && (!latest || d.actionEffectiveDate > latest)) latest = d.actionEffectiveDate;
  }
  return latest ? Number(latest.slice(0, 4)) : undefined;
}

function malformed(where: Where, message: string): never {
  throw new MedcodeError(
    'RELEASE_FILE_MALFORMED',
    `HCPCS file ${where.file} line ${where.line}: ${message}`,
    {
      location: where,
      hint: 'The file does not follow the HCPCS record layout; download the official annual file again.',
    },
  );
}

function lengthError(
  where: Where,
  code: 'RELEASE_FILE_MALFORMED' | 'RELEASE_FILE_TRUNCATED',
  length?: number,
) {
  const what =
    code === 'RELEASE_FILE_TRUNCATED'
      ? `the last record is cut short (fewer than ${HCPCS_RECORD_LENGTH} characters)`
      : `record has ${length ?? 'fewer than ' + HCPCS_RECORD_LENGTH} characters; every record has ${HCPCS_RECORD_LENGTH}`;
  return new MedcodeError(code, `HCPCS file ${where.file} line ${where.line}: ${what}`, {
    location: where,
    hint:
      code === 'RELEASE_FILE_TRUNCATED'
        ? 'The file ends too early (interrupted download or copy); download it again.'
        : 'Records must be fixed-width; was the file edited or its trailing spaces stripped?',
  });
}
