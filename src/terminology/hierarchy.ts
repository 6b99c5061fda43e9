/**
 * Hierarchy questions every engine asks: the ancestors of a code up to its chapter, the notes that apply to
 * it (its own and inherited), and its 7th-character options. Guidelines I.A.12-I.A.13 and I.B: instructional
 * notes at a chapter, block or category apply to every code beneath it; 7th-character definitions at a
 * category or subcategory apply to every code under it.
 */
import type { CodeSet } from './code-set.ts';
import type { CodeRecord, SeventhCharacter, TabularNote } from './model.ts';

/** Ancestors of a code in its version, nearest first (parent, grandparent, ... category). */
export function ancestorCodes(set: CodeSet, code: CodeRecord): CodeRecord[] {
  const out: CodeRecord[] = [];
  let parent = code.parent;
  while (parent !== undefined) {
    const p = set.get(parent);
    if (!p) break;
    out.push(p);
    parent = p.parent;
  }
  return out;
}

/** A note with where it comes from: the code or group it sits on, and whether it is inherited. */
export interface AppliedNote extends TabularNote {
  readonly ownerKind: 'code' | 'block' | 'chapter';
  readonly inherited: boolean;
  /** Year of the tabular layer the note was read from. */
  readonly fromYear: number | undefined;
}

// Applied notes are the same objects for every code under an owner; built once per code set and owner.
const appliedCache = new WeakMap<CodeSet, Map<string, readonly AppliedNote[]>>();

function appliedNotesOf(
  set: CodeSet,
  owner: string,
  ownerKind: AppliedNote['ownerKind'],
  inherited: boolean,
): readonly AppliedNote[] {
  let cache = appliedCache.get(set);
  if (!cache) appliedCache.set(set, (cache = new Map()));
  const key = `${inherited ? 'i' : 'o'}${owner}`;
  let hit = cache.get(key);
  if (!hit) {
    const fromYear = set.info.layers.tabular?.year;
    hit = set.notesOf(owner).map((n) => ({ ...n, ownerKind, inherited, fromYear }));
    cache.set(key, hit);
  }
  return hit;
}

/** Every note that applies to a code: its own first, then each ancestor's, then block and chapter. */
export function applicableNotes(
  set: CodeSet,
  code: CodeRecord,
  ancestors = ancestorCodes(set, code),
): AppliedNote[] {
  const out: AppliedNote[] = [
    ...set.notesOf(code.code).map((n) => ({
      ...n,
      ownerKind: 'code' as const,
      inherited: false,
      fromYear: set.info.layers.tabular?.year,
    })),
  ];
  for (const a of ancestors) out.push(...appliedNotesOf(set, a.code, 'code', true));
  for (const g of set.groupsFor(code.code)) out.push(...appliedNotesOf(set, g.id, g.kind, true));
  return out;
}

export interface SeventhCharacterOptions {
  /** The code whose 7th-character definitions apply (the nearest ancestor-or-self that has them). */
  readonly definedOn: string;
  readonly options: readonly SeventhCharacter[];
}

/** The 7th-character definitions that apply to a code, if any. */
export function seventhCharacterOptions(
  set: CodeSet,
  code: CodeRecord,
  ancestors = ancestorCodes(set, code),
): SeventhCharacterOptions | undefined {
  for (const c of [code, ...ancestors]) {
    const options = set.seventhsOf(c.code);
    if (options.length > 0) return { definedOn: c.code, options };
  }
  return undefined;
}
