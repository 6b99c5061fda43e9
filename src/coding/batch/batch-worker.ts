/**
 * Worker thread of a batch: builds its engine from the spec it was started with, then codes each note it is
 * sent and posts the result back. Never logs note text.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { codeNote } from '../code-note.ts';
import type { EncounterContext } from '../coding-result.ts';
import type { EngineFactory, EngineSpec } from './engine-factory.ts';

interface WorkerInput {
  readonly spec: EngineSpec;
  readonly context: EncounterContext;
}

const { spec, context } = workerData as WorkerInput;
const mod = (await import(spec.factory)) as { createEngine: EngineFactory };
const engine = await mod.createEngine(spec);
const port = parentPort!;
port.on('message', (msg: { id: string; text: string }) => {
  try {
    port.postMessage({ id: msg.id, result: codeNote(engine, msg.text, context) });
  } catch (e) {
    port.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) });
  }
});
port.postMessage({ ready: true });
