import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { icd10cmFixture, stringSource } from '../../../test/support/icd10cm.ts';
import { isMedcodeError } from '../../core/medcode-error.ts';
import { parseIcd10cmTabular, parseIcd10cmTabularFile } from './tabular-parser.ts';

const layer = await parseIcd10cmTabularFile(icd10cmFixture('tabular-mini.xml'), 'tabular-mini.xml');

describe('ICD-10-CM tabular parser', () => {
  it('reads chapters with their number, title and span', () => {
    const chapters = layer.groups.filter((g) => g.kind === 'chapter');
    assert.deepEqual(
      chapters.map((c) => [c.id, c.first, c.last]),
      [
        ['4', 'E00', 'E89'],
        ['10', 'J00', 'J99'],
        ['19', 'S00', 'T88'],
      ],
    );
    assert.equal(chapters[0]?.title, 'Endocrine, nutritional and metabolic diseases (E00-E89)');
  });

  it('reads blocks under their chapter, a single-category block as "T07-T07"', () => {
    const blocks = layer.groups.filter((g) => g.kind === 'block');
    assert.deepEqual(
      blocks.map((b) => [b.id, b.first, b.last, b.chapter]),
      [
        ['E08-E13', 'E08', 'E13', '4'],
        ['J40-J47', 'J40', 'J47', '10'],
        ['S70-S79', 'S70', 'S79', '19'],
        ['T07-T07', 'T07', 'T07', '19'],
      ],
    );
    const orders = layer.groups.map((g) => g.order);
    assert.deepEqual(
      orders,
      [...orders].sort((a, b) => a - b),
    );
  });

  it('attaches each note to its chapter, block or code, in order, with its type', () => {
    const of = (owner: string) => layer.notes.filter((n) => n.owner === owner).map((n) => [n.type, n.seq]);
    assert.deepEqual(of('E11'), [
      ['inclusionTerm', 0],
      ['useAdditionalCode', 1],
      ['excludes1', 2],
      ['excludes1', 3],
      ['excludes1', 4],
    ]);
    assert.deepEqual(of('4'), [
      ['notes', 0],
      ['excludes1', 1],
    ]);
    assert.deepEqual(of('T07-T07'), [['excludes1', 0]]);
    assert.deepEqual(of('T07'), [['excludes1', 0]]);
    assert.deepEqual(
      of('J44').map(([t]) => t),
      ['includes', 'codeAlso', 'useAdditionalCode', 'useAdditionalCode', 'excludes1'],
    );
  });

  it('parses the code ranges a note names', () => {
    const note = layer.notes.find((n) => n.owner === 'E1122' && n.type === 'useAdditionalCode');
    assert.deepEqual(note?.ranges, [{ first: 'N181', last: 'N186', text: 'N18.1-N18.6' }]);
    const excludes = layer.notes.filter((n) => n.owner === 'E11' && n.type === 'excludes1');
    assert.deepEqual(
      excludes.flatMap((n) => n.ranges.map((r) => r.first)),
      ['E08', 'O244', 'E10'],
    );
  });

  it('ignores the front matter of the introduction', () => {
    assert.ok(!layer.notes.some((n) => n.text.startsWith('Front matter')));
  });

  it('reads 7th characters of the category that defines them, with the notes under a character', () => {
    const s72 = layer.sevenths.filter((s) => s.owner === 'S72');
    assert.deepEqual(
      s72.map((s) => s.char),
      ['A', 'B', 'D', 'S'],
    );
    assert.equal(s72[0]?.meaning, 'initial encounter for closed fracture');
    assert.deepEqual(s72[1]?.notes, ['initial encounter for open fracture NOS']);
    assert.equal(s72[0]?.notes, undefined);
    assert.deepEqual(
      layer.sevenths.filter((s) => s.owner === 'T07').map((s) => s.char),
      ['A'],
    );
    assert.ok(layer.notes.some((n) => n.owner === 'S72' && n.type === 'sevenChrNote'));
  });

  it('lists the codes marked placeholder="true"', () => {
    assert.deepEqual(layer.placeholders, ['S728X']);
  });

  it('maps every code to its title, leaving out text the addenda mark as old', () => {
    assert.equal(layer.titles.get('E1122'), 'Type 2 diabetes mellitus with diabetic chronic kidney disease');
    assert.equal(layer.titles.get('E112'), 'Type 2 diabetes mellitus with kidney complications');
    assert.equal(layer.titles.get('S728X1'), 'Other fracture of right femur');
    assert.equal(layer.titles.size, 12);
  });

  it('gives the same result whatever the chunking of the source', async () => {
    const xml =
      '<ICD10CM.tabular><chapter><name>4</name><desc>Endocrine (E00-E89)</desc><diag><name>E11</name><desc>Type 2 diabetes</desc></diag></chapter></ICD10CM.tabular>';
    const whole = await parseIcd10cmTabular(stringSource(xml), 'x.xml');
    const split = await parseIcd10cmTabular(stringSource(...xml.match(/.{1,7}/gs)!), 'x.xml');
    assert.deepEqual(split, whole);
    assert.equal(whole.titles.get('E11'), 'Type 2 diabetes');
  });

  it('decodes UTF-8 characters split across byte chunks', async () => {
    const bytes = Buffer.from(
      '<ICD10CM.tabular><chapter><diag><name>M14.6</name><desc>Charcôt joint</desc></diag></chapter></ICD10CM.tabular>',
    );
    const at = bytes.indexOf('ô') + 1;
    async function* chunks(): AsyncIterable<Uint8Array> {
      yield bytes.subarray(0, at);
      yield bytes.subarray(at);
    }
    const parsed = await parseIcd10cmTabular(chunks(), 'x.xml');
    assert.equal(parsed.titles.get('M146'), 'Charcôt joint');
  });
});

describe('ICD-10-CM tabular parser errors', () => {
  it('reports a mismatched tag as malformed, with file and line', async () => {
    await assert.rejects(
      parseIcd10cmTabularFile(icd10cmFixture('tabular-mismatched.xml'), 'tabular-mismatched.xml'),
      (e) => {
        assert.ok(isMedcodeError(e));
        assert.equal(e.code, 'RELEASE_FILE_MALFORMED');
        assert.equal(e.location?.file, 'tabular-mismatched.xml');
        assert.equal(e.location?.line, 9);
        assert.match(e.message, /tabular-mismatched\.xml.*line 9/);
        return true;
      },
    );
  });

  it('reports a file cut short as truncated, with the line where it ends', async () => {
    const xml = '<ICD10CM.tabular>\n<chapter>\n<name>4</name>\n<diag>\n<name>E1';
    await assert.rejects(parseIcd10cmTabular(stringSource(xml), 'cut.xml'), (e) => {
      assert.ok(isMedcodeError(e));
      assert.equal(e.code, 'RELEASE_FILE_TRUNCATED');
      assert.equal(e.location?.line, 5);
      return true;
    });
  });

  it('refuses a document that is not a tabular', async () => {
    await assert.rejects(
      parseIcd10cmTabular(stringSource('<ICD10CM.index></ICD10CM.index>'), 'index.xml'),
      (e) => {
        assert.ok(isMedcodeError(e));
        assert.equal(e.code, 'RELEASE_FILE_UNRECOGNISED');
        return true;
      },
    );
  });
});
