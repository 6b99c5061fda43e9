/**
 * Integration on the real release files (skipped when the shared data is absent): the query set's
 * expected codes exist and are billable in FY2026, the abbreviation list speaks the release's words,
 * and search reaches its accuracy targets on the query set.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadDevCodeSets, loadIcd10cm, readOrderFile } from '../../bench/support/load-dev-code-sets.ts';
import { parseHcpcsFile } from '../releases/hcpcs/hcpcs-file-parser.ts';
import {
  HOLDOUT2_QUERY_SET_FILE,
  HOLDOUT_QUERY_SET_FILE,
  loadQuerySet,
} from '../../bench/support/search-query-set.ts';
import { hasSharedData, sharedData } from '../../test/support/shared-data.ts';
import type { CodeSystem } from '../terminology/code-system.ts';
import { normalizeCode } from '../terminology/code-system.ts';
import type { CodeRecord } from '../terminology/model.ts';
import { QUERY_ABBREVIATION_SENSES } from './query-abbreviations.ts';
import type { SearchIndexData } from './search-index.ts';
import { findWord } from './search-index.ts';
import { buildSearchIndex } from './search-index-builder.ts';
import { search } from './search.ts';
import { stem, STOP_WORDS } from './text-normalizer.ts';

const skip = !hasSharedData() && 'shared data not present';

describe('search on the FY2026 release', { skip }, () => {
  const cases = loadQuerySet();
  const holdout = [...loadQuerySet(HOLDOUT_QUERY_SET_FILE), ...loadQuerySet(HOLDOUT2_QUERY_SET_FILE)];
  let indexes: SearchIndexData[] = [];
  before(async () => {
    indexes = (await loadDevCodeSets()).map((set) => buildSearchIndex(set));
  });

  it('has a query set of several hundred cases whose expected codes exist, are billable and in use', async () => {
    const hcpcs = await parseHcpcsFile(sharedData('hcpcs', '2025', 'HCPC2025_JAN_ANWEB_12172024.txt'));
    const files: Record<CodeSystem, readonly CodeRecord[]> = {
      icd10cm: readOrderFile(sharedData('icd10cm', '2026', 'icd10cm_order_2026.txt'), 'icd10cm'),
      icd10pcs: readOrderFile(sharedData('icd10pcs', '2026', 'icd10pcs_order_2026.txt'), 'icd10pcs'),
      hcpcs: hcpcs.codes.codes,
    };
    const terminated = new Set(hcpcs.details.details.filter((d) => d.terminationDate).map((d) => d.code));
    const byCode = new Map(
      Object.entries(files).map(([s, recs]) => [s, new Map(recs.map((r) => [r.code, r]))]),
    );
    assert.ok(cases.length >= 300, `${cases.length} cases`);
    for (const c of [...cases, ...holdout]) {
      for (const code of c.expect) {
        const rec = byCode.get(c.system)?.get(normalizeCode(code));
        assert.ok(rec, `${c.q}: ${code} is not a ${c.system} code`);
        assert.ok(rec.billable, `${c.q}: ${code} is a header`);
        assert.ok(!terminated.has(rec.code), `${c.q}: ${code} is terminated`);
      }
    }
  });

  it('expands abbreviations only into words the release uses', () => {
    const missing: string[] = [];
    for (const [key, senses] of QUERY_ABBREVIATION_SENSES) {
      for (const word of senses.join(' ').split(' ')) {
        if (STOP_WORDS.has(word)) continue;
        const known = word
          .split('/')
          .some((w) => indexes.some((ix) => findWord(ix.vocabulary, stem(w)) >= 0));
        if (!known) missing.push(`${key} → ${word}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('puts the expected code first for at least 90% of the query set and in the top 5 for 97%', () => {
    let top1 = 0;
    let top5 = 0;
    for (const c of cases) {
      const got = search(indexes, c.q, { system: c.system, limit: 5 }).map((h) => h.code);
      if (c.expect.includes(got[0] ?? '')) top1++;
      if (got.some((g) => c.expect.includes(g))) top5++;
    }
    assert.ok(top1 / cases.length >= 0.9, `top-1 ${top1}/${cases.length}`);
    assert.ok(top5 / cases.length >= 0.97, `top-5 ${top5}/${cases.length}`);
  });

  it('does not return a code deleted in FY2026 for a 2026 date, and leads the index entry to its new child', async () => {
    const fy2025 = buildSearchIndex(await loadIcd10cm(2025));
    const both = [fy2025, ...indexes];
    const in2025 = search(both, 'contusion of abdominal wall', { date: '2025-03-01' });
    const in2026 = search(both, 'contusion of abdominal wall', { date: '2026-03-01', limit: 50 });
    assert.equal(in2025[0]?.code, 'S30.1XXA');
    assert.ok(!in2026.some((h) => h.code.startsWith('S30.1XX')));
    assert.equal(in2026[0]?.code, 'S30.11XA');
  });
});
