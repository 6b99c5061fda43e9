import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Command } from 'commander';
import { isMedcodeError } from '../../core/medcode-error.ts';
import { syntheticCm } from '../../edits/synthetic-code-sets.ts';
import type { VersionInfo } from '../../terminology/model.ts';
import { repoRoot } from '../../../test/support/shared-data.ts';
import { registerCheckCommand } from './check-command.ts';

const CM = syntheticCm(2026);
const VERSION: VersionInfo = {
  ...CM.info,
  id: CM.info.versionId,
  layers: [],
  counts: { codes: 1, billable: 1, headers: 0 },
};
const dir = mkdtempSync(path.join(tmpdir(), 'medcode-check-'));
const write = (name: string, content: unknown): string => {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};

async function run(args: string[], stdin = ''): Promise<{ out: string; exitCode: number | undefined }> {
  let out = '';
  let exitCode: number | undefined;
  const program = new Command().exitOverride();
  registerCheckCommand(program, {
    versions: () => Promise.resolve([VERSION]),
    codeSet: () => CM,
    out: (t: string) => (out += t),
    readStdin: () => Promise.resolve(stdin),
    setExitCode: (c) => (exitCode = c),
  });
  await program.parseAsync(['check', ...args], { from: 'user' });
  return { out, exitCode };
}

const encounter = (dx: string[]) => ({
  setting: 'professional',
  dates: { from: '2026-01-15' },
  patient: { ageYears: 50, sex: 'male' },
  diagnoses: dx.map((code) => ({ code })),
  procedures: [{ system: 'cpt', code: '11111', units: 3 }],
});

describe('medcode check', () => {
  it('prints JSON findings and exits 1 when an error finding is present', async () => {
    const { out, exitCode } = await run([write('bad.json', encounter(['E11.9', 'E10.9'])), '--json']);
    const parsed = JSON.parse(out) as { findings: { id: string }[]; summary: { error: number } };
    assert.ok(parsed.findings.some((f) => f.id === 'DX_EXCLUDES1'));
    assert.ok(parsed.summary.error >= 1);
    assert.equal(exitCode, 1);
  });

  it('reads the encounter from stdin with "-" and exits 0 without errors', async () => {
    const { out, exitCode } = await run(['-'], JSON.stringify(encounter(['I10'])));
    assert.equal(out, 'No findings.\n');
    assert.equal(exitCode, 0);
  });

  it('applies the MUE file given on the command line', async () => {
    const mue = path.join(repoRoot, 'test/fixtures/edits/mue-practitioner.csv');
    const { out } = await run([write('mue.json', encounter(['I10'])), '--mue-practitioner', mue]);
    assert.match(out, /ERROR MUE_UNITS \(procedures\[0\]\.units\)/);
  });

  it('refuses a malformed encounter with ENCOUNTER_INVALID (exit 2) and its field errors', async () => {
    const file = write('malformed.json', { ...encounter(['I10']), setting: 'home', extra: 1 });
    await assert.rejects(run([file]), (e: unknown) => {
      assert.ok(isMedcodeError(e));
      assert.equal(e.exitCode, 2);
      const paths = (e.details as { errors: { path: string }[] }).errors.map((x) => x.path);
      assert.deepEqual(paths, ['extra', 'setting']);
      return true;
    });
  });

  it('refuses text that is not JSON with ENCOUNTER_INVALID', async () => {
    await assert.rejects(run([write('text.json', '{ nope')]), { code: 'ENCOUNTER_INVALID' });
  });
});
