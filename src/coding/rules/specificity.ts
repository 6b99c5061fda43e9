/**
 * Making a code billable: the 7th character where the category defines one (Guidelines I.A.5 and I.C.19.a:
 * A initial, D subsequent, S sequela from the note's wording; a fracture not stated open is closed,
 * I.C.19.c.1), with placeholder X (I.A.4) to reach six characters, and the "unspecified" child when the note
 * is silent on a header's axis (I.A.9.b). The `codiesp` profile stops at 7th-character completion because
 * that gold keeps codes above the leaf.
 */
import type { CodeSet } from '../../terminology/code-set.ts';
import type { SeventhCharacter } from '../../terminology/model.ts';
import type { WorkingCode } from './working-code.ts';

/** 7th-character definitions that apply to a code: on itself or its nearest ancestor that has them. */
export function seventhsFor(codeSet: CodeSet, code: string): readonly SeventhCharacter[] {
  for (let c = code; c.length >= 3; c = c.slice(0, -1)) {
    const own = codeSet.seventhsOf(c);
    if (own.length > 0) return own;
  }
  return [];
}

/** The 7th character the wording supports, among those defined. */
export function chooseSeventh(defs: readonly SeventhCharacter[], noteWords: ReadonlySet<string>): string {
  const has = (c: string): boolean => defs.some((d) => d.char === c);
  if (noteWords.has('sequela') && has('S')) return 'S';
  if ((noteWords.has('subsequent') || noteWords.has('follow')) && has('D')) return 'D';
  if (noteWords.has('open') && has('B')) return 'B';
  return has('A') ? 'A' : defs[0]!.char;
}

function withSeventh(codeSet: CodeSet, code: string, noteWords: ReadonlySet<string>): string | undefined {
  if (code.length >= 7) return undefined;
  const defs = seventhsFor(codeSet, code);
  if (defs.length === 0) return undefined;
  const full = code.padEnd(6, 'X') + chooseSeventh(defs, noteWords);
  return codeSet.get(full)?.billable ? full : undefined;
}

function unspecifiedChild(codeSet: CodeSet, code: string): string | undefined {
  const leaves = codeSet.billableDescendants(code, 50);
  if (leaves.length === 0) return undefined;
  const unspecified = leaves.find((l) => /unspecified/i.test(l.title) && l.code.length === code.length + 1);
  return (unspecified ?? leaves.find((l) => /unspecified/i.test(l.title)) ?? leaves[0])!.code;
}

/** Completes one code per the profile; returns the item unchanged when nothing applies. */
export function completeCode(
  codeSet: CodeSet,
  item: WorkingCode,
  noteWords: ReadonlySet<string>,
  toLeaf: boolean,
): WorkingCode {
  const seventh = withSeventh(codeSet, item.code, noteWords);
  if (seventh)
    return {
      ...item,
      code: seventh,
      guideline: item.guideline ?? 'I.A.5 7th character, I.A.4 placeholder X',
    };
  const rec = codeSet.get(item.code);
  if (!toLeaf || !rec || rec.billable) return item;
  const leaf = unspecifiedChild(codeSet, item.code);
  if (!leaf) return item;
  const again = withSeventh(codeSet, leaf, noteWords) ?? leaf;
  return {
    ...item,
    code: again,
    guideline: item.guideline ?? "I.A.9.b 'unspecified' when the note is silent",
  };
}
