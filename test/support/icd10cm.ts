import path from 'node:path';
import type { IndexTerm } from '../../src/terminology/model.ts';
import { repoRoot } from './shared-data.ts';

/** A fixture of test/fixtures/icd10cm. */
export function icd10cmFixture(name: string): string {
  return path.join(repoRoot, 'test/fixtures/icd10cm', name);
}

/** An index term by its path of titles: termByPath(terms, 'Pneumonia', 'aspiration'). */
export function termByPath(terms: readonly IndexTerm[], ...titles: string[]): IndexTerm | undefined {
  let parent: number | undefined;
  let found: IndexTerm | undefined;
  for (const title of titles) {
    found = terms.find((t) => t.parent === parent && t.title === title);
    if (!found) return undefined;
    parent = found.id;
  }
  return found;
}

/** XML text as a source, in the given chunks. */
export async function* stringSource(...parts: string[]): AsyncIterable<string> {
  yield* parts;
}
