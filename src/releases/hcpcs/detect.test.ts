import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../../../test/support/shared-data.ts';
import { detectHcpcsFile } from './detect.ts';

const fixture = readFileSync(path.join(repoRoot, 'test/fixtures/hcpcs/HCPC2099_TEST_ANWEB.txt'));

describe('HCPCS file detection', () => {
  it('takes the year from a CMS file name', () => {
    assert.deepEqual(detectHcpcsFile(fixture, 'HCPC2031_JAN_ANWEB_12172030.txt'), {
      kind: 'hcpcs-annual',
      year: 2031,
      yearFrom: 'file-name',
    });
  });

  it('guesses the year from the latest action effective date when the name says nothing', () => {
    assert.deepEqual(detectHcpcsFile(fixture.subarray(0, 1000), 'hcpcs.txt'), {
      kind: 'hcpcs-annual',
      year: 2099,
      yearFrom: 'content',
    });
  });

  it('does not take other files for an HCPCS file', () => {
    assert.equal(detectHcpcsFile('<?xml version="1.0"?>\n<ICD10PCS.tabular>\n'), undefined);
    assert.equal(detectHcpcsFile('00002 0016070 1 Bypass Cereb Vent to Nasophar\r\n'), undefined);
    assert.equal(detectHcpcsFile(''), undefined);
  });
});
