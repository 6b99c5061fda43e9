/**
 * Long-term (current) drug therapy, Z79 (Guidelines I.C.21.c.3): a drug named in the note after a word of
 * current use ("on insulin", "taking warfarin") adds its Z79 code. The drugs and their Z79 codes come from the
 * Table of Drugs (matcher/long-term-drugs.ts).
 */
import type { NoteTokens } from '../text/note-tokens.ts';
import { matchLongTermDrugs } from '../matcher/long-term-drugs.ts';
import type { LongTermDrugMatcher } from '../matcher/long-term-drugs.ts';
import type { CandidateMention } from '../learned/candidate-features.ts';
import type { MentionAssertion } from '../assertion/assertion-flags.ts';
import { workingCode } from './working-code.ts';
import type { WorkingCode } from './working-code.ts';

const CURRENT_USE = new Set(['on', 'taking', 'take', 'receiving', 'chronic', 'long', 'daily', 'current']);

/**
 * Z79 codes for drugs in current use: a drug of a class with a Z79 code (matcher/long-term-drugs.ts) after a
 * word of current use.
 */
export function longTermDrugCodes(
  drugs: LongTermDrugMatcher,
  tokens: NoteTokens,
  assertion: MentionAssertion,
): WorkingCode[] {
  const found = new Map<string, CandidateMention[]>();
  for (const hit of matchLongTermDrugs(drugs, tokens)) {
    const before = tokens.norm.slice(Math.max(0, hit.first - 3), hit.first);
    if (!before.some((w) => CURRENT_USE.has(w))) continue;
    const flags = assertion(hit.first, hit.last);
    if (flags.negated || flags.hypothetical) continue;
    const code = hit.entry.code;
    found.set(code, [...(found.get(code) ?? []), { first: hit.first, last: hit.last, flags }]);
  }
  return [...found].map(([code, mentions]) =>
    workingCode(
      'icd10cm',
      code,
      0.7,
      mentions,
      `drug in current use: ${tokens.norm.slice(mentions[0]!.first, mentions[0]!.last + 1).join(' ')}`,
      'I.C.21.c.3 long-term (current) drug therapy',
    ),
  );
}
