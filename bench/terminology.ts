/**
 * Issue 2 numbers: import time (one ICD-10-CM year with tabular and index; everything in shared/data),
 * store open time, and in-process lookup latency. Run: npx tsx bench/terminology.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { lookupCode } from '../src/lookup/lookup-code.ts';
import { importReleases } from '../src/releases/import-release.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { sharedData } from '../test/support/shared-data.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'medcode-bench-'));
const quantile = (xs: number[], q: number): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;

async function timedImport(name: string, root: string): Promise<string> {
  const file = path.join(dir, `${name}.db`);
  const store = SqliteStore.open(file);
  const t0 = performance.now();
  await importReleases(store, root);
  const ms = performance.now() - t0;
  await store.close();
  console.log(`import ${name.padEnd(28)} ${(ms / 1000).toFixed(2)} s`);
  return file;
}

await timedImport('icd10cm-2023 (order+tab+index)', sharedData('icd10cm', '2023'));
const all = await timedImport('everything in shared/data', sharedData());

const opens: number[] = [];
for (let i = 0; i < 20; i++) {
  const t0 = performance.now();
  const s = SqliteStore.open(all);
  s.openCodeSetSync('icd10cm-2026').get('E1122');
  opens.push(performance.now() - t0);
  await s.close();
}
console.log(
  `open store + first code       median ${quantile(opens, 0.5).toFixed(2)} ms  max ${Math.max(...opens).toFixed(2)} ms`,
);

const store = SqliteStore.open(all);
const versions = store.listVersionsSync();
const sets = new Map<string, ReturnType<SqliteStore['openCodeSetSync']>>();
const sources = {
  versions,
  open: (id: string) => sets.get(id) ?? sets.set(id, store.openCodeSetSync(id)).get(id)!,
};
const codes = [...sources.open('icd10cm-2026').codes()];
function measure(label: string, pool: readonly string[]): void {
  const sample = Array.from({ length: 5000 }, (_, i) => pool[(i * 7919) % pool.length]!);
  for (const c of sample.slice(0, 2000)) lookupCode(sources, 'icd10cm', c, '2026-01-15');
  const times: number[] = [];
  for (const c of sample) {
    const t0 = performance.now();
    lookupCode(sources, 'icd10cm', c, '2026-01-15');
    times.push((performance.now() - t0) * 1000);
  }
  console.log(
    `lookup ${label.padEnd(24)} median ${quantile(times, 0.5).toFixed(1)} µs  p90 ${quantile(times, 0.9).toFixed(1)} µs  p99 ${quantile(times, 0.99).toFixed(1)} µs`,
  );
}
measure(
  'billable codes',
  codes.filter((c) => c.billable).map((c) => c.code),
);
measure(
  'headers (with children)',
  codes.filter((c) => !c.billable).map((c) => c.code),
);
measure(
  'any code of the release',
  codes.map((c) => c.code),
);
await store.close();
rmSync(dir, { recursive: true, force: true });
