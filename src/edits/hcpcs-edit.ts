/**
 * HCPCS Level II codes and modifiers active on the line's date of service (CMS HCPCS annual file: add
 * date, action effective date and termination date of each code and modifier).
 * - HCPCS_UNKNOWN (error): not in the HCPCS file of the date's year, nor in any loaded year;
 * - HCPCS_NOT_ACTIVE (error): added after, or terminated before, the date of service;
 * - MOD_UNKNOWN (warning): a letter modifier not in the HCPCS file (two-digit modifiers are CPT's and
 *   are not checked here); MOD_NOT_ACTIVE (error): modifier added after / terminated before the date;
 * - PX_NO_CODE_SET (error): no HCPCS version covers the date.
 */
import type { IsoDate } from '../core/dates.ts';
import type { CodeSet } from '../terminology/code-set.ts';
import type { HcpcsDetail } from '../terminology/model.ts';
import { cacheOf } from './code-set-cache.ts';
import type { EditContext } from './edit-context.ts';
import type { Finding, FindingSource } from './finding.ts';
import type { PreparedEncounter, PxItem } from './prepared-encounter.ts';

/** Why a code or modifier is not active on a date, or undefined when it is. */
export function inactiveReason(d: HcpcsDetail, date: IsoDate): string | undefined {
  if (d.addDate && date < d.addDate) return `added ${d.addDate}, after the date of service ${date}`;
  if (d.terminationDate && date > d.terminationDate) return `terminated ${d.terminationDate}, before ${date}`;
  return undefined;
}

function source(set: CodeSet): FindingSource {
  const layer = set.info.layers.hcpcs ?? set.info.layers.codes;
  return { kind: 'hcpcs', file: layer?.versionId ?? set.info.versionId, year: layer?.year ?? set.info.year };
}

function codeFinding(x: PxItem, set: CodeSet, ctx: EditContext): Finding | undefined {
  const cache = cacheOf(set);
  const detail = cache.hcpcs(x.code);
  const field = `${x.field}.code`;
  if (!detail && !cache.get(x.code)) {
    const elsewhere = ctx.codeSets('hcpcs').find((s) => s !== set && cacheOf(s).hcpcs(x.code));
    return {
      id: elsewhere ? 'HCPCS_NOT_ACTIVE' : 'HCPCS_UNKNOWN',
      severity: 'error',
      codes: [x.code],
      fields: [field],
      message: elsewhere
        ? `${x.code} is not in the HCPCS ${set.info.year} file (it is in ${elsewhere.info.year}).`
        : `${x.code} is not a HCPCS Level II code.`,
      fix: { message: 'Check the code against the HCPCS file of the year of service.' },
      source: source(set),
    };
  }
  const why = detail && inactiveReason(detail, x.date);
  if (!why) return undefined;
  return {
    id: 'HCPCS_NOT_ACTIVE',
    severity: 'error',
    codes: [x.code],
    fields: [field],
    message: `${x.code} is not active on ${x.date}: ${why}.`,
    fix: {
      message: 'Report the code in effect on the date of service.',
      ...(detail.crossReference?.length ? { codes: detail.crossReference } : {}),
    },
    source: source(set),
  };
}

function modifierFindings(x: PxItem, set: CodeSet, out: Finding[]): void {
  const cache = cacheOf(set);
  x.modifiers.forEach((m, i) => {
    if (/^\d\d$/.test(m)) return;
    const detail = cache.hcpcs(m);
    const field = `${x.field}.modifiers[${i}]`;
    const why = detail ? inactiveReason(detail, x.date) : 'not in the HCPCS modifier list';
    if (!why) return;
    out.push({
      id: detail ? 'MOD_NOT_ACTIVE' : 'MOD_UNKNOWN',
      severity: detail ? 'error' : 'warning',
      codes: [x.code, m],
      fields: [field],
      message: `Modifier ${m} on ${x.code}: ${why}.`,
      fix: { message: 'Use a modifier in effect on the date of service.' },
      source: source(set),
    });
  });
}

export function hcpcsEdit(p: PreparedEncounter, ctx: EditContext, out: Finding[]): void {
  for (const x of p.px) {
    if (x.line.system === 'icd10pcs') continue;
    const set = ctx.codeSetFor('hcpcs', x.date);
    if (!set) {
      if (x.line.system === 'hcpcs')
        out.push({
          id: 'PX_NO_CODE_SET',
          severity: 'error',
          codes: [x.code],
          fields: [`${x.field}.code`],
          message: `No HCPCS version covering ${x.date} is loaded, so ${x.code} cannot be checked.`,
          fix: { message: `Import the HCPCS file of ${x.date.slice(0, 4)}.` },
          source: { kind: 'hcpcs' },
        });
      continue;
    }
    if (x.line.system === 'hcpcs') {
      const f = codeFinding(x, set, ctx);
      if (f) out.push(f);
    }
    modifierFindings(x, set, out);
  }
}
