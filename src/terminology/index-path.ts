/** Index paths as a coder reads them: "Failure > heart > systolic > acute on chronic". */
import type { IndexKind, IndexTerm } from './model.ts';

export interface IndexEntry {
  readonly kind: IndexKind;
  /** Titles from the main term down to the term that leads to the code. */
  readonly path: readonly string[];
  /** The code as the index gives it ("-" suffix when more characters are needed). */
  readonly code: string;
}

/** The titles of a term and its ancestors, main term first. */
export function indexPath(term: IndexTerm, parentOf: (id: number) => IndexTerm | undefined): string[] {
  const titles: string[] = [];
  let t: IndexTerm | undefined = term;
  while (t) {
    // A few index terms are really notes ("Note: heart failure stages A, B, C, and D are ..."): not a step.
    if (t.title && !t.title.startsWith('Note:')) titles.push(t.title);
    t = t.parent === undefined ? undefined : parentOf(t.parent);
  }
  return titles.reverse();
}
