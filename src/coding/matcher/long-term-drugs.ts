/**
 * Drugs whose current use has a Z79 code (Guidelines I.C.21.c.3, long-term (current) drug therapy), named as the
 * Table of Drugs and Chemicals names them: a substance row's adverse-effect cell gives its drug class (T45.51
 * anticoagulants: warfarin, acenocoumarol, Sintrom; T38.0 glucocorticoids: prednisone, dexamethasone), and the
 * class leads to the Z79 subcategory of the same drugs. Class words the table does not list as rows ("corticoid",
 * "antiplatelet", "anticoagulated") are a short list of their own.
 */
import type { CodeSet } from '../../terminology/code-set.ts';
import type { NoteTokens } from '../text/note-tokens.ts';
import type { DictionaryEntry } from './code-dictionary.ts';
import { titlePhrase } from './index-phrases.ts';
import { PhraseTrie } from './phrase-trie.ts';

/**
 * Adverse-effect category of the Table of Drugs (first five characters) → the Z79 code of its long-term use.
 * T38.3 (insulin and oral hypoglycemic drugs) is split by the row: insulins are Z79.4, the others Z79.84.
 */
const CLASS_TO_LONG_TERM: ReadonlyMap<string, string> = new Map([
  ['T4551', 'Z7901'], // anticoagulants
  ['T4552', 'Z7902'], // antithrombotic drugs (antiplatelets)
  ['T380X', 'Z7952'], // glucocorticoids: systemic steroids
  ['T383X', 'Z7984'], // oral hypoglycemic drugs (insulins: Z79.4)
  ['T3901', 'Z7982'], // aspirin
  ['T3931', 'Z791'], // propionic acid derivatives: NSAID
  ['T3939', 'Z791'], // other NSAID
  ['T402X', 'Z79891'], // other opioids: opiate analgesic
  ['T386X', 'Z79810'], // antiestrogens (tamoxifen): selective estrogen receptor modulators
]);

const INSULIN = /insulin|iletin/i;
/** Rows of a mapped class that are not drugs of its long-term use (glucagon raises the blood sugar). */
const NOT_LONG_TERM = new Set(['Glucagon', 'Insular tissue extract']);

/** Class words as notes write them, and drugs, that the table has no row for. */
const CLASS_WORDS: readonly (readonly [string, string])[] = [
  ['corticoid', 'Z7952'],
  ['corticosteroid therapy', 'Z7952'],
  ['anticoagulated', 'Z7901'],
  ['anticoagulation', 'Z7901'],
  ['anticoagulant', 'Z7901'],
  ['antiplatelet', 'Z7902'],
  ['antiaggregant', 'Z7902'],
  ['platelet antiaggregant', 'Z7902'],
  ['clopidogrel', 'Z7902'],
  // Direct oral anticoagulants and newer antiplatelets, which the Table of Drugs does not list.
  ['apixaban', 'Z7901'],
  ['rivaroxaban', 'Z7901'],
  ['dabigatran', 'Z7901'],
  ['edoxaban', 'Z7901'],
  ['ticagrelor', 'Z7902'],
  ['prasugrel', 'Z7902'],
  ['oral antidiabetic', 'Z7984'],
  ['oral hypoglycemic', 'Z7984'],
  ['insulin dependent', 'Z794'],
];

export interface LongTermDrugMatcher {
  readonly trie: PhraseTrie;
  readonly entries: readonly DictionaryEntry[];
}

/** A drug row's names: its title's first comma part, and single-word synonyms after it ("Dicoumarol, dicumarol"). */
function rowNames(title: string): string[][] {
  const [head, ...rest] = title.split(',');
  const names = [titlePhrase(head!)];
  for (const part of rest) {
    const p = titlePhrase(part);
    if (p.length === 1 && p[0]!.length >= 6) names.push(p);
  }
  return names.filter((p) => p.length > 0);
}

/**
 * The matcher of a code set: its Table of Drugs rows of the mapped classes (their codes checked against the
 * release) and the class words, built once per dictionary.
 */
export function buildLongTermDrugs(codeSet: CodeSet): LongTermDrugMatcher {
  const trie = new PhraseTrie();
  const entries: DictionaryEntry[] = [];
  const add = (phrase: readonly string[], entry: DictionaryEntry): void => {
    if (codeSet.get(entry.code) === undefined || phrase.length === 0) return;
    entries.push(entry);
    trie.add(phrase, entries.length - 1);
  };
  for (const t of codeSet.indexTerms('drug')) {
    const effect = t.level === 0 ? t.cells?.['Adverse effect'] : undefined;
    let code = effect ? CLASS_TO_LONG_TERM.get(effect.slice(0, 5)) : undefined;
    if (!code || NOT_LONG_TERM.has(t.title)) continue;
    if (code === 'Z7984' && INSULIN.test(t.title)) code = 'Z794';
    const path = `Table of Drugs: ${t.title} > Adverse effect ${effect} > long-term (current) use`;
    for (const name of rowNames(t.title)) add(name, { code, source: 'drug', path });
  }
  for (const [words, code] of CLASS_WORDS)
    add(words.split(' '), { code, source: 'drug', path: `long-term (current) use: ${words}` });
  return { trie, entries };
}

export interface LongTermDrugHit {
  readonly first: number;
  readonly last: number;
  readonly entry: DictionaryEntry;
}

/**
 * The last note's hits per matcher: candidate collection and the `us` profile's Z79 rule both ask. Only that one
 * note's tokens are held, until the next note.
 */
const LAST = new WeakMap<LongTermDrugMatcher, { tokens: NoteTokens; hits: readonly LongTermDrugHit[] }>();

/** The drugs of a note with a long-term-use code, each with its Z79 entry ("non-insulin dependent" names none). */
export function matchLongTermDrugs(m: LongTermDrugMatcher, tokens: NoteTokens): readonly LongTermDrugHit[] {
  const last = LAST.get(m);
  if (last?.tokens === tokens) return last.hits;
  const out: LongTermDrugHit[] = [];
  for (const hit of m.trie.matchAll(tokens)) {
    if (hit.first > 0 && tokens.norm[hit.first - 1] === 'non') continue;
    for (const id of hit.payloads) out.push({ first: hit.first, last: hit.last, entry: m.entries[id]! });
  }
  LAST.set(m, { tokens, hits: out });
  return out;
}
