import type { CodeSet, CodeSetInfo } from './code-set.ts';
import { indexPath, type IndexEntry } from './index-path.ts';
import type {
  AddendaChange,
  ConversionEntry,
  CodeRecord,
  HcpcsDetail,
  IndexKind,
  IndexTerm,
  PcsDefinition,
  PcsTable,
  SeventhCharacter,
  TabularGroup,
  TabularNote,
} from './model.ts';

/** The parts a code set is made of, each already taken from the version that provides it. */
export interface CodeSetParts {
  readonly info: CodeSetInfo;
  readonly codes: readonly CodeRecord[];
  readonly groups?: readonly TabularGroup[];
  readonly notes?: readonly TabularNote[];
  readonly sevenths?: readonly SeventhCharacter[];
  readonly indexes?: Partial<Record<IndexKind, readonly IndexTerm[]>>;
  readonly indexHeadings?: Partial<Record<IndexKind, readonly string[]>>;
  readonly pcsTables?: readonly PcsTable[];
  readonly pcsDefinitions?: readonly PcsDefinition[];
  readonly hcpcs?: readonly HcpcsDetail[];
  readonly addenda?: readonly AddendaChange[];
  readonly conversions?: readonly ConversionEntry[];
}

const EMPTY: readonly never[] = [];

function groupBy<T>(items: readonly T[] | undefined, key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items ?? EMPTY) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

/** A code set held entirely in memory: built from parsed layers in tests, or from a store snapshot. */
export class MemoryCodeSet implements CodeSet {
  readonly info: CodeSetInfo;
  readonly #codes: readonly CodeRecord[];
  readonly #byCode: Map<string, CodeRecord>;
  readonly #children: Map<string, CodeRecord[]>;
  readonly #groups: readonly TabularGroup[];
  readonly #notes: Map<string, TabularNote[]>;
  readonly #allNotes: readonly TabularNote[];
  readonly #sevenths: Map<string, SeventhCharacter[]>;
  readonly #indexes: Partial<Record<IndexKind, readonly IndexTerm[]>>;
  readonly #headings: Partial<Record<IndexKind, readonly string[]>>;
  readonly #pcsTables: Map<string, PcsTable>;
  readonly #pcsDefinitions: Map<string, PcsDefinition[]>;
  readonly #hcpcs: Map<string, HcpcsDetail>;
  readonly #addenda: readonly AddendaChange[];
  readonly #successors = new Map<string, { code: string; year: number }[]>();

  constructor(parts: CodeSetParts) {
    this.info = parts.info;
    this.#codes = [...parts.codes].sort((a, b) => a.order - b.order);
    this.#byCode = new Map(this.#codes.map((c) => [c.code, c]));
    this.#children = groupBy(
      this.#codes.filter((c) => c.parent !== undefined),
      (c) => c.parent!,
    );
    this.#groups = [...(parts.groups ?? EMPTY)].sort((a, b) => a.order - b.order);
    this.#allNotes = parts.notes ?? EMPTY;
    this.#notes = groupBy(parts.notes, (n) => n.owner);
    for (const list of this.#notes.values()) list.sort((a, b) => a.seq - b.seq);
    this.#sevenths = groupBy(parts.sevenths, (s) => s.owner);
    this.#indexes = parts.indexes ?? {};
    this.#headings = parts.indexHeadings ?? {};
    this.#pcsTables = new Map((parts.pcsTables ?? EMPTY).map((t) => [t.key, t]));
    this.#pcsDefinitions = groupBy(parts.pcsDefinitions, (d) => d.section);
    this.#hcpcs = new Map((parts.hcpcs ?? EMPTY).map((h) => [h.code, h]));
    this.#addenda = parts.addenda ?? EMPTY;
    for (const e of parts.conversions ?? EMPTY) {
      for (const p of e.previous) {
        const list = this.#successors.get(p) ?? [];
        list.push({ code: e.current, year: e.year });
        this.#successors.set(p, list);
      }
    }
  }

  get(code: string): CodeRecord | undefined {
    return this.#byCode.get(code);
  }

  children(code: string): readonly CodeRecord[] {
    return this.#children.get(code) ?? EMPTY;
  }

  billableDescendants(code: string, limit = Infinity): readonly CodeRecord[] {
    const out: CodeRecord[] = [];
    const walk = (c: string): void => {
      for (const child of this.children(c)) {
        if (out.length >= limit) return;
        if (child.billable) out.push(child);
        walk(child.code);
      }
    };
    walk(code);
    return out;
  }

  codes(): Iterable<CodeRecord> {
    return this.#codes;
  }

  groupsFor(code: string): readonly TabularGroup[] {
    const category = code.slice(0, 3);
    const hits = this.#groups.filter((g) => g.first <= category && category <= g.last);
    return hits.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'block' ? -1 : 1));
  }

  groups(): readonly TabularGroup[] {
    return this.#groups;
  }

  notesOf(owner: string): readonly TabularNote[] {
    return this.#notes.get(owner) ?? EMPTY;
  }

  seventhsOf(owner: string): readonly SeventhCharacter[] {
    return this.#sevenths.get(owner) ?? EMPTY;
  }

  allNotes(): Iterable<TabularNote> {
    return this.#allNotes;
  }

  indexTerms(kind: IndexKind): readonly IndexTerm[] {
    return this.#indexes[kind] ?? EMPTY;
  }

  #entries: Map<string, IndexEntry[]> | undefined;

  indexEntriesFor(code: string): readonly IndexEntry[] {
    if (!this.#entries) {
      this.#entries = new Map();
      for (const kind of ['index', 'eindex', 'pcs-index'] as const) {
        const terms = this.indexTerms(kind);
        const byId = new Map(terms.map((t) => [t.id, t]));
        for (const t of terms) {
          if (!t.code) continue;
          const key = t.code.replace(/-$/, '');
          const list = this.#entries.get(key) ?? [];
          list.push({ kind, path: indexPath(t, (id) => byId.get(id)), code: t.code });
          this.#entries.set(key, list);
        }
      }
    }
    return this.#entries.get(code) ?? EMPTY;
  }

  indexHeadings(kind: IndexKind): readonly string[] {
    return this.#headings[kind] ?? EMPTY;
  }

  pcsTable(key: string): PcsTable | undefined {
    return this.#pcsTables.get(key);
  }

  pcsDefinitions(section: string): readonly PcsDefinition[] {
    return this.#pcsDefinitions.get(section) ?? EMPTY;
  }

  hcpcs(code: string): HcpcsDetail | undefined {
    return this.#hcpcs.get(code);
  }

  successorsOf(previous: string): readonly { readonly code: string; readonly year: number }[] {
    return this.#successors.get(previous) ?? EMPTY;
  }

  addenda(): readonly AddendaChange[] {
    return this.#addenda;
  }
}
