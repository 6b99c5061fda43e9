/**
 * CodeSet over the SQLite store: each question is one prepared, indexed query, so opening is instant and a
 * lookup touches only the rows it needs. Bulk reads (all codes, an index) are cached after first use.
 */
import type Database from 'better-sqlite3';
import type { CodeSet, CodeSetInfo } from '../../terminology/code-set.ts';
import type { IndexEntry } from '../../terminology/index-path.ts';
import type {
  AddendaChange,
  CodeKind,
  CodeRecord,
  CodeRange,
  HcpcsDetail,
  IndexKind,
  IndexTerm,
  NoteType,
  PcsDefinition,
  PcsTable,
  SeventhCharacter,
  TabularGroup,
  TabularNote,
} from '../../terminology/model.ts';

interface CodeRow {
  code: string;
  kind: CodeKind;
  billable: number;
  title: string;
  short_title: string | null;
  parent: string | null;
  ord: number;
}

interface NoteRow {
  owner: string;
  seq: number;
  type: NoteType;
  text: string;
  ranges: string;
}

const CODE_COLUMNS = 'code, kind, billable, title, short_title, parent, ord';

function toCode(r: CodeRow): CodeRecord {
  return {
    code: r.code,
    kind: r.kind,
    billable: r.billable === 1,
    title: r.title,
    ...(r.short_title === null ? {} : { shortTitle: r.short_title }),
    ...(r.parent === null ? {} : { parent: r.parent }),
    order: r.ord,
  };
}

function toNote(r: NoteRow): TabularNote {
  return {
    owner: r.owner,
    type: r.type,
    text: r.text,
    ranges: JSON.parse(r.ranges) as CodeRange[],
    seq: r.seq,
  };
}

export class SqliteCodeSet implements CodeSet {
  readonly info: CodeSetInfo;
  readonly #db: Database.Database;
  readonly #v: string;
  readonly #tab: string | undefined;
  readonly #get: Database.Statement<[string, string], CodeRow>;
  readonly #children: Database.Statement<[string, string], CodeRow>;
  readonly #range: Database.Statement<[string, string, string, number], CodeRow>;
  readonly #sevenths: Database.Statement<[string], SeventhCharacter>;
  readonly #hcpcs: Database.Statement<[string, string], { body: string }>;
  readonly #pcsTable: Database.Statement<[string, string], { body: string }>;
  readonly #termsByCode: Database.Statement<[string, string, string, string], { path: string; code: string }>;
  readonly #groupsByCategory = new Map<string, readonly TabularGroup[]>();
  #groups: readonly TabularGroup[] | undefined;
  #codes: readonly CodeRecord[] | undefined;
  readonly #indexCache = new Map<IndexKind, readonly IndexTerm[]>();
  // Rows are immutable once a code set is open, so answers are memoized: chapter, block and category
  // notes are shared by thousands of codes and are read once.
  readonly #codeCache = new Map<string, CodeRecord | null>();
  readonly #notesCache = new Map<string, readonly TabularNote[]>();
  readonly #seventhsCache = new Map<string, readonly SeventhCharacter[]>();

