/**
 * The neoplasm and drug tables as matchers (Guidelines I.C.2 neoplasms via the Neoplasm Table; I.C.19.e
 * adverse effects and poisonings via the Table of Drugs and Chemicals). A table row (site or substance) named
 * in a sentence, together with a word that selects the column (carcinoma → Malignant Primary, metastasis →
 * Malignant Secondary, adenoma → Benign; toxicity → Adverse effect, overdose → Poisoning), yields the code
 * of that cell.
 */
import type { CodeSet } from '../../terminology/code-set.ts';
import type { IndexTerm } from '../../terminology/model.ts';
import { foldToken, tokenIds } from '../text/note-tokens.ts';
import type { NoteTokens } from '../text/note-tokens.ts';
import { internWord, vocabularySize } from '../text/token-vocabulary.ts';
import type { DictionaryEntry } from './code-dictionary.ts';
import { MAX_PHRASE, bareTitle, commaParts, subtermForms, titlePhrase } from './index-phrases.ts';
import { qualifierVariants, siteAdjectiveVariants } from './site-adjectives.ts';
import { PhraseTrie } from './phrase-trie.ts';

/** Column selected by trigger words, most specific first. */
const NEOPLASM_COLUMNS: readonly (readonly [string, readonly string[]])[] = [
  ['Malignant Secondary', ['metastasis', 'metastases', 'metastatic', 'secondary']],
  ['Ca in situ', ['situ']],
  ['Malignant Primary', ['carcinoma', 'adenocarcinoma', 'cancer', 'malignant', 'malignancy', 'sarcoma']],
  [
    'Benign',
    [
      'adenoma',
      'benign',
      'fibroma',
      'lipoma',
      'leiomyoma',
      'papilloma',
      'schwannoma',
      'neurofibroma',
      'chondroma',
      'osteoma',
      'angiomyolipoma',
      'cystadenoma',
      'fibroadenoma',
    ],
  ],
  // "neoplasia" as "neoplasm": no behavior stated (CodiEsp train gold: "neoplasia vesical" D49.4, 24 times
  // unspecified behavior against 5 malignant).
  ['Unspecified Behavior', ['tumor', 'tumour', 'neoplasm', 'neoplasia', 'mass']],
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

/**
 * Site / substance phrases: rows of the neoplasm table (each comma-separated synonym; a second-level row
 * before and after its site: "middle lobe lung", "lung middle lobe"; a third-level row before and after its
 * site and second level: "mediastinal lymph gland"; sites also by their adjective: "renal"),
 * drug main terms.
 */
export function buildTableMatcher(codeSet: CodeSet): TableMatcher {
  const trie = new PhraseTrie();
  const rows: TableMatcher['rows'][number][] = [];
  const add = (term: IndexTerm, table: 'neoplasm' | 'drug', phrases: readonly string[][]): void => {
    rows.push({ term, table });
    for (const p of phrases) {
      if (p.length === 0 || p.join('').length <= 3) continue;
      trie.add(p, rows.length - 1);
      if (table !== 'neoplasm') continue;
      for (const v of [...siteAdjectiveVariants(p), ...qualifierVariants(p)]) trie.add(v, rows.length - 1);
    }
  };
  const sites = new Map<number, string[][]>();
  const seconds = new Map<number, string[][]>();
  const neoplasmTerms = codeSet.indexTerms('neoplasm');
  const seeAlsoRow = seeAlsoRows(neoplasmTerms);
  for (const t of neoplasmTerms) {
    if (t.level === 1) {
      const names = rowNames(t.title);
      sites.set(t.id, names);
      if (t.cells) add(seeAlsoRow(t), 'neoplasm', names);
    } else if (t.level === 2 && t.parent !== undefined) {
      const own = titlePhrase(t.title, true);
      const named = (sites.get(t.parent) ?? []).filter((site) => site.length > 0 && own.length > 0);
      // The third level names its row after the site and the second level: "mediastinal lymph gland".
      seconds.set(
        t.id,
        named.map((site) => [...site, ...own]),
      );
      const phrases = named
        .filter((site) => site.length + own.length <= MAX_PHRASE)
        .flatMap((site) => [
          [...own, ...site],
          [...site, ...own],
        ]);
      if (t.cells) add(t, 'neoplasm', phrases);
    } else if (t.level === 3 && t.cells && t.parent !== undefined) {
      const ups = seconds.get(t.parent) ?? [];
      const phrases = subtermForms(t.title).flatMap((own) =>
        ups
          .filter((up) => up.length + own.length <= MAX_PHRASE)
          .flatMap((up) => [
            [...own, ...up],
            [...up, ...own],
          ]),
      );
      add(t, 'neoplasm', phrases);
    }
  }
  for (const t of codeSet.indexTerms('drug'))
    if (t.level === 0 && t.cells) add(t, 'drug', [titlePhrase(t.title)]);
  return { trie, rows };
}

/** A row title's first comma part as a "see also" names it (index-phrases.ts's bareTitle). */
function rowKey(title: string): string {
  return bareTitle(title.split(',')[0]!);
}

/**
 * A row whose cells say "-" and "see also" another ("colon - see also Neoplasm, intestine, large": only its
 * malignant columns are given) takes those columns from the row it names, as a coder reading the table does:
 * "colon tumor" is D49.0 (intestine, large, unspecified behavior).
 */
function seeAlsoRows(terms: readonly IndexTerm[]): (t: IndexTerm) => IndexTerm {
  const firstLevel = new Map<string, IndexTerm>();
  const secondLevel = new Map<string, IndexTerm>();
  const byId = new Map(terms.map((t) => [t.id, t]));
  for (const t of terms) {
    if (t.level === 1 && !firstLevel.has(rowKey(t.title))) firstLevel.set(rowKey(t.title), t);
    const parent = t.parent === undefined ? undefined : byId.get(t.parent);
    if (t.level === 2 && parent) secondLevel.set(`${rowKey(parent.title)}, ${rowKey(t.title)}`, t);
  }
  return (t) => {
    const dashes = Object.keys(t.cells ?? {}).filter((col) => t.cells![col] === '-');
    if (dashes.length === 0 || !t.seeAlso?.startsWith('Neoplasm, ')) return t;
    const path = t.seeAlso.slice('Neoplasm, '.length).split(',').map(rowKey);
    if (path.length > 2) return t;
    const target = path.length === 1 ? firstLevel.get(path[0]!) : secondLevel.get(path.join(', '));
    if (!target?.cells) return t;
    const cells = { ...t.cells };
    for (const col of dashes) if (target.cells[col]) cells[col] = target.cells[col];
    return { ...t, cells };
  };
}

/**
 * A neoplasm row's names: "abdomen, abdominal" lists forms of one word (each a name); "lingula, lung" is
 * inverted ("lingula of lung": "lung lingula" and "lingula lung", never "lung" alone).
 */
function rowNames(title: string): string[][] {
  const { first, forms, rest } = commaParts(title);
  if (rest === undefined) return forms.map((p) => titlePhrase(p));
  return [
    ...forms.map((p) => titlePhrase(p)),
    titlePhrase(`${rest} ${first}`),
    titlePhrase(`${first} ${rest}`),
  ];
}

/** Bit of each column per listed trigger word id: neoplasm columns from bit 0, drug columns from bit 8. */
const DRUG_SHIFT = 8;
const TRIGGER_BITS = new Map<number, number>();
for (const [columns, shift] of [
  [NEOPLASM_COLUMNS, 0],
  [DRUG_COLUMNS, DRUG_SHIFT],
] as const) {
  columns.forEach(([, triggers], c) => {
    for (const t of triggers) {
      // Folded as note tokens are ("metastases" → "metastase"; "metastasis" stays).
      const id = internWord(foldToken(t));
      TRIGGER_BITS.set(id, (TRIGGER_BITS.get(id) ?? 0) | (1 << (shift + c)));
    }
  });
}

/** Malignant Primary for any "-carcinoma" / "-sarcoma" / "-blastoma" word ("liposarcoma", "nephroblastoma"). */
const MALIGNANT_SUFFIX = /(carcinoma|sarcoma|blastoma)$/;
const MALIGNANT_BIT = 1 << NEOPLASM_COLUMNS.findIndex(([name]) => name === 'Malignant Primary');

/** Per word id, 1 + its trigger bits (0: not read yet): every token of a note asks, so no hash lookup. */
let bitsById = new Int32Array(0);

/** A word's trigger bits: the listed words, else the malignant suffixes (cached by word id). */
function triggerBits(id: number, word: string): number {
  if (id < 0) return MALIGNANT_SUFFIX.test(word) ? MALIGNANT_BIT : 0;
  if (id >= bitsById.length) {
    const bigger = new Int32Array(Math.max(vocabularySize(), id + 1));
    bigger.set(bitsById);
    bitsById = bigger;
  }
  if (bitsById[id] === 0)
    bitsById[id] = 1 + (TRIGGER_BITS.get(id) ?? (MALIGNANT_SUFFIX.test(word) ? MALIGNANT_BIT : 0));
  return bitsById[id]! - 1;
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
      for (let i = a; i < ids.length && tokens.sentence[i] === s; i++)
        bits |= triggerBits(ids[i]!, tokens.norm[i]!);
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
