/** Changes between two releases of one code system: added, deleted and retitled codes. */
import type { AddendaChange, CodeRecord } from './model.ts';

export interface ReleaseDiff {
  /** Billable in the newer release, not billable (or absent) in the older. */
  readonly added: readonly CodeRecord[];
  /** Billable in the older release, not billable (or absent) in the newer. */
  readonly deleted: readonly CodeRecord[];
  /** Billable in both, with a different long title. */
  readonly retitled: readonly { readonly code: string; readonly from: string; readonly to: string }[];
  /** Headers (non-billable) that appear or disappear. */
  readonly headersAdded: readonly CodeRecord[];
  readonly headersDeleted: readonly CodeRecord[];
}

export function diffReleases(older: Iterable<CodeRecord>, newer: Iterable<CodeRecord>): ReleaseDiff {
  const a = new Map<string, CodeRecord>();
  for (const c of older) a.set(c.code, c);
  const b = new Map<string, CodeRecord>();
  for (const c of newer) b.set(c.code, c);
  const added: CodeRecord[] = [];
  const retitled: { code: string; from: string; to: string }[] = [];
  const headersAdded: CodeRecord[] = [];
  for (const c of b.values()) {
    const old = a.get(c.code);
    if (c.billable && !old?.billable) added.push(c);
    else if (c.billable && old && old.title !== c.title)
      retitled.push({ code: c.code, from: old.title, to: c.title });
    if (!c.billable && !old) headersAdded.push(c);
  }
  const deleted: CodeRecord[] = [];
  const headersDeleted: CodeRecord[] = [];
  for (const c of a.values()) {
    const now = b.get(c.code);
    if (c.billable && !now?.billable) deleted.push(c);
    if (!c.billable && !now) headersDeleted.push(c);
  }
  return { added, deleted, retitled, headersAdded, headersDeleted };
}

export interface AddendaCheck {
  readonly added: number;
  readonly deleted: number;
  readonly revised: number;
  /** Billable codes the addenda and the computed diff disagree on (in one and not the other). */
  readonly disagreements: readonly string[];
}

/** Compares a computed diff with the CMS addenda of the newer release (billable codes only). */
export function checkAgainstAddenda(diff: ReleaseDiff, changes: readonly AddendaChange[]): AddendaCheck {
  const billable = changes.filter((c) => c.billable);
  const set = (action: AddendaChange['action']): Set<string> =>
    new Set(billable.filter((c) => c.action === action).map((c) => c.code));
  const [added, deleted, revised] = [set('add'), set('delete'), set('revise')];
  const disagreements = [
    ...symmetricDifference(added, new Set(diff.added.map((c) => c.code))),
    ...symmetricDifference(deleted, new Set(diff.deleted.map((c) => c.code))),
    ...symmetricDifference(revised, new Set(diff.retitled.map((c) => c.code))),
  ];
  return { added: added.size, deleted: deleted.size, revised: revised.size, disagreements };
}

function symmetricDifference(a: Set<string>, b: Set<string>): string[] {
  return [...[...a].filter((x) => !b.has(x)), ...[...b].filter((x) => !a.has(x))];
}
