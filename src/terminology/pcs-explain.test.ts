import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { repoRoot } from '../../test/support/shared-data.ts';
import { parsePcsDefinitions } from '../releases/icd10pcs/definitions-parser.ts';
import { parsePcsTables } from '../releases/icd10pcs/tables-parser.ts';
import type { PcsDefinition, PcsTable } from './model.ts';
import { explainPcsCode } from './pcs-explain.ts';

const fixtures = path.join(repoRoot, 'test/fixtures/pcs');

describe('ICD-10-PCS code explanation (fixture tables)', () => {
  let tables = new Map<string, PcsTable>();
  let definitions: readonly PcsDefinition[] = [];
  before(async () => {
    const parsed = await parsePcsTables(path.join(fixtures, 'tables-mini.xml'));
    tables = new Map(parsed.tables.map((t) => [t.key, t]));
    definitions = (await parsePcsDefinitions(path.join(fixtures, 'definitions-mini.xml'))).definitions;
  });
  const explain = (code: string) => explainPcsCode(code, tables.get(code.slice(0, 3)), definitions);

  it('explains every character with its axis, label and definitions', () => {
    const e = explain('0DTJ4ZZ');
    assert.equal(e.valid, true);
    assert.deepEqual(e.reasons, []);
    assert.deepEqual(
      e.characters.map((c) => [c.pos, c.axisTitle, c.value, c.label]),
      [
        [1, 'Section', '0', 'Medical and Surgical'],
        [2, 'Body System', 'D', 'Gastrointestinal System'],
        [3, 'Operation', 'T', 'Resection'],
        [4, 'Body Part', 'J', 'Appendix'],
        [5, 'Approach', '4', 'Percutaneous Endoscopic'],
        [6, 'Device', 'Z', 'No Device'],
        [7, 'Qualifier', 'Z', 'No Qualifier'],
      ],
    );
    assert.match(e.characters[2]?.definition ?? '', /^Cutting out or off/);
    assert.deepEqual(e.characters[3]?.includes, ['Vermiform appendix', 'Appendiceal orifice']);
    assert.match(e.characters[4]?.definition ?? '', /^Entry, by puncture/);
  });

  it('uses the axis titles of the section (Imaging has Type and Contrast)', () => {
    const e = explain('BW01ZZZ');
    assert.equal(e.valid, true);
    assert.deepEqual(
      e.characters.map((c) => c.axisTitle),
      ['Section', 'Body System', 'Type', 'Body Part', 'Contrast', 'Qualifier', 'Qualifier'],
    );
  });

  const invalid = [
    {
      code: '0DTJ4JZ',
      reason:
        "character 6 'J' is not a valid Device for body part 'J' in table 0DT; valid here: Z (No Device)",
    },
    {
      code: '0DTJ0ZG',
      reason:
        "character 7 'G' is not a valid Qualifier for body part 'J' with approach '0' and device 'Z' in table 0DT; valid here: Z (No Qualifier)",
    },
    {
      code: '0DTP0ZZ',
      reason:
        "character 4 'P' is not a valid Body Part in table 0DT; valid here: J (Appendix), K (Ascending Colon), S (Anus & Sphincter)",
    },
    {
      code: '0DTS3JZ',
      reason:
        "character 5 '3' is not a valid Approach for body part 'S' in table 0DT; valid here: 0 (Open), 4 (Percutaneous Endoscopic)",
    },
    { code: '0DX1234', reason: "there is no table '0DX' in this release" },
    { code: '0DTJ4Z', reason: "an ICD-10-PCS code has 7 characters; '0DTJ4Z' has 6" },
  ];
  for (const { code, reason } of invalid) {
    it(`refuses ${code}: ${reason.split(';')[0]}`, () => {
      const e = explain(code);
      assert.equal(e.valid, false);
      assert.deepEqual(e.reasons, [reason]);
    });
  }

  it('still labels the characters of a combination that no row allows', () => {
    const e = explain('0DTJ4JZ');
    assert.equal(e.characters[5]?.label, 'Synthetic Substitute');
    assert.equal(e.characters[3]?.label, 'Appendix');
  });

  it('refuses the letters I and O, which ICD-10-PCS never uses', () => {
    const e = explain('0DTJ4ZO');
    assert.equal(e.valid, false);
    assert.match(e.reasons[0] ?? '', /character 7 'O' is not used in ICD-10-PCS/);
  });

  it('reads a code typed with lower case letters', () => {
    assert.equal(explainPcsCode('0dtj4zz', tables.get('0DT'), definitions).valid, true);
  });
});
