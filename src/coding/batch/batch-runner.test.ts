import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { runBatch } from './batch-runner.ts';
import type { EngineSpec } from './engine-factory.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'medcode-batch-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const spec: EngineSpec = {
  factory: new URL('../../../test/fixtures/coding/mini-engine-factory.ts', import.meta.url).href,
  profile: 'us',
  options: {},
};

function lines(file: string): { id: string; result?: { diagnoses: { code: string }[] } }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string });
}

describe('runBatch', () => {
  const input = path.join(dir, 'notes.jsonl');
  const out = path.join(dir, 'out.jsonl');
  writeFileSync(
    input,
    ['Pneumonia.', 'Left wrist fracture.', 'Hypertension. Heart failure.']
      .map((text, i) => JSON.stringify({ id: `n${i + 1}`, text }))
      .join('\n'),
  );

  it('codes every note of a JSONL file on worker threads', async () => {
    const summary = await runBatch({ input, out, spec, context: { setting: 'outpatient' }, workers: 2 });
    assert.deepEqual(summary, { coded: 3, skipped: 0, failed: 0 });
    const byId = new Map(lines(out).map((l) => [l.id, l.result!.diagnoses.map((d) => d.code)]));
    assert.deepEqual(byId.get('n1'), ['J189']);
    assert.deepEqual(byId.get('n2'), ['S62102A']);
  });

  it('resumes: ids already in the output are skipped, a torn last line is coded again', async () => {
    const kept = readFileSync(out, 'utf8').split('\n').filter(Boolean);
    writeFileSync(out, `${kept.slice(0, 2).join('\n')}\n${kept[2]!.slice(0, 10)}`);
    const summary = await runBatch({ input, out, spec, context: { setting: 'outpatient' }, workers: 1 });
    assert.deepEqual(summary, { coded: 1, skipped: 2, failed: 0 });
    const ids = readFileSync(out, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('{"id"') && l.endsWith('}'))
      .map((l) => (JSON.parse(l) as { id: string }).id);
    assert.deepEqual(new Set(ids), new Set(['n1', 'n2', 'n3']));
  });
});
