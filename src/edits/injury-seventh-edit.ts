/**
 * Injury and external-cause 7th characters agree (Guidelines I.C.20.a.2 "External cause code used for
 * length of treatment": the external cause code takes the 7th character -- initial encounter,
 * subsequent encounter or sequela -- of the encounter for the injury it explains; I.C.19.a for the
 * injury's 7th character). INJ_7TH_MISMATCH (warning): an external-cause code (V00-Y38) whose episode
 * is not the episode of any injury code (S00-T88) on the claim. Only 7-character codes of categories
 * with 7th-character definitions take part.
 */
import { displayCode } from '../terminology/code-system.ts';
import type { Finding } from './finding.ts';
import type { DxItem, PreparedEncounter } from './prepared-encounter.ts';
import { guidelineSource } from './prepared-encounter.ts';

type Episode = 'initial' | 'subsequent' | 'sequela';
const show = (c: string): string => displayCode('icd10cm', c);
const EXTERNAL_CAUSE_CHAR: Readonly<Record<Episode, string>> = {
  initial: 'A',
  subsequent: 'D',
  sequela: 'S',
};

/** Episode of care of a 7th character (S/T fractures use B, C for initial and E-R for subsequent). */
export function episodeOf(char: string): Episode {
  if (char === 'A' || char === 'B' || char === 'C') return 'initial';
  if (char === 'S') return 'sequela';
  return 'subsequent';
}

function seventh(d: DxItem): string | undefined {
  return d.code.length === 7 && d.facts?.sevenths.length ? d.code[6] : undefined;
}

export function injurySeventhEdit(p: PreparedEncounter, out: Finding[]): void {
  const injuries = p.dx.filter(
    (d) => (d.code[0] === 'S' || (d.code[0] === 'T' && d.code < 'T89')) && seventh(d),
  );
  if (!injuries.length) return;
  const episodes = new Set(injuries.map((d) => episodeOf(seventh(d)!)));
  for (const d of p.dx) {
    if (!(d.code >= 'V00' && d.code < 'Y39')) continue;
    const char = seventh(d);
    if (!char || episodes.has(episodeOf(char))) continue;
    const want = [...episodes][0]!;
    const other = injuries[0]!;
    const fixed = d.code.slice(0, 6) + EXTERNAL_CAUSE_CHAR[want];
    out.push({
      id: 'INJ_7TH_MISMATCH',
      severity: 'warning',
      codes: [d.code, other.code],
      fields: [d.field, other.field],
      message: `${show(d.code)} is coded as ${episodeOf(char)} encounter but the injury ${show(other.code)} as ${want}.`,
      fix: {
        message: `Give the external cause code the 7th character of the injury's episode of care.`,
        ...(p.cm?.get(fixed)?.billable ? { codes: [fixed] } : {}),
      },
      source: guidelineSource('I.C.20.a.2', p.cm),
    });
  }
}
