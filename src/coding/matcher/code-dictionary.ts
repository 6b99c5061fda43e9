/**
 * The engine's dictionary: phrases that name a code, gathered once per code set from code titles (without
 * "unspecified", "NOS" and parenthesised parts), tabular inclusion terms, and index main terms and
 * first-level subterms ("Pneumonia, lobar" gives "lobar pneumonia" and "pneumonia lobar"), with nonessential
 * modifiers optional. Each phrase keeps where it came from, reported as the code's source.
 */
import type { CodeSet } from '../../terminology/code-set.ts';
import type { IndexTerm } from '../../terminology/model.ts';
import { ABBREVIATION_TABLE, isAmbiguousAbbreviation } from '../../nlp/abbreviations.ts';
import { isStopword, phraseTokens } from '../text/note-tokens.ts';
import { BagMatcher } from './bag-matcher.ts';
import { PhraseTrie } from './phrase-trie.ts';
import { buildTableMatcher } from './table-matcher.ts';
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
}

const MAX_PHRASE = 6;
// "Other" stays: "Other hypertension" (I1A) must not be reached by "hypertension" alone.
const DROP = /\b(unspecified|not otherwise specified|nos|in diseases classified elsewhere)\b/gi;

/** The content tokens of a title or term: qualifiers and parentheses removed; [] when nothing is left. */
export function titlePhrase(title: string): string[] {
  const core = title
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(DROP, ' ');
  const tokens = phraseTokens(core);
  while (tokens.length > 0 && isStopword(tokens[tokens.length - 1]!)) tokens.pop();
  while (tokens.length > 0 && isStopword(tokens[0]!)) tokens.shift();
  return tokens.length <= MAX_PHRASE && tokens.some((t) => t.length > 2) ? tokens : [];
}

class DictionaryBuilder {
  readonly trie = new PhraseTrie();
  readonly bags = new BagMatcher();
  readonly entries: DictionaryEntry[] = [];

  add(tokens: readonly string[], entry: DictionaryEntry): void {
    if (tokens.length === 0) return;
    // Single short tokens ("ear", "leg") are too ambiguous to stand for a code on their own.
    if (tokens.length === 1 && tokens[0]!.length < 4 && entry.source !== 'abbreviation') return;
    this.entries.push(entry);
    this.trie.add(tokens, this.entries.length - 1);
    if (entry.source !== 'abbreviation') this.bags.add(tokens, this.entries.length - 1, entry.code);
  }
}

function addIndex(b: DictionaryBuilder, terms: readonly IndexTerm[]): void {
  const byId = new Map(terms.map((t) => [t.id, t]));
  for (const raw of terms) {
    // A trailing "-" in the index means "more characters needed"; specificity rules complete the code.
    const term = raw.code?.endsWith('-') ? { ...raw, code: raw.code.slice(0, -1) } : raw;
    if (!term.code || term.level > 2) continue;
    const own = titlePhrase(term.title);
    const withNemod = term.nemod?.map((m) => titlePhrase(`${m} ${term.title}`)) ?? [];
    if (term.level === 0) {
      // "Hypertension, hypertensive": the head form and its variants (same stem) lead too, but not the
      // listed alternatives ("Klippel-Feil deficiency, disease, or syndrome" must not give "disease").
      const parts = term.title.split(',').map((p) => p.trim());
      const stem = parts[0]!.slice(0, 5).toLowerCase();
      const forms =
        parts.length > 1
          ? parts.filter((p, i) => i === 0 || p.toLowerCase().startsWith(stem)).map(titlePhrase)
          : [];
      for (const p of [own, ...withNemod, ...forms])
        b.add(p, { code: term.code, source: 'index', path: term.title });
      continue;
    }
    const up = term.parent === undefined ? undefined : byId.get(term.parent);
    if (term.level === 2) {
      const main = up?.parent === undefined ? undefined : byId.get(up.parent);
      if (up && main) addSecondLevel(b, main, up, term);
      continue;
    }
    const main = up;
    if (!main) continue;
    const path = `${main.title} > ${term.title}`;
    // "Fracture, traumatic > wrist": the main term's head word alone also leads ("wrist fracture").
    for (const mainTokens of new Set([titlePhrase(main.title), titlePhrase(main.title.split(',')[0]!)])) {
      if (own.length === 0 || mainTokens.length === 0 || own.length + mainTokens.length > MAX_PHRASE)
        continue;
      b.add([...own, ...mainTokens], { code: term.code, source: 'index', path });
      b.add([...mainTokens, ...own], { code: term.code, source: 'index', path });
    }
  }
}

/**
 * "Fracture, traumatic > tibia > upper end": the subterms before and after the main term's head word ("upper
 * end tibia fracture", "fracture tibia upper end"), within the phrase length limit.
 */
function addSecondLevel(b: DictionaryBuilder, main: IndexTerm, sub: IndexTerm, term: IndexTerm): void {
  const head = titlePhrase(main.title.split(',')[0]!);
  const mid = titlePhrase(sub.title);
  const own = titlePhrase(term.title);
  if (head.length === 0 || mid.length === 0 || own.length === 0) return;
  if (head.length + mid.length + own.length > MAX_PHRASE) return;
  const entry = {
    code: term.code!,
    source: 'index',
    path: `${main.title} > ${sub.title} > ${term.title}`,
  } as const;
  b.add([...own, ...mid, ...head], entry);
  b.add([...head, ...mid, ...own], entry);
}

/**
 * Clinical abbreviations with one sense (src/nlp's curated table) lead where their expansion leads:
 * "HTN" to the codes of "hypertension". Case-sensitive entries ("AS" vs "as") and abbreviations with
 * several senses are left out: the matcher sees lower-cased tokens without context.
 */
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
    const ids = b.trie.lookup(titlePhrase(a.expansion)) ?? [];
    for (const id of [...ids]) {
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
  addIndex(b, codeSet.indexTerms('index'));
  addAbbreviations(b);
  b.bags.build();
  return { trie: b.trie, bags: b.bags, entries: b.entries, tables: buildTableMatcher(codeSet) };
}
