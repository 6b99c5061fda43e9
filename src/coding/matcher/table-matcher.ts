/**
 * The neoplasm and drug tables as matchers (Guidelines I.C.2 neoplasms via the Neoplasm Table; I.C.19.e
 * adverse effects and poisonings via the Table of Drugs and Chemicals). A table row (site or substance) named
 * in a sentence, together with a word that selects the column (carcinoma → Malignant Primary, metastasis →
 * Malignant Secondary, adenoma → Benign; toxicity → Adverse effect, overdose → Poisoning), yields the code
 * of that cell.
 */
import type { CodeSet } from '../../terminology/code-set.ts';
import type { IndexTerm } from '../../terminology/model.ts';
import { tokenIds } from '../text/note-tokens.ts';
import type { NoteTokens } from '../text/note-tokens.ts';
import { internWord } from '../text/token-vocabulary.ts';
import type { DictionaryEntry } from './code-dictionary.ts';
import { titlePhrase } from './index-phrases.ts';
import { PhraseTrie } from './phrase-trie.ts';

/** Column selected by trigger words (folded tokens), most specific first. */
const NEOPLASM_COLUMNS: readonly (readonly [string, readonly string[]])[] = [
  ['Malignant Secondary', ['metastasi', 'metastase', 'metastatic', 'secondary']],
  ['Ca in situ', ['situ']],
  [
    'Malignant Primary',
    ['carcinoma', 'adenocarcinoma', 'cancer', 'malignant', 'malignancy', 'sarcoma', 'neoplasia'],
  ],
  ['Benign', ['adenoma', 'benign', 'fibroma', 'lipoma', 'leiomyoma', 'papilloma']],
  ['Unspecified Behavior', ['tumor', 'tumour', 'neoplasm', 'mass']],
];

const DRUG_COLUMNS: readonly (readonly [string, readonly string[]])[] = [
  ['Poisoning Intentional self-harm', ['suicide', 'suicidal', 'self']],
  ['Poisoning Accidental (unintentional)', ['poisoning', 'overdose', 'intoxication', 'ingestion']],
  ['Adverse effect', ['toxicity', 'induced', 'adverse', 'reaction', 'secondary']],
];

export interface TableMatcher {
  readonly trie: PhraseTrie;
  readonly rows: readonly { readonly term: IndexTerm; readonly table: 'neoplasm' | 'drug' }[];
}

/** Site / substance phrases: level-1 rows of the neoplasm table (each comma-separated synonym), drug main terms. */
export function buildTableMatcher(codeSet: CodeSet): TableMatcher {
  const trie = new PhraseTrie();
  const rows: TableMatcher['rows'][number][] = [];
  const add = (term: IndexTerm, table: 'neoplasm' | 'drug', names: readonly string[]): void => {
    rows.push({ term, table });
    for (const n of names) {
      const p = titlePhrase(n);
      if (p.length > 0 && p.join('').length > 3) trie.add(p, rows.length - 1);
    }
  };
  for (const t of codeSet.indexTerms('neoplasm'))
    if (t.level === 1 && t.cells) add(t, 'neoplasm', t.title.split(','));
  for (const t of codeSet.indexTerms('drug')) if (t.level === 0 && t.cells) add(t, 'drug', [t.title]);
  return { trie, rows };
}

/** Bit of each column per trigger word id: neoplasm columns from bit 0, drug columns from bit 8. */
const DRUG_SHIFT = 8;
const TRIGGER_BITS = new Map<number, number>();
for (const [columns, shift] of [
  [NEOPLASM_COLUMNS, 0],
  [DRUG_COLUMNS, DRUG_SHIFT],
] as const) {
  columns.forEach(([, triggers], c) => {
    for (const t of triggers) {
      const id = internWord(t);
      TRIGGER_BITS.set(id, (TRIGGER_BITS.get(id) ?? 0) | (1 << (shift + c)));
    }
  });
}

/** The first column (most specific) whose trigger bit is set. */
function column(
  bits: number,
  columns: readonly (readonly [string, readonly string[]])[],
  shift: number,
): string | undefined {
  return columns.find((_, c) => (bits & (1 << (shift + c))) !== 0)?.[0];
}

export interface TableHit {
  readonly first: number;
  readonly last: number;
  readonly entry: DictionaryEntry;
}

/** Table hits of a note: row phrase + column trigger in the same sentence. */
export function matchTables(m: TableMatcher, tokens: NoteTokens): TableHit[] {
  const out: TableHit[] = [];
  const sentenceBits = new Map<number, number>();
  const ids = tokenIds(tokens);
  // The column triggers present in the sentence of token `at`.
  const bitsOf = (at: number): number => {
    const s = tokens.sentence[at]!;
    let bits = sentenceBits.get(s);
    if (bits === undefined) {
      let a = at;
      while (a > 0 && tokens.sentence[a - 1] === s) a--;
      bits = 0;
      for (let i = a; i < ids.length && tokens.sentence[i] === s; i++) bits |= TRIGGER_BITS.get(ids[i]!) ?? 0;
      sentenceBits.set(s, bits);
    }
    return bits;
  };
  for (const hit of m.trie.matchAll(tokens)) {
    for (const id of hit.payloads) {
      const row = m.rows[id]!;
      const col =
        row.table === 'neoplasm'
          ? column(bitsOf(hit.first), NEOPLASM_COLUMNS, 0)
          : column(bitsOf(hit.first), DRUG_COLUMNS, DRUG_SHIFT);
      const entry = col ? cellEntry(row, col) : undefined;
      if (entry) out.push({ first: hit.first, last: hit.last, entry });
    }
  }
  return out;
}

type Row = TableMatcher['rows'][number];

/** Dictionary entries per table cell, built on first use: the same rows recur across notes. */
const CELLS = new WeakMap<Row, Map<string, DictionaryEntry | null>>();

function cellEntry(row: Row, col: string): DictionaryEntry | undefined {
  let cells = CELLS.get(row);
  if (!cells) CELLS.set(row, (cells = new Map()));
  let entry = cells.get(col);
  if (entry === undefined) {
    const { term, table } = row;
    const code = term.cells?.[col]?.replace(/-$/, '');
    const path = `${table === 'neoplasm' ? 'Neoplasm Table' : 'Table of Drugs'}: ${term.title} > ${col}`;
    entry = code && /^[A-Z]\d/.test(code) ? { code, source: table, path } : null;
    cells.set(col, entry);
  }
  return entry ?? undefined;
}
