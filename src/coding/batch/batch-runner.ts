/**
 * Codes many notes on all cores: one worker thread per core, each with its own engine, fed notes as they are
 * read; results are appended to the output JSONL as they come back (one line per note: id and result, or
 * id and error). Resumable: ids already in the output are skipped, so an interrupted run continues where it
 * stopped.
 */
import { createWriteStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CodingResult, EncounterContext } from '../coding-result.ts';
import { countBatchNotes, doneIds, readBatchNotes } from './batch-input.ts';
import type { EngineSpec } from './engine-factory.ts';

export interface BatchOptions {
  readonly input: string;
  readonly out: string;
  readonly spec: EngineSpec;
  readonly context: EncounterContext;
  /** Worker threads (default: available cores). */
  readonly workers?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface BatchSummary {
  readonly coded: number;
  readonly skipped: number;
  readonly failed: number;
}

type Reply = { ready: true } | { id: string; result: CodingResult } | { id: string; error: string };

/** The worker entry is TypeScript: the thread first registers tsx's loader, as bin/medcode.js does. */
const WORKER_BOOT = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(
  new URL('./batch-worker.ts', import.meta.url).href,
)}); });`;

function startWorker(spec: EngineSpec, context: EncounterContext): Promise<Worker> {
  // A larger young generation: coding allocates many short-lived objects per note, and fewer scavenges
  // measurably raise throughput (see bench/coding.ts with --max-semi-space-size).
  const worker = new Worker(WORKER_BOOT, {
    eval: true,
    workerData: { spec, context },
    resourceLimits: { maxYoungGenerationSizeMb: 96 },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', () => resolve(worker));
    worker.once('error', reject);
  });
}

/** Output line of one note: the result without the full candidate ranking (kept to its top 20). */
function outputLine(id: string, result: CodingResult): string {
  return `${JSON.stringify({ id, result: { ...result, ranked: result.ranked.slice(0, 20) } })}\n`;
}

export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const done = doneIds(options.out);
  const total = await countBatchNotes(options.input);
  const count = Math.max(1, options.workers ?? availableParallelism());
  const workers = await Promise.all(
    Array.from({ length: count }, () => startWorker(options.spec, options.context)),
  );
  const out = createWriteStream(options.out, { flags: 'a' });
  let coded = 0;
  let failed = 0;
  let finished = done.size;
  const inFlight = new Map<Worker, number>(workers.map((w) => [w, 0]));
  const waiters: (() => void)[] = [];
  for (const w of workers) {
    w.on('message', (msg: Reply) => {
      if ('ready' in msg) return;
      if ('error' in msg) {
        failed++;
        out.write(`${JSON.stringify({ id: msg.id, error: msg.error })}\n`);
      } else {
        coded++;
        out.write(outputLine(msg.id, msg.result));
      }
      finished++;
      inFlight.set(w, inFlight.get(w)! - 1);
      options.onProgress?.(finished, total);
      waiters.shift()?.();
    });
  }
  const freeWorker = async (): Promise<Worker> => {
    for (;;) {
      const w = [...inFlight].sort((a, b) => a[1] - b[1])[0]!;
      if (w[1] < 4) return w[0];
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  let skipped = 0;
  for await (const note of readBatchNotes(options.input)) {
    if (done.has(note.id)) {
      skipped++;
      continue;
    }
    const w = await freeWorker();
    inFlight.set(w, inFlight.get(w)! + 1);
    w.postMessage(note);
  }
  while ([...inFlight.values()].some((n) => n > 0))
    await new Promise<void>((resolve) => waiters.push(resolve));
  await Promise.all(workers.map((w) => w.terminate()));
  await new Promise<void>((resolve) => out.end(resolve));
  return { coded, skipped, failed };
}
