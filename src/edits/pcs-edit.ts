/**
 * ICD-10-PCS lines (ICD-10-PCS Official Guidelines; CMS: ICD-10-PCS reports inpatient hospital
 * procedures, outpatient and professional claims use CPT/HCPCS):
 * - PCS_INVALID (error): not 7 characters, no table for its first three, or characters 4-7 not in ONE
 *   row of the table (a code may not mix values of two rows);
 * - PCS_NOT_VALID_ON_DATE (error): valid in another loaded fiscal year only;
 * - PCS_NOT_INPATIENT (error): an ICD-10-PCS code on a claim that is not inpatient;
 * - PX_NO_CODE_SET (error): no ICD-10-PCS version covers the date.
 * The code set is the one of the coding date (discharge date for inpatient, as for diagnoses).
 */
import type { CodeSet } from '../terminology/code-set.ts';
import type { PcsTable } from '../terminology/model.ts';
import { cacheOf } from './code-set-cache.ts';
import type { EditContext } from './edit-context.ts';
import type { Finding, FindingSource } from './finding.ts';
import type { PreparedEncounter, PxItem } from './prepared-encounter.ts';

const VALID = new WeakMap<CodeSet, Map<string, boolean>>();

/** Whether characters 4-7 of the code are values of one row of its table. */
export function inPcsTable(table: PcsTable, code: string): boolean {
  return table.rows.some((row) =>
    [4, 5, 6, 7].every((pos) => {
      const axis = row.find((a) => a.pos === pos);
      return axis?.values.some((v) => v.code === code[pos - 1]) === true;
    }),
  );
}

/** Validity of a PCS code in a code set: by its tables when loaded, else by its code list. */
export function isValidPcs(set: CodeSet, code: string): boolean {
  let memo = VALID.get(set);
  if (!memo) VALID.set(set, (memo = new Map()));
  let ok = memo.get(code);
  if (ok === undefined) {
    if (!/^[0-9A-HJ-NP-Z]{7}$/.test(code)) ok = false;
    else if (set.info.layers['pcs-tables']) {
      const table = cacheOf(set).pcsTable(code.slice(0, 3));
      ok = table !== undefined && inPcsTable(table, code);
    } else ok = cacheOf(set).get(code)?.billable === true;
    memo.set(code, ok);
  }
  return ok;
}

function source(set: CodeSet): FindingSource {
  const layer = set.info.layers['pcs-tables'] ?? set.info.layers.codes;
  return {
    kind: 'pcs-tables',
    file: layer?.versionId ?? set.info.versionId,
    year: layer?.year ?? set.info.year,
  };
}

function lineFinding(x: PxItem, set: CodeSet, ctx: EditContext): Finding | undefined {
  if (isValidPcs(set, x.code)) return undefined;
  const years = ctx
    .codeSets('icd10pcs')
    .filter((s) => s !== set && isValidPcs(s, x.code))
    .map((s) => s.info.year);
  if (years.length) {
    return {
      id: 'PCS_NOT_VALID_ON_DATE',
      severity: 'error',
      codes: [x.code],
      fields: [`${x.field}.code`],
      message: `${x.code} is not valid in ICD-10-PCS FY${set.info.year} (valid in FY${years.join(', FY')}).`,
      fix: { message: 'Build the code from the tables of the fiscal year of the discharge.' },
      source: source(set),
    };
  }
  const table = x.code.length === 7 ? set.pcsTable(x.code.slice(0, 3)) : undefined;
  const why =
    x.code.length !== 7
      ? 'an ICD-10-PCS code has 7 characters'
      : table
        ? `characters 4-7 "${x.code.slice(3)}" are not one row of table ${table.key}`
        : `there is no table ${x.code.slice(0, 3)}`;
  return {
    id: 'PCS_INVALID',
    severity: 'error',
    codes: [x.code],
    fields: [`${x.field}.code`],
    message: `${x.code} is not a valid ICD-10-PCS code in FY${set.info.year}: ${why}.`,
    fix: { message: `Build the code from one row of table ${x.code.slice(0, 3)}.` },
    source: source(set),
  };
}

export function pcsEdit(p: PreparedEncounter, ctx: EditContext, out: Finding[]): void {
  const lines = p.px.filter((x) => x.line.system === 'icd10pcs');
  if (!lines.length) return;
  const set = ctx.codeSetFor('icd10pcs', p.dxDate);
  for (const x of lines) {
    if (p.encounter.setting !== 'inpatient') {
      out.push({
        id: 'PCS_NOT_INPATIENT',
        severity: 'error',
        codes: [x.code],
        fields: [`${x.field}.system`, 'setting'],
        message: `${x.code} is an ICD-10-PCS code on a ${p.encounter.setting} claim; ICD-10-PCS is for inpatient claims.`,
        fix: { message: 'Report the procedure with its CPT or HCPCS code.' },
        source: {
          kind: 'guidelines',
          section: 'ICD-10-PCS Official Guidelines, Conventions; CMS HIPAA code sets',
        },
      });
    }
    if (!set) {
      out.push({
        id: 'PX_NO_CODE_SET',
        severity: 'error',
        codes: [x.code],
        fields: [`${x.field}.code`],
        message: `No ICD-10-PCS version covering ${p.dxDate} is loaded, so ${x.code} cannot be checked.`,
        fix: { message: `Import the ICD-10-PCS release of the fiscal year of ${p.dxDate}.` },
        source: { kind: 'pcs-tables' },
      });
      continue;
    }
    const f = lineFinding(x, set, ctx);
    if (f) out.push(f);
  }
}
