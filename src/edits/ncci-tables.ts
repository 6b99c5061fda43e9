/**
 * Loaders for the CMS National Correct Coding Initiative files, which users supply (they carry CPT
 * content under the AMA licence). Accepted: the tab-delimited .txt of the CMS zips, or CSV exported
 * from the CMS .xlsx, with any copyright lines before the header.
 *
 * PTP (procedure-to-procedure), practitioner and hospital (outpatient) files, header row:
 *   Column 1 | Column 2 | * = In existence prior to 1996 | Effective Date | Deletion Date *=no data |
 *   Modifier 0=not allowed 1=allowed 9=not applicable | PTP Edit Rationale
 * MUE (medically unlikely edits), practitioner / outpatient hospital / DME files, header row:
 *   HCPCS/CPT Code | Practitioner Services MUE Values (or Outpatient Hospital Services / DME Supplier
 *   Services MUE Values) | MUE Adjudication Indicator ("1 Line Edit", "2 Date of Service Edit: Policy",
 *   "3 Date of Service Edit: Clinical") | MUE Rationale
 * Columns are found by their header text; dates may be YYYYMMDD, YYYY-MM-DD or M/D/YYYY.
 */
import type { IsoDate } from '../core/dates.ts';
import { MedcodeError } from '../core/medcode-error.ts';
import type { TextRow } from './delimited-text.ts';
import { parseDelimited } from './delimited-text.ts';

/** Which claims a table applies to: practitioner (professional) or hospital (outpatient, emergency). */
export type NcciLayout = 'practitioner' | 'hospital' | 'dme';
export type ModifierIndicator = '0' | '1' | '9';

export interface PtpEdit {
  readonly column1: string;
  readonly column2: string;
  readonly effective: IsoDate;
  /** The edit no longer applies from this date; undefined when the file says "*" (no deletion). */
  readonly deletion?: IsoDate;
  readonly modifier: ModifierIndicator;
  readonly rationale?: string;
}

export interface PtpTable {
  readonly layout: NcciLayout;
  readonly file: string;
  /** Edits by column 1 code. */
  readonly byColumn1: ReadonlyMap<string, readonly PtpEdit[]>;
  readonly size: number;
}

export interface MueValue {
  readonly code: string;
  readonly value: number;
  /** MUE adjudication indicator: 1 claim line, 2 date of service (policy), 3 date of service (clinical). */
  readonly mai: 1 | 2 | 3;
  readonly rationale?: string;
}

export interface MueTable {
  readonly layout: NcciLayout;
  readonly file: string;
  readonly values: ReadonlyMap<string, MueValue>;
}

export interface NcciTables {
  readonly ptp: readonly PtpTable[];
  readonly mue: readonly MueTable[];
}

function invalid(file: string, line: number, message: string): MedcodeError {
  return new MedcodeError('EDIT_FILE_INVALID', message, {
    location: { file, line },
    hint: 'Export the CMS file as tab-delimited text or CSV with its header row; see src/edits/ncci-tables.ts.',
  });
}

const CODE = /^[0-9A-Z]{5}$/;

/** The header row (first cell matching `first`) and the index of each wanted column. */
function header<K extends string>(
  rows: readonly TextRow[],
  file: string,
  first: RegExp,
  wanted: Readonly<Record<K, RegExp>>,
): { index: number; cols: Record<K, number> } {
  const index = rows.findIndex((r) => first.test((r.cells[0] ?? '').replace(/\s+/g, ' ')));
  const row = rows[index];
  if (!row) throw invalid(file, 1, `no header row starting with ${first.source} found`);
  const cols = {} as Record<K, number>;
  for (const [key, re] of Object.entries(wanted) as [K, RegExp][]) {
    const i = row.cells.findIndex((c) => re.test(c.replace(/\s+/g, ' ')));
    if (i < 0) throw invalid(file, row.line, `header has no column matching ${re.source}`);
    cols[key] = i;
  }
  return { index, cols };
}

