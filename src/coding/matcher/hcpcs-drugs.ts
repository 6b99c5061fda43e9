/**
 * HCPCS Level II drugs (J codes): the drug named in an "Injection, <drug>, <dose>" description, matched in a
 * sentence that documents its administration ("ceftriaxone 1 g IV was given"), proposes the J code. Several
 * J codes of one drug name (by dose, salt or route) are listed in the source for the coder; the first is proposed.
 */
import type { CodeSet } from '../../terminology/code-set.ts';
import type { MentionAssertion } from '../assertion/assertion-flags.ts';
import { workingCode } from '../rules/working-code.ts';
import type { WorkingCode } from '../rules/working-code.ts';
import { tokenIds } from '../text/note-tokens.ts';
import type { NoteTokens } from '../text/note-tokens.ts';
import { internWord } from '../text/token-vocabulary.ts';
import { titlePhrase } from './index-phrases.ts';
import { PhraseTrie } from './phrase-trie.ts';

export interface HcpcsDrugs {
  readonly trie: PhraseTrie;
  /** Per drug: its name and J codes in file order. */
  readonly drugs: readonly { readonly name: string; readonly codes: readonly string[] }[];
}

const INJECTION = /^Injection,\s*([^,]+),/i;
const SALTS = new Set([
  'sodium',
  'potassium',
  'calcium',
  'hydrochloride',
  'hcl',
  'phosphate',
  'sulfate',
  'acetate',
  'succinate',
  'citrate',
  'tartrate',
  'mesylate',
  'maleate',
  'bromide',
  'chloride',
]);

const ADMINISTERED = new Set([
  'administered',
  'given',
  'injection',
  'injected',
  'infusion',
  'infused',
  'intravenou',
  'intravenous',
  'iv',
  'im',
  'intramuscular',
  'subcutaneou',
  'subcutaneous',
  'received',
  'dose',
]);

/** Builds the drug matcher from an HCPCS code set (J codes with an "Injection, <drug>," description). */
export function buildHcpcsDrugs(codeSet: CodeSet): HcpcsDrugs {
  const byName = new Map<string, string[]>();
  for (const rec of codeSet.codes()) {
    const m = rec.code.startsWith('J') && rec.billable ? INJECTION.exec(rec.title) : null;
    if (!m) continue;
    const name = m[1]!.trim().toLowerCase();
    byName.set(name, [...(byName.get(name) ?? []), rec.code]);
  }
  const trie = new PhraseTrie();
  const drugs = [...byName].map(([name, codes]) => ({ name, codes }));
  drugs.forEach((d, i) => {
    const full = titlePhrase(d.name);
    trie.add(full, i);
    // Notes name the drug without its salt: "ceftriaxone" for "ceftriaxone sodium".
    const base = full.filter((w) => !SALTS.has(w));
    if (base.length > 0 && base.length < full.length) trie.add(base, i);
  });
  return { trie, drugs };
}

const ADMINISTERED_IDS: ReadonlySet<number> = new Set([...ADMINISTERED].map(internWord));

/** Whether the sentence of token `at` has a word that documents administration. */
function administered(tokens: NoteTokens, ids: Int32Array, at: number): boolean {
  const s = tokens.sentence[at];
  for (let i = at; i >= 0 && tokens.sentence[i] === s; i--) if (ADMINISTERED_IDS.has(ids[i]!)) return true;
  for (let i = at; i < ids.length && tokens.sentence[i] === s; i++)
    if (ADMINISTERED_IDS.has(ids[i]!)) return true;
  return false;
}

/** J codes for drugs documented as administered (affirmed mentions only). */
export function hcpcsDrugCodes(
  drugs: HcpcsDrugs,
  codeSet: CodeSet,
  tokens: NoteTokens,
  assertion: MentionAssertion,
): WorkingCode[] {
  const out = new Map<string, WorkingCode>();
  const ids = tokenIds(tokens);
  for (const m of drugs.trie.matchAll(tokens)) {
    const flags = assertion(m.first, m.last);
    if (flags.negated || flags.hypothetical || flags.family || flags.historical) continue;
    if (!administered(tokens, ids, m.first)) continue;
    // One code per mention: the first J code of the matched drug rows; the others go to the coder in the source.
    const codes = m.payloads.flatMap((id) => drugs.drugs[id]!.codes).sort();
    const code = codes[0]!;
    const mention = { first: m.first, last: m.last, flags };
    const prior = out.get(code);
    if (prior) {
      out.set(
        code,
        workingCode(
          prior.system,
          prior.code,
          prior.confidence,
          [...prior.mentions, mention],
          prior.source,
          prior.guideline,
        ),
      );
      continue;
    }
    const also = codes.length > 1 ? ` (also ${codes.slice(1).join(', ')})` : '';
    out.set(
      code,
      workingCode(
        'hcpcs',
        code,
        0.6,
        [mention],
        `HCPCS drug: ${codeSet.get(code)?.title ?? code}${also}`,
        'HCPCS Level II J code: drug administered; units from the dose in the description',
      ),
    );
  }
  return [...out.values()];
}
