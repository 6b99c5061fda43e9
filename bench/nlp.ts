/**
 * Throughput of the NLP layer on MTSamples (unique transcriptions): analyzeNote, then assertionOf
 * on every word of 5+ letters as a stand-in for the mentions the coding engine asserts.
 * Peers in the same run: tokenize alone, and a bare regex word split with a Set look-up.
 *
 * Usage: npx tsx bench/nlp.ts [path/to/mtsamples.jsonl]   (MEDCODE_SHARED locates ../shared)
 */
import { readFileSync } from 'node:fs';
import { analyzeNote } from '../src/nlp/analyze-note.ts';
import { assertionOf } from '../src/nlp/assertion.ts';
import { tokenize } from '../src/nlp/tokenize.ts';
import { sharedDir } from '../test/support/shared-data.ts';

const file = process.argv[2] ?? `${sharedDir()}/eval/mtsamples/mtsamples.jsonl`;
const notes: string[] = [];
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (!line) continue;
  const rec = JSON.parse(line) as { transcription: string | null; duplicate_of: number | null };
  if (rec.duplicate_of === null) notes.push(rec.transcription ?? '');
}
const bytes = notes.reduce((n, t) => n + Buffer.byteLength(t), 0);
const ROUNDS = 5;

function run(name: string, fn: (text: string) => number): void {
  let sink = 0;
  for (const t of notes) sink += fn(t); // warm-up
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < ROUNDS; r++) for (const t of notes) sink += fn(t);
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const n = notes.length * ROUNDS;
  console.log(
    `${name.padEnd(34)} ${(n / secs).toFixed(0).padStart(7)} notes/s  ${((bytes * ROUNDS) / secs / 1e6).toFixed(2).padStart(6)} MB/s  ` +
      `${((secs / n) * 1e3).toFixed(3)} ms/note  (checksum ${sink})`,
  );
}

const WORDS = new Set(['pneumonia', 'diabetes', 'hypertension', 'asthma', 'fracture']);
console.log(
  `${notes.length} unique notes, ${(bytes / 1e6).toFixed(2)} MB, mean ${(bytes / notes.length).toFixed(0)} B`,
);
run('peer: regex split + Set look-up', (t) => {
  let hits = 0;
  for (const w of t.toLowerCase().split(/[^a-z0-9]+/)) if (WORDS.has(w)) hits++;
  return hits;
});
run('tokenize', (t) => tokenize(t).length);
run('analyzeNote', (t) => analyzeNote(t).sentences.length);
let assertions = 0;
run('analyzeNote + assertionOf (5+ letters)', (t) => {
  const a = analyzeNote(t);
  let flagged = 0;
  for (const tok of a.tokens) {
    if (tok.kind !== 'word' || tok.end - tok.start < 5) continue;
    assertions++;
    const s = assertionOf(a, tok.start, tok.end);
    if (s.negated || s.uncertain || s.family || s.hypothetical) flagged++;
  }
  return flagged;
});
console.log(`assertions per note: ${(assertions / notes.length / (ROUNDS + 1)).toFixed(0)}`);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
