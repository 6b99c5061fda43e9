/** The search query set (test/fixtures/search/queries.jsonl): clinical phrasings with their expected codes. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CodeSystem } from '../../src/terminology/code-system.ts';
import { repoRoot } from '../../test/support/shared-data.ts';

export interface SearchQueryCase {
  readonly q: string;
  /** Acceptable codes in display form; the first is the one a coder would normally pick. */
  readonly expect: readonly string[];
  readonly system: CodeSystem;
  readonly cat: string;
}

export const QUERY_SET_FILE = path.join(repoRoot, 'test', 'fixtures', 'search', 'queries.jsonl');
/** Queries written after the engine was tuned on QUERY_SET_FILE and not used for tuning: a generalization check. */
export const HOLDOUT_QUERY_SET_FILE = path.join(
  repoRoot,
  'test',
  'fixtures',
  'search',
  'queries-holdout.jsonl',
);

/** A second held-out set, written before the engine was changed to generalize (its first score is in the commit that added it). */
export const HOLDOUT2_QUERY_SET_FILE = path.join(
  repoRoot,
  'test',
  'fixtures',
  'search',
  'queries-holdout-2.jsonl',
);

export const QUERY_SET_FILES = [QUERY_SET_FILE, HOLDOUT_QUERY_SET_FILE, HOLDOUT2_QUERY_SET_FILE] as const;

export function loadQuerySet(file = QUERY_SET_FILE): SearchQueryCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const row = JSON.parse(line) as SearchQueryCase;
      if (typeof row.q !== 'string' || !Array.isArray(row.expect) || row.expect.length === 0) {
        throw new Error(`${file}:${i + 1}: expected {"q", "expect": [...], "system", "cat"}`);
      }
      return row;
    });
}
