/**
 * Accuracy of medcode search alone on the query sets, with every miss listed (its top 5 and why the
 * first matched): the quick loop for working on the engine, without the peers or latency rounds of
 * bench/search.ts. Run: MEDCODE_SHARED=/work/shared npx tsx bench/search-accuracy.ts [file.jsonl ...]
 * (default: the tuning set and both held-out sets). ALL_SYSTEMS=1 searches every system, as `--system all`.
 */
import { buildSearchIndex } from '../src/search/search-index-builder.ts';
import { search } from '../src/search/search.ts';
import { loadDevCodeSets } from './support/load-dev-code-sets.ts';
import { QUERY_SET_FILES, loadQuerySet } from './support/search-query-set.ts';

const indexes = (await loadDevCodeSets()).map((set) => buildSearchIndex(set));
const files = process.argv.length > 2 ? process.argv.slice(2) : QUERY_SET_FILES;
for (const file of files) {
  const cases = loadQuerySet(file);
  let top1 = 0;
  let top5 = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const system = process.env['ALL_SYSTEMS'] === '1' ? 'all' : c.system;
    const hits = search(indexes, c.q, { system, limit: 5 });
    const got = hits.map((h) => h.code);
    const first = c.expect.includes(got[0] ?? '');
    if (first) top1++;
    if (got.some((g) => c.expect.includes(g))) top5++;
    if (!first) {
      misses.push(
        `  [${c.cat}] "${c.q}" expect ${c.expect.join('|')}; got ${got.join(' ')}\n     why ${hits[0]?.why ?? '-'}`,
      );
    }
  }
  const pct = (n: number): string => `${((100 * n) / cases.length).toFixed(1)}%`;
  console.log(`${file}: ${cases.length} queries, top-1 ${pct(top1)} (${top1}), top-5 ${pct(top5)} (${top5})`);
  if (process.env['MISSES'] !== '0') console.log(misses.join('\n'));
}
