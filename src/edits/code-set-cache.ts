/**
 * Memoized lookups on a CodeSet, built lazily once per code set and shared by every check: a store's
 * code set answers each call with a query (and PCS tables and HCPCS details with a JSON parse), while a
 * batch of encounters asks for the same codes, notes and tables again and again.
 */
import type { CodeSet } from '../terminology/code-set.ts';
import type {
  CodeRecord,
  HcpcsDetail,
  PcsTable,
  SeventhCharacter,
  TabularGroup,
  TabularNote,
} from '../terminology/model.ts';

function memo<T>(map: Map<string, T | null>, key: string, compute: () => T | undefined): T | undefined {
  const hit = map.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const value = compute();
  map.set(key, value ?? null);
  return value;
}

export class CodeSetCache {
  readonly set: CodeSet;
  readonly #codes = new Map<string, CodeRecord | null>();
  readonly #notes = new Map<string, readonly TabularNote[] | null>();
  readonly #sevenths = new Map<string, readonly SeventhCharacter[] | null>();
  readonly #groups = new Map<string, readonly TabularGroup[] | null>();
  readonly #pcsTables = new Map<string, PcsTable | null>();
  readonly #hcpcs = new Map<string, HcpcsDetail | null>();

  constructor(set: CodeSet) {
    this.set = set;
  }

  get(code: string): CodeRecord | undefined {
    return memo(this.#codes, code, () => this.set.get(code));
  }

  notesOf(owner: string): readonly TabularNote[] {
    return memo(this.#notes, owner, () => this.set.notesOf(owner)) ?? [];
  }

  seventhsOf(owner: string): readonly SeventhCharacter[] {
    return memo(this.#sevenths, owner, () => this.set.seventhsOf(owner)) ?? [];
  }

  /** Block and chapter of a code, by its category. */
  groupsFor(code: string): readonly TabularGroup[] {
    const category = code.slice(0, 3);
    return memo(this.#groups, category, () => this.set.groupsFor(category)) ?? [];
  }

  pcsTable(key: string): PcsTable | undefined {
    return memo(this.#pcsTables, key, () => this.set.pcsTable(key));
  }

  hcpcs(code: string): HcpcsDetail | undefined {
    return memo(this.#hcpcs, code, () => this.set.hcpcs(code));
  }
}

const CACHES = new WeakMap<CodeSet, CodeSetCache>();

/** The shared cache of a code set. */
export function cacheOf(set: CodeSet): CodeSetCache {
  let c = CACHES.get(set);
  if (!c) {
    c = new CodeSetCache(set);
    CACHES.set(set, c);
  }
  return c;
}