  constructor(db: Database.Database, info: CodeSetInfo) {
    this.#db = db;
    this.info = info;
    this.#v = info.versionId;
    this.#tab = info.layers.tabular?.versionId;
    this.#get = db.prepare(`SELECT ${CODE_COLUMNS} FROM codes WHERE version = ? AND code = ?`);
    this.#children = db.prepare(
      `SELECT ${CODE_COLUMNS} FROM codes WHERE version = ? AND parent = ? ORDER BY ord`,
    );
    this.#range = db.prepare(
      `SELECT ${CODE_COLUMNS} FROM codes WHERE version = ? AND code > ? AND code < ? AND billable = 1 ORDER BY ord LIMIT ?`,
    );
    this.#sevenths = db.prepare(
      'SELECT owner, char, meaning FROM sevenths WHERE version = ? ORDER BY owner, char',
    );
    this.#hcpcs = db.prepare('SELECT body FROM hcpcs_details WHERE version = ? AND code = ?');
    this.#pcsTable = db.prepare('SELECT body FROM pcs_tables WHERE version = ? AND key = ?');
    this.#termsByCode = db.prepare(
      'SELECT path, code FROM index_terms INDEXED BY index_terms_code WHERE version = ? AND kind = ? AND code IN (?, ?) ORDER BY id',
    );
  }

  get(code: string): CodeRecord | undefined {
    let hit = this.#codeCache.get(code);
    if (hit === undefined) {
      const r = this.#get.get(this.#v, code);
      hit = r ? toCode(r) : null;
      this.#codeCache.set(code, hit);
    }
    return hit ?? undefined;
  }

  children(code: string): readonly CodeRecord[] {
    return this.#children.all(this.#v, code).map(toCode);
  }

  billableDescendants(code: string, limit = 1_000_000): readonly CodeRecord[] {
    // Descendants share the code as prefix; "~" sorts after every code character.
    return this.#range.all(this.#v, code, `${code}~`, limit).map(toCode);
  }

  codes(): Iterable<CodeRecord> {
    this.#codes ??= this.#db
      .prepare<[string], CodeRow>(`SELECT ${CODE_COLUMNS} FROM codes WHERE version = ? ORDER BY ord`)
      .all(this.#v)
      .map(toCode);
    return this.#codes;
  }

  groups(): readonly TabularGroup[] {
    if (this.#groups) return this.#groups;
    if (!this.#tab) return (this.#groups = []);
    type Row = {
      id: string;
      kind: 'chapter' | 'block';
      title: string;
      first: string;
      last: string;
      chapter: string | null;
      ord: number;
    };
    this.#groups = this.#db
      .prepare<[string], Row>(
        'SELECT id, kind, title, first, last, chapter, ord FROM tabular_groups WHERE version = ? ORDER BY ord',
      )
      .all(this.#tab)
      .map((r) => ({
        id: r.id,
        kind: r.kind,
        title: r.title,
        first: r.first,
        last: r.last,
        ...(r.chapter === null ? {} : { chapter: r.chapter }),
        order: r.ord,
      }));
    return this.#groups;
  }

  groupsFor(code: string): readonly TabularGroup[] {
    const category = code.slice(0, 3);
    let hit = this.#groupsByCategory.get(category);
    if (!hit) {
      hit = this.groups()
        .filter((g) => g.first <= category && category <= g.last)
        .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'block' ? -1 : 1));
      this.#groupsByCategory.set(category, hit);
    }
    return hit;
  }

  notesOf(owner: string): readonly TabularNote[] {
    // The whole tabular layer's notes (some 25,000) are read in one pass on first use: a lookup touches
    // notes of 4-7 owners, and one bulk read costs less than a few hundred single-owner queries.
    if (this.#notesCache.size === 0 && this.#tab) {
      for (const n of this.allNotes()) {
        const list = this.#notesCache.get(n.owner);
        if (list) (list as TabularNote[]).push(n);
        else this.#notesCache.set(n.owner, [n]);
      }
    }
    return this.#notesCache.get(owner) ?? [];
  }

  seventhsOf(owner: string): readonly SeventhCharacter[] {
    // Under 2,000 rows in a whole tabular: read once.
    if (this.#seventhsCache.size === 0 && this.#tab) {
      for (const r of this.#sevenths.all(this.#tab)) {
        const list = this.#seventhsCache.get(r.owner);
        if (list) (list as SeventhCharacter[]).push(r);
        else this.#seventhsCache.set(r.owner, [r]);
      }
    }
    return this.#seventhsCache.get(owner) ?? [];
  }

  allNotes(): Iterable<TabularNote> {
    if (!this.#tab) return [];
    return this.#db
      .prepare<[string], NoteRow>(
        'SELECT owner, seq, type, text, ranges FROM notes WHERE version = ? ORDER BY owner, seq',
      )
      .all(this.#tab)
      .map(toNote);
  }

  indexTerms(kind: IndexKind): readonly IndexTerm[] {
    const cached = this.#indexCache.get(kind);
    if (cached) return cached;
    const source = this.info.layers[kind === 'pcs-index' ? 'pcs-index' : kind];
    const terms = source
      ? this.#db
          .prepare<[string, string], { body: string }>(
            'SELECT body FROM index_terms WHERE version = ? AND kind = ? ORDER BY id',
          )
          .all(source.versionId, kind)
          .map((r) => JSON.parse(r.body) as IndexTerm)
      : [];
    this.#indexCache.set(kind, terms);
    return terms;
  }

  indexEntriesFor(code: string): readonly IndexEntry[] {
    const out: IndexEntry[] = [];
    // The external-cause index leads only to external-cause codes (V00-Y99).
    const kinds = /^[V-Y]\d/.test(code) ? (['index', 'eindex'] as const) : (['index', 'pcs-index'] as const);
    for (const kind of kinds) {
      const source = this.info.layers[kind];
      if (!source) continue;
      for (const r of this.#termsByCode.all(source.versionId, kind, code, `${code}-`)) {
        out.push({ kind, path: r.path.split(' > '), code: r.code });
      }
    }
    return out;
  }

  indexHeadings(kind: IndexKind): readonly string[] {
    const source = this.info.layers[kind];
    if (!source) return [];
    const r = this.#db
      .prepare<[string, string], { headings: string }>(
        'SELECT headings FROM index_headings WHERE version = ? AND kind = ?',
      )
      .get(source.versionId, kind);
    return r ? (JSON.parse(r.headings) as string[]) : [];
  }

  pcsTable(key: string): PcsTable | undefined {
    const source = this.info.layers['pcs-tables'];
    const r = source && this.#pcsTable.get(source.versionId, key);
    return r ? (JSON.parse(r.body) as PcsTable) : undefined;
  }

  pcsDefinitions(section: string): readonly PcsDefinition[] {
    const source = this.info.layers['pcs-definitions'];
    if (!source) return [];
    return this.#db
      .prepare<[string, string], { body: string }>(
        'SELECT body FROM pcs_definitions WHERE version = ? AND section = ? ORDER BY seq',
      )
      .all(source.versionId, section)
      .map((r) => JSON.parse(r.body) as PcsDefinition);
  }

  hcpcs(code: string): HcpcsDetail | undefined {
    const r = this.#hcpcs.get(this.#v, code);
    return r ? (JSON.parse(r.body) as HcpcsDetail) : undefined;
  }

  successorsOf(previous: string): readonly { readonly code: string; readonly year: number }[] {
    const source = this.info.layers.conversion;
    if (!source) return [];
    return this.#db
      .prepare<[string, string], { code: string; year: number }>(
        'SELECT current AS code, year FROM conversions WHERE version = ? AND previous = ? ORDER BY current',
      )
      .all(source.versionId, previous);
  }

  addenda(): readonly AddendaChange[] {
    if (!this.info.layers.addenda) return [];
    return this.#db
      .prepare<[string], { body: string }>('SELECT body FROM addenda WHERE version = ? ORDER BY seq')
      .all(this.#v)
      .map((r) => JSON.parse(r.body) as AddendaChange);
  }
}
