/** Changes between two releases of one code system: added, deleted and retitled codes. */
import type { CodeRecord } from './model.ts';

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
