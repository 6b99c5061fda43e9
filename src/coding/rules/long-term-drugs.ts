/**
 * Long-term (current) drug therapy, Z79 (Guidelines I.C.21.c.3): a drug named in the note after a word of
 * current use ("on insulin", "taking warfarin") adds its Z79 code. The drug → Z79 pairs follow the Z79
 * subcategory titles of the tabular.
 */
import { tokenIds } from '../text/note-tokens.ts';
import type { NoteTokens } from '../text/note-tokens.ts';
import { internWord } from '../text/token-vocabulary.ts';
import type { CandidateMention } from '../learned/candidate-features.ts';
import type { MentionAssertion } from '../assertion/assertion-flags.ts';
import { workingCode } from './working-code.ts';
import type { WorkingCode } from './working-code.ts';

const DRUGS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    insulin: 'Z794',
    warfarin: 'Z7901',
    anticoagulant: 'Z7901',
    apixaban: 'Z7901',
    rivaroxaban: 'Z7901',
    aspirin: 'Z7982',
    prednisone: 'Z7952',
    corticosteroid: 'Z7952',
    steroid: 'Z7952',
    metformin: 'Z7984',
    opioid: 'Z79891',
    tamoxifen: 'Z79810',
  }),
);

/** DRUGS by vocabulary id (an array indexed by id): the note's tokens are checked by id, not by string. */
const DRUG_BY_ID: (string | undefined)[] = [];
for (const [w, code] of DRUGS) {
  const id = internWord(w);
  while (DRUG_BY_ID.length <= id) DRUG_BY_ID.push(undefined);
  DRUG_BY_ID[id] = code;
}

const CURRENT_USE = new Set([
  'on',
  'taking',
  'take',
  'take',
  'receiving',
  'chronic',
  'long',
  'daily',
  'current',
]);

/** Z79 codes for drugs in current use; `exists` checks the code is in the release. */
export function longTermDrugCodes(
  tokens: NoteTokens,
  assertion: MentionAssertion,
  exists: (code: string) => boolean,
): WorkingCode[] {
  const found = new Map<string, CandidateMention[]>();
  const ids = tokenIds(tokens);
  ids.forEach((id, i) => {
    const code = id < 0 || id >= DRUG_BY_ID.length ? undefined : DRUG_BY_ID[id];
    if (!code || !exists(code)) return;
    const before = tokens.norm.slice(Math.max(0, i - 3), i);
    if (!before.some((w) => CURRENT_USE.has(w))) return;
    const flags = assertion(i, i);
    if (flags.negated || flags.hypothetical) return;
    found.set(code, [...(found.get(code) ?? []), { first: i, last: i, flags }]);
  });
  return [...found].map(([code, mentions]) =>
    workingCode(
      'icd10cm',
      code,
      0.7,
      mentions,
      `drug in current use: ${tokens.norm[mentions[0]!.first]!}`,
      'I.C.21.c.3 long-term (current) drug therapy',
    ),
  );
}
