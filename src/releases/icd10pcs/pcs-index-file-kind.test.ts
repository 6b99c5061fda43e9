import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../../../test/support/shared-data.ts';
import { fromBytes } from '../release-source.ts';
import { headText } from '../text-decoding.ts';
import { ICD10PCS_INDEX } from './pcs-index-file-kind.ts';

const fixtures = path.join(repoRoot, 'test/fixtures/pcs');
const sourceOf = (name: string) => fromBytes(name, name, readFileSync(path.join(fixtures, name)))[0]!;

describe('ICD-10-PCS index file kind', () => {
  it('recognises the index by its root element and year, and parses it', async () => {
    const source = sourceOf('index-mini.xml');
    const detection = ICD10PCS_INDEX.detect(source.baseName, headText(source));
    assert.deepEqual(detection, { year: 2099 });
    const data = await ICD10PCS_INDEX.parse(source, { year: 2099 });
    assert.equal(data.layer, 'pcs-index');
    assert.ok('terms' in data && data.terms.length === 10);
  });

  it('leaves the tables and definitions to their own kinds', () => {
    for (const name of ['tables-mini.xml', 'definitions-mini.xml']) {
      const source = sourceOf(name);
      assert.equal(ICD10PCS_INDEX.detect(source.baseName, headText(source)), undefined, name);
    }
  });
});
