/**
 * Coding engine throughput on MTSamples (deduplicated transcriptions): notes/s and MB/s through the whole
 * pipeline (tokenize, dictionary + table matching, learned associations, assertion, reranker, rules), on one
 * thread, per wall second and per CPU second of the process (all its threads: GC and JIT helpers count, so
 * this is the honest per-core figure on a busy machine), engine build time and peak RSS. Peer in the same
 * run: a bare tokenize-and-look-up pass (each token looked up in a Map of title words), the floor any
 * dictionary coder pays. `--rounds N` repeats the pipeline pass: the first pass also pays the compiler's warm-up
 * (once per process); the summary line gives the steady state (median of the later passes) and that warm-up.
 *
 *   MEDCODE_SHARED=/work/shared npx tsx bench/coding.ts [--limit N] [--profile us|codiesp] [--rounds N]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { codeNote } from '../src/coding/code-note.ts';
import { createCodingEngine } from '../src/coding/coding-engine.ts';
import type { CodingProfile } from '../src/coding/coding-result.ts';
import { defaultCodeSetFiles, loadDevCodeSets } from '../src/coding/eval/load-code-sets.ts';
import { loadCodingModel } from '../src/coding/io/load-coding-model.ts';
import { phraseTokens, tokenizeNote } from '../src/coding/text/note-tokens.ts';
import { sharedDir } from '../test/support/shared-data.ts';

const { values } = parseArgs({
  options: {
    limit: { type: 'string' },
    profile: { type: 'string', default: 'us' },
    rounds: { type: 'string', default: '1' },
  },
});
const lines = readFileSync(path.join(sharedDir(), 'eval/mtsamples/mtsamples.jsonl'), 'utf8').split('\n');
const notes = lines
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as { transcription: string; duplicate_of: number | null })
  .filter((n) => n.duplicate_of === null)
  .map((n) => n.transcription)
  .slice(0, values.limit ? Number(values.limit) : undefined);
const bytes = notes.reduce((n, t) => n + Buffer.byteLength(t), 0);

let t0 = performance.now();
const sets = await loadDevCodeSets(defaultCodeSetFiles(path.join(sharedDir(), 'data')));
const loadMs = performance.now() - t0;
t0 = performance.now();
const engine = createCodingEngine({
  cm: sets.cm,
  ...(sets.pcs ? { pcs: sets.pcs } : {}),
  ...(sets.hcpcs ? { hcpcs: sets.hcpcs } : {}),
  model: loadCodingModel(),
  profile: values.profile as CodingProfile,
});
const buildMs = performance.now() - t0;

/** Runs fn over every note (after a 50-note warm-up), prints the figures; returns the CPU seconds taken. */
function measure(label: string, fn: (text: string) => number): number {
  for (const t of notes.slice(0, 50)) fn(t); // warm-up
  const start = performance.now();
  const cpu = process.cpuUsage();
  let sink = 0;
  for (const t of notes) sink += fn(t);
  const s = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  // CPU seconds of this thread's process: on a shared machine wall time also counts other processes' turns.
  const cpuS = (used.user + used.system) / 1e6;
  process.stdout.write(
    `${label.padEnd(34)} ${(notes.length / s).toFixed(0).padStart(6)} notes/s wall ${(notes.length / cpuS).toFixed(0).padStart(6)} notes/s per CPU s  ${(bytes / 1e6 / s).toFixed(2).padStart(6)} MB/s wall ${(bytes / 1e6 / cpuS).toFixed(2).padStart(6)} MB/s per CPU s  (${notes.length} notes, checksum ${sink})\n`,
  );
  return cpuS;
}

const words = new Map<string, number>();
for (const rec of sets.cm.codes())
  for (const w of phraseTokens(rec.title)) words.set(w, (words.get(w) ?? 0) + 1);
process.stdout.write(
  `MTSamples unique notes: ${notes.length}, ${(bytes / 1e6).toFixed(1)} MB; code sets loaded in ${loadMs.toFixed(0)} ms, engine built in ${buildMs.toFixed(0)} ms\n`,
);
measure('peer: tokenize + Map lookup', (t) => {
  let hits = 0;
  for (const w of tokenizeNote(t).norm) if (words.has(w)) hits++;
  return hits;
});
const passes: number[] = [];
for (let round = 1; round <= Number(values.rounds); round++) {
  passes.push(
    measure(`medcode codeNote (profile ${values.profile}) #${round}`, (t) => {
      const r = codeNote(engine, t, { setting: 'outpatient' });
      return r.diagnoses.length + r.procedures.length;
    }),
  );
}
if (passes.length > 1) {
  // The first pass also pays the compiler's warm-up (V8 optimizes the pipeline's code while it runs, on
  // helper threads that the CPU time counts): a cost per process, like building the engine, that a long
  // batch or a running service pays once. The steady state is the median of the later passes.
  const later = passes.slice(1).sort((a, b) => a - b);
  const steady = later[Math.floor(later.length / 2)]!;
  process.stdout.write(
    `steady state (median of passes 2-${passes.length}) ${(notes.length / steady).toFixed(0)} notes/s per CPU s; ` +
      `first pass ${(notes.length / passes[0]!).toFixed(0)}; compiler warm-up ${(passes[0]! - steady).toFixed(2)} CPU s once per process\n`,
  );
}
process.stdout.write(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`);
