/**
 * What the diagnosis edits need to know of one ICD-10-CM code, computed once per code and code set and
 * kept (a WeakMap per CodeSet, a Map per code): its ancestors, the tabular notes that apply to it
 * (its own, its ancestors', its block's and chapter's, Guidelines I.A.12-I.A.13 conventions), whether it
 * is a manifestation, and its 7th-character definitions. This is what makes `check` fast.
 */
import type { CodeSet } from '../terminology/code-set.ts';
import { codeInRange } from '../terminology/note-ranges.ts';
import type { CodeSetCache } from './code-set-cache.ts';
import { cacheOf } from './code-set-cache.ts';
import type { CodeRange, CodeRecord, NoteType, SeventhCharacter, TabularNote } from '../terminology/model.ts';

/** The notes of one type on one owner, read as one instruction (a lead-in line and its list). */
export interface NoteGroup {
  readonly owner: string;
  readonly ownerKind: 'code' | 'block' | 'chapter';
  readonly type: NoteType;
  readonly notes: readonly TabularNote[];
  readonly ranges: readonly CodeRange[];
  readonly text: string;
}

/** One Excludes1 range with the note it comes from. */
export interface ExcludesRule {
  readonly range: CodeRange;
  readonly note: TabularNote;
}

export interface CodeFacts {
  readonly code: string;
  readonly record: CodeRecord | undefined;
  /** Existing codes that are prefixes of this code, nearest first (S72001A -> S72001, S7200, S720, S72). */
  readonly ancestors: readonly string[];
  readonly chapter: string | undefined;
  readonly block: string | undefined;
  readonly excludes1: readonly ExcludesRule[];
  /**
   * The same rules by each first letter their ranges span (index: char code - 65, A..Z), so most other
   * codes are passed over with one array read; empty when the code has no Excludes1 rule.
   */
  readonly excludes1ByLetter: readonly (readonly ExcludesRule[] | undefined)[];
  readonly codeFirst: readonly NoteGroup[];
  readonly useAdditional: readonly NoteGroup[];
  readonly codeAlso: readonly NoteGroup[];
  /** Title (its own or an ancestor's) says "in diseases classified elsewhere" (Guidelines I.A.13). */
  readonly manifestation: boolean;
  /** 7th-character definitions from the nearest owner that has them (Guidelines I.A.5). */
  readonly sevenths: readonly SeventhCharacter[];
  /** Titles of the code and its ancestors, nearest first. */
  readonly titles: readonly string[];
}

const MANIFESTATION = /in diseases classified elsewhere/i;

const letterCategory = (code: string): boolean => code.charCodeAt(2) >= 65;
const twoChars = (code: string): number => code.charCodeAt(0) * 128 + code.charCodeAt(1);

/**
 * Whether a code can be in a range at all, from its first two characters: a test without allocation
 * before codeInRange. Tabular order keeps the first letter always, and the first two characters unless a
 * letter category (M1A sorts after M08) is involved, when only the letter is compared.
 */
export function mayBeInRange(code: string, range: CodeRange): boolean {
  if (letterCategory(code) || letterCategory(range.first) || letterCategory(range.last)) {
    const c = code.charCodeAt(0);
    return c >= range.first.charCodeAt(0) && c <= range.last.charCodeAt(0);
  }
  const k = twoChars(code);
  return k >= twoChars(range.first) && k <= twoChars(range.last);
}

/** codeInRange behind the cheap mayBeInRange test. */
export function inNoteRange(code: string, range: CodeRange): boolean {
  return mayBeInRange(code, range) && codeInRange(code, range);
}

function groupNotes(
  notes: readonly TabularNote[],
  ownerKind: NoteGroup['ownerKind'],
  type: NoteType,
): NoteGroup | undefined {
  const mine = notes.filter((n) => n.type === type);
  const first = mine[0];
  if (!first) return undefined;
  return {
    owner: first.owner,
    ownerKind,
    type,
    notes: mine,
    ranges: mine.flatMap((n) => n.ranges),
    text: mine.map((n) => n.text).join('; '),
  };
}

function byLetter(rules: readonly ExcludesRule[]): (ExcludesRule[] | undefined)[] {
  const out: (ExcludesRule[] | undefined)[] = [];
  for (const rule of rules) {
    const from = Math.max(0, rule.range.first.charCodeAt(0) - 65);
    const to = Math.min(25, rule.range.last.charCodeAt(0) - 65);
    for (let i = from; i <= to; i++) (out[i] ??= []).push(rule);
  }
  return out;
}

/** Per-code-set cache of CodeFacts. */
export class DxFacts {
  readonly #set: CodeSetCache;
  readonly #cache = new Map<string, CodeFacts>();

  constructor(set: CodeSet) {
    this.#set = cacheOf(set);
  }

  get set(): CodeSet {
    return this.#set.set;
  }

  of(code: string): CodeFacts {
    let f = this.#cache.get(code);
    if (!f) {
      f = this.#compute(code);
      this.#cache.set(code, f);
    }
    return f;
  }

  #compute(code: string): CodeFacts {
    const set = this.#set;
    const record = set.get(code);
    const ancestors: string[] = [];
    for (let n = code.length - 1; n >= 3; n--) {
      const p = code.slice(0, n);
      if (set.get(p)) ancestors.push(p);
    }
    const groups = set.groupsFor(code);
    const block = groups.find((g) => g.kind === 'block')?.id;
    const chapter = groups.find((g) => g.kind === 'chapter')?.id;
    const owners: [string, NoteGroup['ownerKind']][] = [
      ...(record ? [code] : []).concat(ancestors).map((c): [string, 'code'] => [c, 'code']),
      ...(block ? [[block, 'block'] as [string, 'block']] : []),
      ...(chapter ? [[chapter, 'chapter'] as [string, 'chapter']] : []),
    ];
    const byType = (type: NoteType): NoteGroup[] =>
      owners.flatMap(([o, kind]) => groupNotes(set.notesOf(o), kind, type) ?? []);
    const excludes1 = owners.flatMap(([o]) =>
      set
        .notesOf(o)
        .filter((n) => n.type === 'excludes1')
        .flatMap((note) => note.ranges.map((range) => ({ range, note }))),
    );
    const chain = (record ? [code] : []).concat(ancestors);
    const titles = chain.map((c) => set.get(c)?.title ?? '');
    let sevenths: readonly SeventhCharacter[] = [];
    for (const c of chain) {
      const s = set.seventhsOf(c);
      if (s.length) {
        sevenths = s;
        break;
      }
    }
    return {
      code,
      record,
      ancestors,
      chapter,
      block,
      excludes1,
      excludes1ByLetter: byLetter(excludes1),
      codeFirst: byType('codeFirst'),
      useAdditional: byType('useAdditionalCode'),
      codeAlso: byType('codeAlso'),
      manifestation: titles.some((t) => MANIFESTATION.test(t)),
      sevenths,
      titles,
    };
  }
}

const FACTS = new WeakMap<CodeSet, DxFacts>();

/** The shared DxFacts cache of a code set. */
export function dxFacts(set: CodeSet): DxFacts {
  let f = FACTS.get(set);
  if (!f) {
    f = new DxFacts(set);
    FACTS.set(set, f);
  }
  return f;
}
