/**
 * "Use additional code" and "code also" (Guidelines I.A.12-I.A.13 conventions, I.A.17 code also):
 * a code whose note names a companion code that is not on the claim.
 *
 * How strongly the missing companion is reported (our choice, documented here):
 * - info when the note only applies if the record says so: it says "if applicable", "if known",
 *   "such as", "any", "associated"; it names only external-cause codes (Guidelines I.C.20: no national
 *   requirement to report them) or only long-term drug use (Z79); or it sits on a 3-character category
 *   (E11 "code to identify control using insulin (Z79.4)");
 * - tobacco notes (J44: F17.-, Z72.0, Z87.891, Z77.22, Z57.31 ...) -> warning when the encounter says
 *   tobacco use is documented (`documented.tobacco`), info otherwise;
 * - error when a note on the code or a subcategory names one category of companions
 *   (E11.22 "use additional code to identify stage of chronic kidney disease (N18.1-N18.6)",
 *   I83.0- "severity of ulcer (L97.-)");
 * - warning when it names several categories (M60.0- "infectious agent (B95-B97)": often unknown);
 * - notes on blocks and chapters are too general to check and are ignored;
 * - "code also" notes -> DX_CODE_ALSO info.
 * The notes of one type on one owner are read as one instruction: any code in any of its ranges does.
 */
import { displayCode } from '../terminology/code-system.ts';
import type { NoteGroup } from './dx-facts.ts';
import { inNoteRange } from './dx-facts.ts';
import type { Finding, Severity } from './finding.ts';
import type { DxItem, PreparedEncounter } from './prepared-encounter.ts';
import { noteSource } from './prepared-encounter.ts';

const show = (c: string): string => displayCode('icd10cm', c);
const CONDITIONAL =
  /\bif (applicable|known|present|any|desired|appropriate)\b|\bsuch as\b|\bany\b|\bassociated\b/i;
const TOBACCO_CATEGORIES = ['F17', 'Z720', 'Z87891', 'Z7722', 'Z5731', 'O9933'];

function isTobacco(group: NoteGroup): boolean {
  return (
    /tobacco/i.test(group.text) &&
    group.ranges.some((r) => TOBACCO_CATEGORIES.some((t) => r.first.startsWith(t)))
  );
}

function severityOf(group: NoteGroup, p: PreparedEncounter): Severity {
  if (isTobacco(group)) return p.encounter.documented?.tobacco ? 'warning' : 'info';
  const r = group.ranges;
  const optional =
    CONDITIONAL.test(group.text) ||
    r.every((x) => x.first >= 'V00' && x.first < 'Z') ||
    r.every((x) => x.first.startsWith('Z79')) ||
    group.owner.length <= 3;
  if (optional) return 'info';
  const category = r[0]!.first.slice(0, 3);
  return r.every((x) => x.first.startsWith(category) && x.last.startsWith(category)) ? 'error' : 'warning';
}

/** The first code of each range the note names, once each: where to look for the companion. */
function firsts(group: NoteGroup): string[] {
  return [...new Set(group.ranges.map((r) => r.first))];
}

function companionMissing(p: PreparedEncounter, d: DxItem, group: NoteGroup): boolean {
  return !p.dx.some(
    (o) => o !== d && group.ranges.some((r) => inNoteRange(o.code, r) && !o.code.startsWith(group.owner)),
  );
}

export function useAdditionalCodeEdit(p: PreparedEncounter, out: Finding[]): void {
  const set = p.cm;
  if (!set) return;
  for (const d of p.dx) {
    if (!d.facts?.record) continue;
    for (const group of d.facts.useAdditional) {
      if (group.ownerKind !== 'code' || !group.ranges.length || !companionMissing(p, d, group)) continue;
      const severity = severityOf(group, p);
      out.push({
        id: 'DX_USE_ADDITIONAL_MISSING',
        severity,
        codes: [d.code],
        fields: [d.field],
        message: `${show(d.code)}: "use additional code" at ${show(group.owner)} (${group.text}); no such code is on the claim.`,
        fix: {
          message: 'Add the code the note asks for, when the record supports it.',
          codes: firsts(group),
        },
        source: { ...noteSource(set, group.notes[0]!), noteText: group.text },
      });
    }
    for (const group of d.facts.codeAlso) {
      if (group.ownerKind !== 'code' || !group.ranges.length || !companionMissing(p, d, group)) continue;
      out.push({
        id: 'DX_CODE_ALSO',
        severity: 'info',
        codes: [d.code],
        fields: [d.field],
        message: `${show(d.code)}: "code also" at ${show(group.owner)} (${group.text}), when documented.`,
        fix: {
          message: 'Add the code when the record documents it.',
          codes: firsts(group),
        },
        source: { ...noteSource(set, group.notes[0]!), noteText: group.text },
      });
    }
  }
}
