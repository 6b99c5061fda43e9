import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { Command } from 'commander';
import { miniCmCodeSet } from '../../../test/fixtures/coding/mini-code-set.ts';
import { createCodingEngine } from '../../coding/coding-engine.ts';
import { isMedcodeError } from '../../core/medcode-error.ts';
import type { CodingCommandDeps } from './code-command.ts';
import { registerCodeCommand } from './code-command.ts';
import { registerEvalCommand } from './eval-command.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'medcode-code-cmd-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function harness(): { program: Command; printed: string[]; json: unknown[] } {
  const printed: string[] = [];
  const json: unknown[] = [];
  const cm = miniCmCodeSet();
  const deps: CodingCommandDeps = {
    engine: (_date, profile) => Promise.resolve(createCodingEngine({ cm, profile })),
    engineSpec: (_date, profile) => ({ factory: '', profile, options: {} }),
    readFile: (file) => readFile(file),
    out: (t) => printed.push(t),
    json: (v) => json.push(v),
    progress: () => ({ update: () => undefined, done: () => undefined }),
  };
  const program = new Command('medcode').exitOverride();
  registerCodeCommand(program, deps);
  registerEvalCommand(program, deps);
  return { program, printed, json };
}

describe('medcode code', () => {
  const note = path.join(dir, 'note.txt');
  writeFileSync(note, 'Assessment: left wrist fracture. No pneumonia.');

  it('prints codes with evidence and the mentions not coded', async () => {
    const h = harness();
    await h.program.parseAsync(['code', note], { from: 'user' });
    const text = h.printed.join('\n');
    assert.match(text, /S62\.102A/);
    assert.match(text, /evidence: "wrist fracture"/);
    assert.match(text, /J18\.9\s+negated/);
  });

  it('--json prints the full result with the encounter context', async () => {
    const h = harness();
    await h.program.parseAsync(
      ['code', note, '--json', '--setting', 'inpatient', '--age', '40', '--sex', 'F'],
      { from: 'user' },
    );
    const r = h.json[0] as { context: unknown; diagnoses: { code: string }[] };
    assert.deepEqual(r.context, { setting: 'inpatient', age: 40, sex: 'F' });
    assert.deepEqual(
      r.diagnoses.map((d) => d.code),
      ['S62102A'],
    );
  });

  it('a bad --setting is a usage error', async () => {
    const h = harness();
    await assert.rejects(
      h.program.parseAsync(['code', note, '--setting', 'home'], { from: 'user' }),
      (e: unknown) => isMedcodeError(e) && e.code === 'USAGE',
    );
  });
});

describe('medcode eval', () => {
  it('prints scores for diagnoses and procedures with the normalization rule', async () => {
    const gold = path.join(dir, 'gold.jsonl');
    writeFileSync(
      gold,
      [
        { id: 'a', text_en: 'Left wrist fracture.', icd10cm: ['S62.102'], icd10pcs: [] },
        { id: 'b', text_en: 'Pneumonia.', icd10cm: ['J18.9', 'R50.9'], icd10pcs: ['BW03ZZZ'] },
      ]
        .map((d) => JSON.stringify(d))
        .join('\n'),
    );
    const h = harness();
    await h.program.parseAsync(['eval', '--gold', gold, '--profile', 'us', '--json'], { from: 'user' });
    const r = h.json[0] as { diagnoses: { exact: { tp: number; fn: number }; map: number } };
    assert.equal(r.diagnoses.exact.tp, 2);
    assert.equal(r.diagnoses.exact.fn, 1);
    assert.equal(r.diagnoses.map, (1 + 0.5) / 2);
    const t = harness();
    await t.program.parseAsync(['eval', '--gold', gold, '--limit', '1'], { from: 'user' });
    assert.match(t.printed.join('\n'), /normalization: .*a gold code it extends.*7th character/);
    assert.match(t.printed.join('\n'), /exact \(strict\)/);
  });
});
