import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isMedcodeError } from '../../core/medcode-error.ts';
import { repoRoot } from '../../../test/support/shared-data.ts';
import { expandPcsTables, parsePcsTables } from './tables-parser.ts';

const fixture = path.join(repoRoot, 'test/fixtures/pcs/tables-mini.xml');
const fixtureText = readFileSync(fixture, 'utf8');

/** 1-based line of the first line of the fixture holding `needle`. */
function lineOf(needle: string): number {
  return fixtureText.slice(0, fixtureText.indexOf(needle)).split('\n').length;
}

async function* chunksOf(text: string, size: number): AsyncIterable<Buffer> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe('ICD-10-PCS tables parser', () => {
  it('reads axes 1-3 with labels and the operation definition as the table', async () => {
    const { tables } = await parsePcsTables(fixture);
    assert.deepEqual(
      tables.map((t) => t.key),
      ['0DT', 'BW0'],
    );
    const [dt] = tables;
    assert.deepEqual(dt?.axes[2], {
      pos: 3,
      title: 'Operation',
      values: [
        {
          code: 'T',
          label: 'Resection',
          definition: 'Cutting out or off, without replacement, all of a body part',
        },
      ],
    });
    assert.equal(dt?.rows.length, 3);
    assert.deepEqual(
      dt?.rows[1]?.map((a) => [a.pos, a.title, a.values.map((v) => v.code).join('')]),
      [
        [4, 'Body Part', 'S'],
        [5, 'Approach', '04'],
        [6, 'Device', 'J'],
        [7, 'Qualifier', 'Z'],
      ],
    );
    assert.equal(dt?.rows[1]?.[0]?.values[0]?.label, 'Anus & Sphincter', 'entities are decoded');
  });

  it('expands each row to the Cartesian product of its axes', async () => {
    const { tables } = await parsePcsTables(fixture);
    const codes = [...expandPcsTables(tables)];
    assert.equal(codes.length, 8 + 2 + 1 + 1);
    assert.ok(codes.includes('0DTJ4ZZ'));
    assert.ok(codes.includes('0DTS4JZ'));
    assert.ok(!codes.includes('0DTJ4JZ'), 'values of different rows do not combine');
    assert.ok(codes.includes('BW01ZZZ'));
  });

  it('gives the same tables from chunks split mid-tag as from the file', async () => {
    const fromChunks = await parsePcsTables(chunksOf(fixtureText, 7), 'mini.zip!tables.xml');
    assert.deepEqual(fromChunks, await parsePcsTables(fixture));
  });
});

describe('ICD-10-PCS tables parser errors', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'medcode-pcs-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const cases = [
    {
      name: 'a file cut short is RELEASE_FILE_TRUNCATED',
      edit: (t: string) => t.slice(0, t.indexOf('<pcsRow codes="2">') + 40),
      code: 'RELEASE_FILE_TRUNCATED',
    },
    {
      name: 'a mismatched close tag is RELEASE_FILE_MALFORMED at its line',
      edit: (t: string) =>
        t.replace('<label code="K">Ascending Colon</label>', '<label code="K">Ascending Colon</lbl>'),
      code: 'RELEASE_FILE_MALFORMED',
      line: lineOf('Ascending Colon'),
    },
    {
      name: 'a row whose codes count disagrees with its axes is RELEASE_FILE_MALFORMED',
      edit: (t: string) => t.replace('<pcsRow codes="8">', '<pcsRow codes="9">'),
      code: 'RELEASE_FILE_MALFORMED',
      line: lineOf('<pcsRow codes="8">'),
    },
    {
      name: 'another kind of XML file is RELEASE_FILE_UNRECOGNISED',
      edit: (t: string) => t.replaceAll('ICD10PCS.tabular', 'ICD10PCS.index'),
      code: 'RELEASE_FILE_UNRECOGNISED',
    },
  ] as const;

  for (const c of cases) {
    it(c.name, async () => {
      const file = path.join(dir, 'icd10pcs_tables_bad.xml');
      await writeFile(file, c.edit(fixtureText));
      await assert.rejects(parsePcsTables(file), (e) => {
        assert.ok(isMedcodeError(e));
        assert.equal(e.code, c.code);
        assert.equal(e.location?.file, 'icd10pcs_tables_bad.xml');
        assert.ok(e.message.includes('icd10pcs_tables_bad.xml'));
        if ('line' in c) assert.equal(e.location?.line, c.line);
        return true;
      });
    });
  }

  it('a missing file is INVALID_INPUT naming it', async () => {
    await assert.rejects(parsePcsTables(path.join(dir, 'nope.xml')), { code: 'INVALID_INPUT' });
  });
});
