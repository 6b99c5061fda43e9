/**
 * Etiology/manifestation convention and "code first" (Guidelines I.A.13, I.A.12 conventions; I.C.1-I.C.21
 * use them throughout). A manifestation code ("in diseases classified elsewhere" in its title) is never
 * the first-listed or principal diagnosis and follows the code of its underlying condition.
 * - DX_MANIFESTATION_FIRST (error): a manifestation code is first on the claim.
 * - DX_CODE_FIRST_ORDER (error for a manifestation, warning otherwise): a code the "code first" note
 *   names is on the claim but only after the code.
 * - DX_CODE_FIRST_MISSING (warning): a manifestation with a "code first" note and none of the codes the
 *   note names; a warning because the note's list is "such as", not exhaustive.
 */
import { displayCode } from '../terminology/code-system.ts';
import type { NoteGroup } from './dx-facts.ts';
import { inNoteRange } from './dx-facts.ts';
import type { Finding } from './finding.ts';
import type { DxItem, PreparedEncounter } from './prepared-encounter.ts';
import { guidelineSource, noteSource } from './prepared-encounter.ts';

const show = (c: string): string => displayCode('icd10cm', c);

function matching(p: PreparedEncounter, group: NoteGroup, self: DxItem): DxItem[] {
  return p.dx.filter((d) => d !== self && group.ranges.some((r) => inNoteRange(d.code, r)));
}

function codeFirstFindings(p: PreparedEncounter, d: DxItem, out: Finding[]): void {
  const set = p.cm!;
  const manifestation = d.facts!.manifestation;
  for (const group of d.facts!.codeFirst) {
    if (group.ownerKind !== 'code' || !group.ranges.length) continue;
    const hits = matching(p, group, d);
    const note = group.notes[0]!;
    // A manifestation listed first is DX_MANIFESTATION_FIRST already; one finding says it.
    if (hits.some((h) => h.index < d.index) || (manifestation && d.index === 0)) continue;
    const after = hits[0];
    if (after) {
      out.push({
        id: 'DX_CODE_FIRST_ORDER',
        severity: manifestation ? 'error' : 'warning',
        codes: [d.code, after.code],
        fields: [d.field, after.field],
        message: `${show(after.code)} must be listed before ${show(d.code)} ("code first" at ${show(group.owner)}).`,
        fix: { message: `Sequence ${show(after.code)} before ${show(d.code)}.`, codes: [after.code] },
        source: { ...noteSource(set, note), noteText: group.text },
      });
    } else if (manifestation) {
      out.push({
        id: 'DX_CODE_FIRST_MISSING',
        severity: 'warning',
        codes: [d.code],
        fields: [d.field],
        message: `${show(d.code)} is a manifestation; code first its underlying condition: ${group.text}.`,
        fix: {
          message: 'Add the code of the underlying condition before it.',
          codes: group.ranges.map((r) => r.first),
        },
        source: { ...noteSource(set, note), noteText: group.text },
      });
    }
  }
}

export function etiologyManifestationEdit(p: PreparedEncounter, out: Finding[]): void {
  if (!p.cm) return;
  for (const d of p.dx) {
    if (!d.facts?.record) continue;
    if (d.index === 0 && d.facts.manifestation) {
      const second = p.dx[1];
      out.push({
        id: 'DX_MANIFESTATION_FIRST',
        severity: 'error',
        codes: [d.code],
        fields: [d.field],
        message: `${show(d.code)} is a manifestation code ("in diseases classified elsewhere") and may not be first-listed or principal.`,
        fix: {
          message: 'List the underlying condition first and this code after it.',
          ...(second ? { codes: [second.code] } : {}),
        },
        source: guidelineSource('I.A.13', p.cm),
      });
    }
    codeFirstFindings(p, d, out);
  }
}
