/**
 * The engine's dictionary: phrases that name a code, gathered once per code set from code titles (without
 * "unspecified", "NOS" and parenthesised parts), tabular inclusion terms, and the index's terms and
 * cross-references (index-phrases.ts), with nonessential modifiers optional; a phrase naming a body site by
 * its noun is also entered with the site's adjective (site-adjectives.ts). Each phrase keeps where it came
 * from, reported as the code's source.
 */
import type { CodeSet } from '../../terminology/code-set.ts';
import { ABBREVIATION_TABLE, isAmbiguousAbbreviation } from '../../nlp/abbreviations.ts';
import { phraseTokens } from '../text/note-tokens.ts';
import { addIndexPhrases, titlePhrase } from './index-phrases.ts';
import { qualifierVariants, siteAdjectiveVariants } from './site-adjectives.ts';
import { BagMatcher } from './bag-matcher.ts';
import { PhraseTrie } from './phrase-trie.ts';
import { buildTableMatcher } from './table-matcher.ts';
import { buildLongTermDrugs } from './long-term-drugs.ts';
import type { LongTermDrugMatcher } from './long-term-drugs.ts';
import type { TableMatcher } from './table-matcher.ts';

/** Where a phrase naming a code comes from; `number`: a value the note states (matcher/numeric-codes.ts). */
export type DictionarySource =
  'title' | 'inclusion' | 'index' | 'neoplasm' | 'drug' | 'abbreviation' | 'number';

export interface DictionaryEntry {
  readonly code: string;
  readonly source: DictionarySource;
  /** The phrase as written in its source ("Index: Pneumonia > lobar"). */
  readonly path: string;
}

export interface CodeDictionary {
  readonly trie: PhraseTrie;
  /** The same phrases (two content words or more) matched loosely: any order, words apart. */
  readonly bags: BagMatcher;
  readonly entries: readonly DictionaryEntry[];
  /** Neoplasm and drug table rows (see table-matcher.ts). */
  readonly tables: TableMatcher;
  /** Drugs whose current use has a Z79 code (long-term-drugs.ts). */
  readonly longTermDrugs: LongTermDrugMatcher;
}

class DictionaryBuilder {
  readonly trie = new PhraseTrie();
  readonly bags = new BagMatcher();
  readonly entries: DictionaryEntry[] = [];

  add(tokens: readonly string[], entry: DictionaryEntry): void {
    if (tokens.length === 0) return;
    // "Situs inversus or transversus": each alternative, and the phrase as written.
    for (const alternative of orAlternatives(tokens)) this.addPhrase(alternative, entry);
    this.addPhrase(tokens, entry);
  }

  private addPhrase(tokens: readonly string[], entry: DictionaryEntry): void {
    // Single short tokens ("ear", "leg") are too ambiguous to stand for a code on their own.
    if (tokens.length === 1 && tokens[0]!.length < 4 && entry.source !== 'abbreviation') return;
    this.entries.push(entry);
    const id = this.entries.length - 1;
    this.trie.add(tokens, id);
    if (entry.source === 'abbreviation') return;
    this.bags.add(tokens, id, entry.code);
    // "kidney calculus" is also written "renal calculus"; a site alone ("renal") names nothing.
    if (tokens.length === 1) return;
    for (const variant of [...siteAdjectiveVariants(tokens), ...qualifierVariants(tokens)]) {
      this.trie.add(variant, id);
      this.bags.add(variant, id, entry.code);
    }
  }
}

/** "a b or c" gives "a b" and "a c": one-word alternatives on either side of the first "or" inside a phrase. */
export function orAlternatives(tokens: readonly string[]): string[][] {
  const k = tokens.indexOf('or');
  if (k <= 0 || k >= tokens.length - 1) return [];
  return [
    [...tokens.slice(0, k), ...tokens.slice(k + 2)],
    [...tokens.slice(0, k - 1), ...tokens.slice(k + 1)],
  ];
}

/**
 * Clinical abbreviations with one sense (src/nlp's curated table) lead where their expansion leads:
 * "HTN" to the codes of "hypertension". Case-sensitive entries ("AS" vs "as") and abbreviations with
 * several senses are left out: the matcher sees lower-cased tokens without context.
 */
/**
 * The entries an abbreviation's expansion names: the expansion itself, else as a disease or an infection
 * ("human immunodeficiency virus" disease, "cytomegalovirus" infection), else without "virus" ("hepatitis C").
 */
function expansionEntries(b: DictionaryBuilder, expansion: string): number[] {
  const bare = expansion.replace(/\s+virus$/i, '');
  for (const form of [expansion, `${expansion} disease`, `${expansion} infection`, bare]) {
    const ids = b.trie.lookup(titlePhrase(form));
    if (ids && ids.length > 0) return [...ids];
  }
  return [];
}

function addAbbreviations(b: DictionaryBuilder): void {
  for (const a of ABBREVIATION_TABLE) {
    const abbr = phraseTokens(a.abbreviation);
    if (
      a.caseSensitive ||
      abbr.length !== 1 ||
      abbr[0]!.length < 2 ||
      isAmbiguousAbbreviation(a.abbreviation)
    ) {
      continue;
    }
    const ids = expansionEntries(b, a.expansion);
    for (const id of ids) {
      const target = b.entries[id]!;
      const path = `${a.abbreviation.toUpperCase()} = ${a.expansion} (${target.source}: ${target.path})`;
      b.add(abbr, { code: target.code, source: 'abbreviation', path });
    }
  }
}

/** Builds the dictionary of ICD-10-CM phrases from a code set (titles, inclusion terms, index). */
export function buildCodeDictionary(codeSet: CodeSet): CodeDictionary {
  const b = new DictionaryBuilder();
  for (const rec of codeSet.codes()) {
    const entry = { code: rec.code, source: 'title', path: rec.title } as const;
    b.add(titlePhrase(rec.title), entry);
    // "Chronic kidney disease, stage 3 (moderate)" is also written "stage 3 chronic kidney disease".
    const parts = rec.title.split(',');
    if (parts.length === 2) b.add(titlePhrase(`${parts[1]} ${parts[0]}`), entry);
  }
  for (const note of codeSet.allNotes()) {
    if (note.type !== 'inclusionTerm' || codeSet.get(note.owner) === undefined) continue;
    b.add(titlePhrase(note.text), { code: note.owner, source: 'inclusion', path: note.text });
  }
  addIndexPhrases((tokens, entry) => b.add(tokens, entry), codeSet.indexTerms('index'));
  // The external cause index the same way: "dog bite" W54.0, "traffic accident" V87.9 (I.C.20).
  addIndexPhrases((tokens, entry) => b.add(tokens, entry), codeSet.indexTerms('eindex'));
  addAbbreviations(b);
  b.bags.build();
  return {
    trie: b.trie,
    bags: b.bags,
    entries: b.entries,
    tables: buildTableMatcher(codeSet),
    longTermDrugs: buildLongTermDrugs(codeSet),
  };
}
