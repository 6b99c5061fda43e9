import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { isMedcodeError } from '../../core/medcode-error.ts';
import { repoRoot } from '../../../test/support/shared-data.ts';
import { parsePcsIndex } from './index-parser.ts';

const fixture = path.join(repoRoot, 'test/fixtures/pcs/index-mini.xml');

async function* once(text: string): AsyncIterable<string> {
  yield text;
}

describe('ICD-10-PCS index parser', () => {
  it('gives main terms level 0 and subterms their parent, ids in document order', async () => {
    const { terms } = await parsePcsIndex(fixture);
    assert.deepEqual(
      terms.map((t) => [t.id, t.level, t.parent, t.title]),
      [
        [1, 0, undefined, 'Abdominohysterectomy'],
        [2, 0, undefined, 'Acetabulectomy'],
        [3, 1, 2, ''],
        [4, 0, undefined, 'Achilles tendon'],
        [5, 1, 4, ''],
        [6, 0, undefined, 'Appendectomy'],
        [7, 1, 6, 'Laparoscopic'],
        [8, 2, 7, 'Hand-assisted'],
        [9, 1, 6, 'Open'],
        [10, 0, undefined, 'Bypass & shunt'],
      ],
    );
    assert.ok(terms.every((t) => t.kind === 'pcs-index'));
  });

  it('reads see and use with the codes or table they lead to, and codes of a term', async () => {
    const { terms } = await parsePcsIndex(fixture);
    const fields = terms.map(({ see, use, code, codes }) => ({ see, use, code, codes }));
    assert.deepEqual(fields[0], { see: 'Resection, Uterus', use: undefined, code: undefined, codes: '0UT9' });
    assert.deepEqual(fields[2], {
      see: 'Excision, Lower Bones',
      use: undefined,
      code: undefined,
      codes: '0QB',
    });
    assert.deepEqual(fields[4], {
      see: undefined,
      use: 'Lower Leg Tendon, Right',
      code: undefined,
      codes: undefined,
    });
    assert.equal(terms[7]?.code, '0DTJ4ZG');
    assert.equal(terms[8]?.codes, '0DTJ');
    assert.equal(terms[9]?.codes, '0D1');
  });

  it('refuses a term whose level attribute disagrees with its nesting', async () => {
    const text = readFileSync(fixture, 'utf8').replace('<term level="2">', '<term level="3">');
    const line = text.slice(0, text.indexOf('<term level="3">')).split('\n').length;
    await assert.rejects(parsePcsIndex(once(text), 'index.xml'), (e: unknown) => {
      assert.ok(isMedcodeError(e));
      assert.equal(e.code, 'RELEASE_FILE_MALFORMED');
      assert.equal(e.location?.file, 'index.xml');
      assert.equal(e.location?.line, line);
      return true;
    });
  });
});
