/**
 * Search benchmark: medcode against MiniSearch, FlexSearch and SQLite FTS5 on the same documents and the
 * same queries, in the same run. Prints index build / load time and memory, per-query latency (median,
 * p99) and top-1 / top-5 accuracy on the query set. Run: MEDCODE_SHARED=/work/shared npx tsx --expose-gc bench/search.ts
 */
import { decodeSearchIndex, encodeSearchIndex } from '../src/search/search-index-codec.ts';
import type { SearchIndexData } from '../src/search/search-index.ts';
import { buildSearchIndex } from '../src/search/search-index-builder.ts';
import { search } from '../src/search/search.ts';
import type { CodeSystem } from '../src/terminology/code-system.ts';
import { displayCode } from '../src/terminology/code-system.ts';
import { loadDevCodeSets } from './support/load-dev-code-sets.ts';
import type { SearchQueryCase } from './support/search-query-set.ts';
import { HOLDOUT2_QUERY_SET_FILE, HOLDOUT_QUERY_SET_FILE, loadQuerySet } from './support/search-query-set.ts';
import type { SearchPeer } from './support/search-peers.ts';
import { flexSearchPeer, fts5Peer, miniSearchPeer, peerDocuments } from './support/search-peers.ts';

type Engine = { name: string; search: (c: SearchQueryCase, limit: number) => string[] };

const gc = (globalThis as { gc?: () => void }).gc;
const heap = (): number => {
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const mb = (b: number): string => `${(b / 1048576).toFixed(1)} MB`;

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const v = f();
  return [v, performance.now() - t];
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
}

interface Latency {
  median: number;
  p99: number;
  /** p99 over each query's fastest of its rounds: the query's own cost without scheduling and GC noise. */
  p99Best: number;
}

function latency(engine: Engine, cases: readonly SearchQueryCase[], rounds: number): Latency {
  for (const c of cases.slice(0, 20)) engine.search(c, 5); // warm-up
  const times: number[] = [];
  const best = new Array<number>(cases.length).fill(Infinity);
  for (let r = 0; r < rounds; r++) {
    cases.forEach((c, i) => {
      const t = time(() => engine.search(c, 5))[1];
      times.push(t);
      best[i] = Math.min(best[i]!, t);
    });
  }
  times.sort((a, b) => a - b);
  best.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p99: quantile(times, 0.99), p99Best: quantile(best, 0.99) };
}

function accuracy(engine: Engine, cases: readonly SearchQueryCase[]): { top1: number; top5: number } {
  let top1 = 0;
  let top5 = 0;
  for (const c of cases) {
    const got = engine.search(c, 5);
    if (c.expect.includes(got[0] ?? '')) top1++;
    if (got.some((g) => c.expect.includes(g))) top5++;
  }
  return { top1: (100 * top1) / cases.length, top5: (100 * top5) / cases.length };
}

async function buildIndexes(): Promise<Map<CodeSystem, SearchIndexData>> {
  const started = performance.now();
  const sets = await loadDevCodeSets();
  const loadMs = performance.now() - started;
  console.log(`code sets loaded from the release files in ${loadMs.toFixed(0)} ms`);
  const blobs = new Map<CodeSystem, Uint8Array>();
  for (const set of sets) {
    const [built, buildMs] = time(() => buildSearchIndex(set));
    const [bytes, encodeMs] = time(() => encodeSearchIndex(built));
    blobs.set(set.info.system, bytes);
    console.log(
      `${set.info.versionId.padEnd(14)} build ${buildMs.toFixed(0)} ms (${built.codes.length} codes, ${built.docKind.length} documents), ` +
        `serialize ${encodeMs.toFixed(0)} ms, ${mb(bytes.length)}`,
    );
  }
  sets.length = 0;
  const before = heap();
  const out = new Map<CodeSystem, SearchIndexData>();
  for (const [system, bytes] of blobs) {
    const [loaded, ms] = time(() => decodeSearchIndex(bytes));
    console.log(`${system.padEnd(14)} load (decode) ${ms.toFixed(0)} ms`);
    out.set(system, loaded);
    search([loaded], 'heart', { limit: 1 }); // allocates the index's query buffers, part of its memory
  }
  // Measured while the serialized blobs are still held, so the difference is the loaded indexes alone.
  const memory = gc ? mb(heap() - before) : '(run with --expose-gc to measure)';
  console.log(`memory of the three loaded indexes, query buffers included: ${memory}`);
  blobs.clear();
  return out;
}

