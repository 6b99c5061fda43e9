/** Shared by the parser benchmarks: the median of a few runs, and a bare saxes pass as the peer. */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { SaxesParser } from 'saxes';

export const RUNS = 5;

/** Median wall time of RUNS runs, in ms. */
export async function median(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)] ?? Number.NaN;
}

/** The floor for any streaming XML parser: saxes reading the file and counting elements, nothing else. */
export async function bareSaxes(file: string): Promise<void> {
  const parser = new SaxesParser({ position: true });
  let elements = 0;
  parser.on('opentag', () => elements++);
  parser.write(await readFile(file, 'utf8')).close();
}
