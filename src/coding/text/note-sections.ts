/**
 * Section headings of a note ("ASSESSMENT:", "Discharge diagnoses:"), found line by line, with the weight a
 * code found under them gets when sequencing: assessment and diagnoses above history and review of systems.
 * A small built-in rule set; the medspaCy section patterns of src/nlp can replace it.
 */

export interface NoteSection {
  readonly name: string;
  readonly start: number;
  readonly weight: number;
}

const HEADING = /(^|\n|,\s{1,3})\s*([A-Z][A-Za-z /&-]{2,40}?)\s*:/g;

const WEIGHTS: readonly (readonly [RegExp, string, number])[] = [
  [/diagnos[ie]s|assessment|impression/i, 'assessment', 1.0],
  [/plan/i, 'plan', 0.8],
  [/procedure|operation/i, 'procedure', 0.8],
  [/chief complaint|present illness|hpi|subjective|history of present/i, 'history-present-illness', 0.7],
  [/finding|result|exam|objective|lab/i, 'findings', 0.6],
  [/family history/i, 'family-history', 0.2],
  [/past (medical|surgical)? ?history|pmh|social history/i, 'past-history', 0.3],
  [/review of systems|ros/i, 'review-of-systems', 0.2],
  [/medication|allerg/i, 'medications', 0.3],
];

/** Sections in order of appearance; text before the first heading is section "narrative". */
export function findSections(text: string): NoteSection[] {
  const out: NoteSection[] = [{ name: 'narrative', start: 0, weight: 0.6 }];
  HEADING.lastIndex = 0;
  for (let m = HEADING.exec(text); m !== null; m = HEADING.exec(text)) {
    const heading = m[2]!;
    const rule = WEIGHTS.find(([re]) => re.test(heading));
    if (!rule) continue;
    out.push({ name: rule[1], start: m.index + m[0].length, weight: rule[2] });
  }
  return out;
}

/** The section holding a character offset. */
export function sectionAt(sections: readonly NoteSection[], offset: number): NoteSection {
  let found = sections[0]!;
  for (const s of sections) {
    if (s.start > offset) break;
    found = s;
  }
  return found;
}
