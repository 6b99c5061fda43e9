/**
 * Sequencing of the first-listed / principal diagnosis (Guidelines I.C.20, I.C.21.c.15, I.B.14 and
 * the Z-code sections; see z-code-sequencing.ts for the tables):
 * - DX_SEQUENCING_SECONDARY_ONLY (error): an external-cause code (V00-Y99, I.C.20: "never sequenced as
 *   the first-listed or principal diagnosis") or a secondary-only code is first.
 * - DX_SEQUENCING_FIRST_LISTED_ONLY (warning): a first-listed-only Z code is not first; a warning as the
 *   Guidelines allow it when encounters of one day are combined.
 * Manifestation codes first are reported by the etiology/manifestation edit (DX_MANIFESTATION_FIRST).
 */
import { displayCode } from '../terminology/code-system.ts';
import type { Finding } from './finding.ts';
import type { PreparedEncounter } from './prepared-encounter.ts';
import { guidelineSource } from './prepared-encounter.ts';
import { FIRST_LISTED_ONLY, SECONDARY_ONLY, ruleFor } from './z-code-sequencing.ts';

const show = (c: string): string => displayCode('icd10cm', c);

export function isExternalCause(code: string): boolean {
  return code >= 'V00' && code < 'Z';
}

export function sequencingEdit(p: PreparedEncounter, out: Finding[]): void {
  const first = p.dx[0];
  if (first) {
    const rule = isExternalCause(first.code)
      ? { section: 'I.C.20', why: 'external cause codes are never first-listed or principal' }
      : ruleFor(SECONDARY_ONLY, first.code);
    if (rule) {
      const next = p.dx.find(
        (d) => d.index > 0 && !isExternalCause(d.code) && !ruleFor(SECONDARY_ONLY, d.code),
      );
      out.push({
        id: 'DX_SEQUENCING_SECONDARY_ONLY',
        severity: 'error',
        codes: [first.code],
        fields: [first.field],
        message: `${show(first.code)} may not be the first-listed or principal diagnosis: ${rule.why}.`,
        fix: {
          message: 'List the condition that occasioned the encounter first.',
          ...(next ? { codes: [next.code] } : {}),
        },
        source: guidelineSource(rule.section, p.cm),
      });
    }
  }
  for (const d of p.dx) {
    if (d.index === 0) continue;
    const rule = ruleFor(FIRST_LISTED_ONLY, d.code);
    if (!rule) continue;
    out.push({
      id: 'DX_SEQUENCING_FIRST_LISTED_ONLY',
      severity: 'warning',
      codes: [d.code],
      fields: [d.field],
      message: `${show(d.code)} is a ${rule.why}, but it is listed at position ${d.index + 1}.`,
      fix: {
        message: `List ${show(d.code)} first, unless encounters of the same day were combined.`,
        codes: [d.code],
      },
      source: guidelineSource(rule.section, p.cm),
    });
  }
}
