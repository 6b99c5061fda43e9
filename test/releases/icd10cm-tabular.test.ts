import assert from 'node:assert/strict';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isMedcodeError } from '../../src/core/medcode-error.ts';
import type { TabularLayer } from '../../src/releases/icd10cm/tabular-parser.ts';
import { parseIcd10cmTabularFile } from '../../src/releases/icd10cm/tabular-parser.ts';
import { codeInRange } from '../../src/terminology/note-ranges.ts';
import { hasSharedData, sharedData } from '../support/shared-data.ts';

const skip = !hasSharedData() && 'shared data not present';
const file = sharedData('icd10cm', '2023', 'icd10cm_tabular_2023.xml');

describe('FY2023 ICD-10-CM tabular XML', { skip }, () => {
  let layer: TabularLayer;
  before(async () => {
    layer = await parseIcd10cmTabularFile(file, 'icd10cm_tabular_2023.xml');
  });

  it('has 22 chapters, numbered 1 to 22, each with a span', () => {
    const chapters = layer.groups.filter((g) => g.kind === 'chapter');
    assert.deepEqual(
      chapters.map((c) => c.id),
      Array.from({ length: 22 }, (_, i) => String(i + 1)),
    );
    assert.ok(chapters.every((c) => /^[A-Z]\d[0-9A-Z]$/.test(c.first) && /^[A-Z]\d[0-9A-Z]$/.test(c.last)));
    const pregnancy = chapters.find((c) => c.id === '15');
    assert.deepEqual([pregnancy?.first, pregnancy?.last], ['O00', 'O9A']);
  });

  it('has every block of the section indexes, in a chapter, single-category ones included', () => {
    const blocks = layer.groups.filter((g) => g.kind === 'block');
    assert.equal(blocks.length, 296);
    assert.ok(blocks.every((b) => b.chapter !== undefined && b.id === `${b.first}-${b.last}`));
    const c50 = blocks.find((b) => b.id === 'C50-C50');
    assert.equal(c50?.title, 'Malignant neoplasms of breast (C50)');
    assert.equal(c50?.chapter, '2');
  });

  it('has a title for every diag', () => {
    assert.equal(layer.titles.size, 45869);
    assert.equal(layer.titles.get('E1122'), 'Type 2 diabetes mellitus with diabetic chronic kidney disease');
  });

  it('E11.22 tells to use an additional code for the CKD stage, N18.1-N18.6', () => {
    const notes = layer.notes.filter((n) => n.owner === 'E1122' && n.type === 'useAdditionalCode');
    const ranges = notes.flatMap((n) => n.ranges);
    assert.ok(ranges.some((r) => r.first === 'N181' && r.last === 'N186'));
    assert.ok(ranges.some((r) => codeInRange('N184', r)));
  });

  it('E11 has Excludes1 notes naming E08 and E10', () => {
    const ranges = layer.notes
      .filter((n) => n.owner === 'E11' && n.type === 'excludes1')
      .flatMap((n) => n.ranges);
    assert.ok(ranges.some((r) => codeInRange('E0822', r)));
    assert.ok(ranges.some((r) => codeInRange('E109', r)));
    assert.ok(!ranges.some((r) => codeInRange('E119', r)));
  });

  it('J44 has includes, code also, use additional code and Excludes1 notes', () => {
    const types = new Set(layer.notes.filter((n) => n.owner === 'J44').map((n) => n.type));
    for (const t of ['includes', 'codeAlso', 'useAdditionalCode', 'excludes1'] as const)
      assert.ok(types.has(t), t);
  });

  it('S72 defines the 7th characters A to S of a fracture', () => {
    const chars = layer.sevenths.filter((s) => s.owner === 'S72').map((s) => s.char);
    assert.deepEqual(chars, ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'M', 'N', 'P', 'Q', 'R', 'S']);
    assert.ok(layer.notes.some((n) => n.owner === 'S72' && n.type === 'sevenChrNote'));
  });

  it('reads note ranges that name codes of the order file, but for five references of the source to codes it does not have', async () => {
    const text = await readFile(sharedData('icd10cm', '2023', 'icd10cm-order-2023.txt'), 'latin1');
    const prefixes = new Set<string>();
    for (const line of text.split('\n')) {
      const code = line.slice(6, 13).trim();
      for (let i = 3; i <= code.length; i++) prefixes.add(code.slice(0, i));
    }
    const known = (c: string) => prefixes.has(c) || (c.length === 7 && prefixes.has(c.slice(0, 6)));
    // "(E08-E13 with .52)" is expanded over every category of the range, E12 included, which does not exist.
    const unknown = layer.notes
      .flatMap((n) => n.ranges)
      .filter((r) => !r.text.includes(' with '))
      .flatMap((r) => [r.first, r.last])
      .filter((c) => !known(c));
    assert.deepEqual([...new Set(unknown)].sort(), ['I64', 'K93', 'R6383', 'V94X', 'Y89']);
  });

  it('lists placeholder-X codes and no others', () => {
    assert.equal(layer.placeholders.length, 244);
    assert.ok(layer.placeholders.includes('T360X'));
    assert.ok(layer.placeholders.every((c) => c.includes('X')));
  });
});

describe('a cut-short FY2023 tabular XML', { skip }, () => {
  let dir: string;
  const bytes = 1_000_000;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'medcode-cm-'));
    const handle = await open(file);
    const { buffer } = await handle.read(Buffer.alloc(bytes), 0, bytes, 0);
    await handle.close();
    await writeFile(path.join(dir, 'cut.xml'), buffer);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('is reported as truncated with the last line read', async () => {
    const cut = path.join(dir, 'cut.xml');
    const expectedLine = (await readFile(cut, 'latin1')).split('\n').length;
    await assert.rejects(parseIcd10cmTabularFile(cut, 'cut.xml'), (e) => {
      assert.ok(isMedcodeError(e));
      assert.equal(e.code, 'RELEASE_FILE_TRUNCATED');
      assert.equal(e.location?.file, 'cut.xml');
      assert.equal(e.location?.line, expectedLine);
      assert.match(e.describe(), /cut\.xml, line \d+/);
      return true;
    });
  });
});
