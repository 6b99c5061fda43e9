/**
 * Excludes1 (Guidelines I.A.12.a): "NOT CODED HERE" -- the two conditions cannot occur together, so the
 * codes are not reported together. The rules of a code are its own Excludes1 notes and those of its
 * ancestors, block and chapter, with the code ranges the notes name (E11 excludes1 E08.-, E09.-, ...).
 * Excludes2 ("not included here") allows both codes and is never reported.
 *
 * DX_EXCLUDES1 is an error (a warning when the note's range carries a qualifier the range cannot
 * express, e.g. "with fifth or sixth character 5", as the range then takes in too much). The Guidelines' exception (the two conditions are unrelated to each other)
 * needs the record: the message says so, so a coder can keep both when the exception applies.
 */
import { displayCode } from '../terminology/code-system.ts';
import type { ExcludesRule } from './dx-facts.ts';
import { inNoteRange } from './dx-facts.ts';
import type { Finding } from './finding.ts';
import type { PreparedEncounter } from './prepared-encounter.ts';
import { noteSource } from './prepared-encounter.ts';

const show = (c: string): string => displayCode('icd10cm', c);

export function excludes1Edit(p: PreparedEncounter, out: Finding[]): void {
  const set = p.cm;
  if (!set) return;
  const reported = new Set<string>();
  for (const a of p.dx) {
    const byLetter = a.facts?.excludes1ByLetter;
    if (!byLetter?.length) continue;
    for (const b of p.dx) {
      const rules = byLetter[b.code.charCodeAt(0) - 65];
      if (!rules || b === a || b.code === a.code) continue;
      // A note never excludes codes under its own owner (a block note naming a range it contains).
      let rule: ExcludesRule | undefined;
      for (const r of rules) {
        if (inNoteRange(b.code, r.range) && !b.code.startsWith(r.note.owner)) {
          rule = r;
          break;
        }
      }
      if (!rule) continue;
      const pair = a.code < b.code ? `${a.code}|${b.code}` : `${b.code}|${a.code}`;
      if (reported.has(pair)) continue;
      reported.add(pair);
      out.push({
        id: 'DX_EXCLUDES1',
        // A range with a qualifier ("T36-T50 with fifth or sixth character 5") over-approximates.
        severity: rule.range.qualifier ? 'warning' : 'error',
        codes: [a.code, b.code],
        fields: [a.field, b.field],
        message:
          `${show(a.code)} and ${show(b.code)} may not be reported together: ` +
          `Excludes1 at ${show(rule.note.owner)} "${rule.note.text}".`,
        fix: {
          message:
            `Keep the code that describes the condition and remove the other, unless the record shows ` +
            `the two conditions are unrelated (Guidelines I.A.12.a exception).`,
          codes: [a.code, b.code],
        },
        source: noteSource(set, rule.note),
      });
    }
  }
}
