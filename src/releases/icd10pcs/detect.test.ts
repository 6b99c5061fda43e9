import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../../../test/support/shared-data.ts';
import { detectPcsFile } from './detect.ts';

const head = (name: string) => readFileSync(path.join(repoRoot, 'test/fixtures/pcs', name)).subarray(0, 4096);

describe('ICD-10-PCS file detection', () => {
  const cases = [
    { file: 'tables-mini.xml', kind: 'pcs-tables' },
    { file: 'index-mini.xml', kind: 'pcs-index' },
    { file: 'definitions-mini.xml', kind: 'pcs-definitions' },
  ] as const;
  for (const { file, kind } of cases) {
    it(`recognises ${file} as ${kind} of 2099 past its comment`, () => {
      assert.deepEqual(detectPcsFile(head(file)), { kind, year: 2099 });
    });
  }

  it('gives no year when the head stops before <version>', () => {
    assert.deepEqual(detectPcsFile('<?xml version="1.0"?>\n<ICD10PCS.index>\n  <vers'), {
      kind: 'pcs-index',
    });
  });

  it('does not take an ICD-10-CM or unrelated file for a PCS one', () => {
    assert.equal(detectPcsFile('<?xml version="1.0"?><ICD10CM.tabular><version>2026</version>'), undefined);
    assert.equal(detectPcsFile('00001 001     0 Central Nervous System'), undefined);
    assert.equal(detectPcsFile(''), undefined);
  });
});
