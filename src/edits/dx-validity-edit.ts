/**
 * Diagnosis validity (Guidelines I.B.1-I.B.2, I.A.4-I.A.5; CMS: only codes valid on the date of
 * service, to their full number of characters, are billable):
 * - DX_NO_CODE_SET: no ICD-10-CM version covers the coding date;
 * - DX_UNKNOWN_CODE / DX_NOT_VALID_ON_DATE: not in the fiscal year's code set (valid in another year);
 * - DX_HEADER_NOT_BILLABLE: a category or subcategory with codes under it (fix: its billable codes);
 * - DX_MISSING_7TH_CHARACTER: a code of a category with 7th characters, given without one;
 * - DX_PLACEHOLDER_X_MISSING: 7th character given without the placeholder X (fix: the X-padded code);
 * - DX_DUPLICATE: the same code twice.
 */
import type { CodeSet } from '../terminology/code-set.ts';
import { displayCode } from '../terminology/code-system.ts';
import type { EditContext } from './edit-context.ts';
import type { Finding } from './finding.ts';
import type { DxItem, PreparedEncounter } from './prepared-encounter.ts';
import { guidelineSource } from './prepared-encounter.ts';

const SUGGESTIONS = 20;
const show = (c: string): string => displayCode('icd10cm', c);

function codesSource(set: CodeSet): Finding['source'] {
  const layer = set.info.layers.codes;
  return { kind: 'codes', file: layer?.versionId ?? set.info.versionId, year: layer?.year ?? set.info.year };
}

/** "T1500A" -> "T1500XA": the placeholder X fills the code to six characters before the 7th. */
function xPadded(code: string): string | undefined {
  if (code.length < 4 || code.length >= 7) return undefined;
  const base = code.slice(0, -1);
  return base.padEnd(6, 'X') + code.slice(-1);
}

function unknownFinding(d: DxItem, set: CodeSet, ctx: EditContext): Finding {
  const padded = xPadded(d.code);
  if (padded && d.facts?.sevenths.length && set.get(padded)?.billable) {
    return {
      id: 'DX_PLACEHOLDER_X_MISSING',
      severity: 'error',
      codes: [d.code],
      fields: [d.field],
      message: `${show(d.code)} lacks the placeholder X before its 7th character.`,
      fix: { message: `Report ${show(padded)}.`, codes: [padded] },
      source: guidelineSource('I.A.4', set),
    };
  }
  const years = ctx
    .codeSets('icd10cm')
    .filter((s) => s !== set && s.get(d.code)?.billable)
    .map((s) => s.info.year)
    .sort((a, b) => a - b);
  if (years.length) {
    return {
      id: 'DX_NOT_VALID_ON_DATE',
      severity: 'error',
      codes: [d.code],
      fields: [d.field],
      message: `${show(d.code)} is not a valid code in ICD-10-CM FY${set.info.year} (valid in FY${years.join(', FY')}).`,
      fix: { message: 'Code the condition with the code set in effect on the date of service.' },
      source: codesSource(set),
    };
  }
  const near = d.facts?.ancestors[0];
  const fix = !near
    ? { message: 'Check the code in the tabular list.' }
    : set.get(near)?.billable
      ? { message: `${show(near)} is the billable code this one extends.`, codes: [near] }
      : {
          message: `Choose a billable code under ${show(near)}.`,
          codes: set.billableDescendants(near, SUGGESTIONS).map((r) => r.code),
        };
  return {
    id: 'DX_UNKNOWN_CODE',
    severity: 'error',
    codes: [d.code],
    fields: [d.field],
    message: `${show(d.code)} is not an ICD-10-CM code (FY${set.info.year}).`,
    fix,
    source: codesSource(set),
  };
}

function headerFinding(d: DxItem, set: CodeSet): Finding {
  const below = set.billableDescendants(d.code, SUGGESTIONS).map((r) => r.code);
  if (d.facts?.sevenths.length && d.code.length < 7) {
    const padded = d.facts.sevenths
      .map((s) => d.code.padEnd(6, 'X') + s.char)
      .filter((c) => set.get(c)?.billable);
    const codes = [...new Set([...padded, ...below])].slice(0, SUGGESTIONS);
    return {
      id: 'DX_MISSING_7TH_CHARACTER',
      severity: 'error',
      codes: [d.code],
      fields: [d.field],
      message: `${show(d.code)} needs a 7th character (${d.facts.sevenths.map((s) => s.char).join(', ')}).`,
      fix: { message: 'Add the 7th character for the episode of care, with placeholder X as needed.', codes },
      source: guidelineSource('I.A.5', set),
    };
  }
  return {
    id: 'DX_HEADER_NOT_BILLABLE',
    severity: 'error',
    codes: [d.code],
    fields: [d.field],
    message: `${show(d.code)} is a header, not a billable code; codes under it are more specific.`,
    fix: { message: `Report one of the billable codes under ${show(d.code)}.`, codes: below },
    source: guidelineSource('I.B.2', set),
  };
}

export function dxValidityEdit(p: PreparedEncounter, ctx: EditContext, out: Finding[]): void {
  const set = p.cm;
  if (!set) {
    out.push({
      id: 'DX_NO_CODE_SET',
      severity: 'error',
      codes: p.dx.map((d) => d.code),
      fields: ['dates'],
      message: `No ICD-10-CM version covering ${p.dxDate} is loaded, so the diagnoses cannot be checked.`,
      fix: { message: `Import the ICD-10-CM release of the fiscal year of ${p.dxDate}.` },
      source: { kind: 'codes' },
    });
    return;
  }
  const seen = new Map<string, DxItem>();
  for (const d of p.dx) {
    if (!d.facts?.record) out.push(unknownFinding(d, set, ctx));
    else if (!d.billable) out.push(headerFinding(d, set));
    const before = seen.get(d.code);
    if (before) {
      out.push({
        id: 'DX_DUPLICATE',
        severity: 'warning',
        codes: [d.code],
        fields: [before.field, d.field],
        message: `${show(d.code)} is listed twice.`,
        fix: { message: 'Report each code once.' },
        source: guidelineSource('I.B.12', set),
      });
    } else seen.set(d.code, d);
  }
}