/** Data rows after the header; continuation header lines (no code in the first column) before them are skipped. */
function dataRows(rows: readonly TextRow[], index: number): TextRow[] {
  const rest = rows.slice(index + 1);
  const firstData = rest.findIndex((r) => CODE.test((r.cells[0] ?? '').toUpperCase()));
  return firstData < 0 ? [] : rest.slice(firstData);
}

export function parseNcciDate(value: string): IsoDate | undefined {
  const v = value.trim();
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(v) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (m) return `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  return undefined;
}

/** Parses a practitioner or hospital PTP file. */
export function parsePtpFile(text: string, file: string, layout: NcciLayout): PtpTable {
  const rows = parseDelimited(text);
  const { index, cols } = header(rows, file, /^column\s*1/i, {
    column1: /^column\s*1/i,
    column2: /^column\s*2/i,
    effective: /effective/i,
    deletion: /deletion/i,
    modifier: /modifier/i,
    rationale: /rationale/i,
  });
  const byColumn1 = new Map<string, PtpEdit[]>();
  let size = 0;
  for (const r of dataRows(rows, index)) {
    const cell = (k: keyof typeof cols): string => r.cells[cols[k]] ?? '';
    const column1 = cell('column1').toUpperCase();
    const column2 = cell('column2').toUpperCase();
    const effective = parseNcciDate(cell('effective'));
    const del = cell('deletion');
    const deletion = del === '*' || del === '' ? undefined : parseNcciDate(del);
    const modifier = cell('modifier');
    if (!CODE.test(column1) || !CODE.test(column2))
      throw invalid(file, r.line, `codes "${column1}", "${column2}" are not 5 characters`);
    if (!effective) throw invalid(file, r.line, `effective date "${cell('effective')}" is not a date`);
    if (del !== '*' && del !== '' && !deletion)
      throw invalid(file, r.line, `deletion date "${del}" is not a date or *`);
    if (modifier !== '0' && modifier !== '1' && modifier !== '9')
      throw invalid(file, r.line, `modifier indicator "${modifier}" is not 0, 1 or 9`);
    const edit: PtpEdit = {
      column1,
      column2,
      effective,
      modifier,
      ...(deletion ? { deletion } : {}),
      ...(cell('rationale') ? { rationale: cell('rationale') } : {}),
    };
    const list = byColumn1.get(column1);
    if (list) list.push(edit);
    else byColumn1.set(column1, [edit]);
    size++;
  }
  return { layout, file, byColumn1, size };
}

/** Parses a practitioner, outpatient hospital or DME MUE file. */
export function parseMueFile(text: string, file: string, layout: NcciLayout): MueTable {
  const rows = parseDelimited(text);
  const { index, cols } = header(rows, file, /^hcpcs ?\/? ?cpt\b/i, {
    code: /hcpcs|cpt/i,
    value: /mue values?$/i,
    mai: /adjudication/i,
    rationale: /rationale/i,
  });
  const values = new Map<string, MueValue>();
  for (const r of dataRows(rows, index)) {
    const code = (r.cells[cols.code] ?? '').toUpperCase();
    const rawValue = r.cells[cols.value] ?? '';
    const mai = Number(/^\s*([123])\b/.exec(r.cells[cols.mai] ?? '')?.[1]);
    if (!CODE.test(code)) throw invalid(file, r.line, `code "${code}" is not 5 characters`);
    if (!/^\d+$/.test(rawValue)) throw invalid(file, r.line, `MUE value "${rawValue}" is not a whole number`);
    if (mai !== 1 && mai !== 2 && mai !== 3)
      throw invalid(file, r.line, `MUE adjudication indicator "${r.cells[cols.mai] ?? ''}" is not 1, 2 or 3`);
    const rationale = r.cells[cols.rationale];
    values.set(code, { code, value: Number(rawValue), mai, ...(rationale ? { rationale } : {}) });
  }
  return { layout, file, values };
}
