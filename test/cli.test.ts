import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from './support/shared-data.ts';

const pad = (s: string, n: number): string => s.padEnd(n, ' ');
const line = (n: number, code: string, flag: 0 | 1, title: string): string =>
  `${String(n).padStart(5, '0')} ${pad(code, 7)} ${flag} ${pad(title.slice(0, 60), 60)} ${title}\r\n`;

function medcode(home: string, ...args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/medcode.js'), ...args], {
    env: { ...process.env, MEDCODE_HOME: home, MEDCODE_RELEASES: '' },
    encoding: 'utf8',
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('medcode CLI', () => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'medcode-cli-'));
  const rel = path.join(home, 'release');
  mkdirSync(rel);
  writeFileSync(
    path.join(rel, 'icd10cm_order_2026.txt'),
    line(1, 'E11', 0, 'Type 2 diabetes mellitus') +
      line(2, 'E119', 1, 'Type 2 diabetes mellitus without complications'),
  );

  it('says the store is empty (exit 5) before anything is imported', () => {
    const r = medcode(home, 'lookup', 'E11.9');
    assert.equal(r.status, 5);
    assert.match(r.stderr, /STORE_EMPTY/);
  });

  it('imports a folder and answers a lookup as JSON', () => {
    assert.equal(medcode(home, 'releases', 'import', rel).status, 0);
    const r = medcode(home, 'lookup', 'e119', '--date', '2026-02-01', '--json');
    assert.equal(r.status, 0, r.stderr);
    const answer = JSON.parse(r.stdout) as {
      code: string;
      validity: { valid: boolean };
      ancestors: { code: string }[];
    };
    assert.equal(answer.code, 'E11.9');
    assert.equal(answer.validity.valid, true);
    assert.deepEqual(
      answer.ancestors.map((a) => a.code),
      ['E11'],
    );
  });

  it('searches the imported release, building its index once and reading it from the store after', () => {
    for (let run = 0; run < 2; run++) {
      const r = medcode(
        home,
        'search',
        'type 2 diabetes w/o complications',
        '--json',
        '--date',
        '2026-02-01',
      );
      assert.equal(r.status, 0, r.stderr);
      const hits = JSON.parse(r.stdout) as { code: string }[];
      assert.equal(hits[0]?.code, 'E11.9');
    }
  });

  it('exits 7 with the closest code for an unknown code, 5 for a date no release covers, 2 for a bad date', () => {
    const unknown = medcode(home, 'lookup', 'E11.95');
    assert.equal(unknown.status, 7);
    assert.match(unknown.stderr, /closest existing code is E11\.9/);
    const uncovered = medcode(home, 'lookup', 'E11.9', '--date', '2024-01-01');
    assert.equal(uncovered.status, 5);
    assert.match(uncovered.stderr, /FY2024/);
    assert.equal(medcode(home, 'lookup', 'E11.9', '--date', '2026-02-30').status, 2);
  });

  it('exits 3 naming file and line for a truncated release file', () => {
    const bad = path.join(home, 'bad');
    mkdirSync(bad);
    writeFileSync(
      path.join(bad, 'icd10cm_order_2025.txt'),
      line(1, 'E11', 0, 'Type 2 diabetes mellitus').slice(0, 40),
    );
    const r = medcode(home, 'releases', 'import', bad);
    assert.equal(r.status, 3);
    assert.match(r.stderr, /RELEASE_FILE_TRUNCATED[\s\S]*icd10cm_order_2025\.txt, line 1/);
  });
});