function peerEngines(indexes: Map<CodeSystem, SearchIndexData>): Engine[] {
  const makers: [string, (docs: ReturnType<typeof peerDocuments>) => SearchPeer][] = [
    ['MiniSearch', miniSearchPeer],
    ['FlexSearch', flexSearchPeer],
    ['SQLite FTS5', fts5Peer],
  ];
  return makers.map(([name, make]) => {
    const bySystem = new Map<CodeSystem, SearchPeer>();
    const [, ms] = time(() => {
      for (const [system, index] of indexes) bySystem.set(system, make(peerDocuments(index)));
    });
    console.log(`${name.padEnd(14)} build ${ms.toFixed(0)} ms`);
    return {
      name,
      search: (c, limit) =>
        bySystem
          .get(c.system)!
          .search(c.q, limit)
          .map((code) => displayCode(c.system, code)),
    };
  });
}

async function main(): Promise<void> {
  const indexes = await buildIndexes();
  const all = [...indexes.values()];
  const cases = loadQuerySet();
  const holdout = loadQuerySet(HOLDOUT_QUERY_SET_FILE);
  const holdout2 = loadQuerySet(HOLDOUT2_QUERY_SET_FILE);
  const medcode: Engine = {
    name: 'medcode',
    search: (c, limit) => search(all, c.q, { system: c.system, limit }).map((h) => h.code),
  };
  const medcodeAll: Engine = {
    name: 'medcode (all systems)',
    search: (c, limit) => search(all, c.q, { limit }).map((h) => h.code),
  };
  const peers = peerEngines(indexes);
  const titleCases: SearchQueryCase[] = [];
  for (const [system, index] of indexes) {
    for (let i = 0; i < index.codes.length; i += 500) {
      const c = index.billable[i] ? i : i + 1; // a billable code's own title should find it
      if (c >= index.codes.length || !index.billable[c]) continue;
      titleCases.push({
        q: index.titles[c]!,
        expect: [displayCode(system, index.codes[c]!)],
        system,
        cat: 'title',
      });
    }
  }
  console.log(
    `\n${cases.length} queries of the query set (tuned on), ${holdout.length} + ${holdout2.length} held-out queries (sets 1 and 2); ${titleCases.length} billable codes' own titles used as queries`,
  );
  console.log(
    'engine                  top-1   top-5   held-out top-1/5  held-out-2 top-1/5   median ms   p99 ms   p99 best-of-runs   x medcode median/p99   title-query top-1, median / p99 ms',
  );
  let base: Latency | undefined;
  for (const engine of [medcode, medcodeAll, ...peers]) {
    const acc = accuracy(engine, cases);
    const held = accuracy(engine, holdout);
    const held2 = accuracy(engine, holdout2);
    const heldText = `${held.top1.toFixed(1)}% / ${held.top5.toFixed(1)}%  ${`${held2.top1.toFixed(1)}% / ${held2.top5.toFixed(1)}%`.padStart(17)}`;
    const slow = engine.name === 'MiniSearch';
    const lat = latency(engine, cases, slow ? 1 : 5);
    const titleSet = slow ? titleCases.slice(0, 60) : titleCases;
    const titles = latency(engine, titleSet, 1);
    const titleTop1 = accuracy(engine, titleSet).top1;
    base ??= lat;
    const ratio = `${(lat.median / base.median).toFixed(1)}x / ${(lat.p99 / base.p99).toFixed(1)}x`;
    console.log(
      `${engine.name.padEnd(22)} ${acc.top1.toFixed(1).padStart(5)}%  ${acc.top5.toFixed(1).padStart(5)}%  ${heldText.padStart(17)}  ${lat.median.toFixed(3).padStart(9)}  ${lat.p99.toFixed(2).padStart(7)}  ${lat.p99Best.toFixed(2).padStart(16)}  ${ratio.padStart(20)}   ${titleTop1.toFixed(1)}%, ${titles.median.toFixed(3)} / ${titles.p99.toFixed(2)}`,
    );
  }
  console.log(
    '(medcode, FlexSearch, FTS5: 5 runs of the query set; MiniSearch: 1 run and 60 title queries, it is too slow for more)',
  );
}

await main();
