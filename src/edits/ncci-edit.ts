/**
 * NCCI procedure-to-procedure (PTP) and medically unlikely edits (MUE), from the CMS files the user
 * supplies (ncci-tables.ts). NCCI applies to professional claims (practitioner tables) and outpatient
 * hospital claims (hospital tables: settings outpatient and emergency); not to inpatient claims.
 * - NCCI_PTP (error): column 1 and column 2 codes on the same date of service while the edit is in
 *   effect (effective date <= date < deletion date), with modifier indicator 0, or 1 without a
 *   bypass modifier;
 * - NCCI_PTP_MODIFIER_BYPASS (info): indicator 1 and a bypass modifier (59, XE, XS, XP, XU, 25, 91,
 *   anatomic modifiers...) is on one of the lines: allowed when the documentation supports it;
 * - MUE_UNITS (error): units above the MUE value, per line for MAI 1, per date of service for MAI 2/3.
 * Indicator 9 means the edit does not apply.
 */
import type { EditContext } from './edit-context.ts';
import type { Finding } from './finding.ts';
import type { MueTable, NcciLayout, PtpEdit, PtpTable } from './ncci-tables.ts';
import type { PreparedEncounter, PxItem } from './prepared-encounter.ts';

/** NCCI-associated modifiers that may bypass a PTP edit with modifier indicator 1 (NCCI Policy Manual ch. I). */
export const PTP_BYPASS_MODIFIERS: ReadonlySet<string> = new Set([
  ...['59', 'XE', 'XS', 'XP', 'XU', '25', '91', '24', '27', '57', '58', '78', '79'],
  ...['E1', 'E2', 'E3', 'E4', 'FA', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9'],
  ...['TA', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'LT', 'RT', 'LC', 'LD', 'LM', 'RC', 'RI'],
]);

function layoutFor(setting: PreparedEncounter['encounter']['setting']): NcciLayout | undefined {
  if (setting === 'professional') return 'practitioner';
  if (setting === 'outpatient' || setting === 'emergency') return 'hospital';
  return undefined;
}

function activeEdit(table: PtpTable, a: PxItem, b: PxItem): PtpEdit | undefined {
  return table.byColumn1
    .get(a.code)
    ?.find(
      (e) =>
        e.column2 === b.code &&
        e.effective <= a.date &&
        (!e.deletion || a.date < e.deletion) &&
        e.modifier !== '9',
    );
}

function ptpEdit(p: PreparedEncounter, table: PtpTable, out: Finding[]): void {
  const lines = p.px.filter((x) => x.line.system !== 'icd10pcs');
  for (const a of lines) {
    if (!table.byColumn1.has(a.code)) continue;
    for (const b of lines) {
      if (a === b || a.date !== b.date) continue;
      const edit = activeEdit(table, a, b);
      if (!edit) continue;
      const bypass = [...b.modifiers, ...a.modifiers].find((m) => PTP_BYPASS_MODIFIERS.has(m));
      const allowed = edit.modifier === '1' && bypass !== undefined;
      out.push({
        id: allowed ? 'NCCI_PTP_MODIFIER_BYPASS' : 'NCCI_PTP',
        severity: allowed ? 'info' : 'error',
        codes: [a.code, b.code],
        fields: [`${a.field}.code`, `${b.field}.code`],
        message: allowed
          ? `${b.code} is bundled into ${a.code} (NCCI PTP), reported separately with modifier ${bypass}: the record must support a distinct service.`
          : `${b.code} (column 2) is not paid with ${a.code} (column 1) on the same day (NCCI PTP, modifier indicator ${edit.modifier}).`,
        fix: {
          message:
            edit.modifier === '0'
              ? `Remove ${b.code}; no modifier allows this pair.`
              : allowed
                ? 'Keep it only when the documentation shows a separate site, session or encounter.'
                : `Remove ${b.code}, or append an NCCI modifier (59, XE, XS, XP, XU...) if the service was distinct.`,
          codes: [b.code],
        },
        source: {
          kind: 'ncci-ptp',
          file: table.file,
          noteText: edit.rationale ?? '',
          year: Number(edit.effective.slice(0, 4)),
        },
      });
    }
  }
}

function mueEdit(p: PreparedEncounter, table: MueTable, out: Finding[]): void {
  const perDay = new Map<string, PxItem[]>();
  for (const x of p.px) {
    if (x.line.system === 'icd10pcs' || !table.values.has(x.code)) continue;
    const key = `${x.code}|${x.date}`;
    const list = perDay.get(key);
    if (list) list.push(x);
    else perDay.set(key, [x]);
  }
  for (const lines of perDay.values()) {
    const first = lines[0]!;
    const mue = table.values.get(first.code)!;
    const groups = mue.mai === 1 ? lines.map((l) => [l]) : [lines];
    for (const g of groups) {
      const units = g.reduce((n, l) => n + l.units, 0);
      if (units <= mue.value) continue;
      out.push({
        id: 'MUE_UNITS',
        severity: 'error',
        codes: [first.code],
        fields: g.map((l) => `${l.field}.units`),
        message: `${first.code}: ${units} units ${mue.mai === 1 ? 'on one line' : `on ${first.date}`} exceed the MUE of ${mue.value} (adjudication indicator ${mue.mai}).`,
        fix: {
          message:
            mue.mai === 2
              ? `Report at most ${mue.value} units; the MUE is a policy limit and is not appealable.`
              : `Report at most ${mue.value} units, or document medical necessity for the excess.`,
        },
        source: { kind: 'ncci-mue', file: table.file, noteText: mue.rationale ?? '' },
      });
    }
  }
}

export function ncciEdit(p: PreparedEncounter, ctx: EditContext, out: Finding[]): void {
  const ncci = ctx.ncci;
  const layout = layoutFor(p.encounter.setting);
  if (!ncci || !layout || !p.px.length) return;
  for (const t of ncci.ptp) if (t.layout === layout) ptpEdit(p, t, out);
  for (const t of ncci.mue) if (t.layout === layout) mueEdit(p, t, out);
}
