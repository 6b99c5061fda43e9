import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parsePcsDefinitions } from '../../../src/releases/icd10pcs/definitions-parser.ts';
import { expandPcsTables, parsePcsTables } from '../../../src/releases/icd10pcs/tables-parser.ts';
import type { PcsDefinition, PcsTable } from '../../../src/terminology/model.ts';
import { explainPcsCode } from '../../../src/terminology/pcs-explain.ts';
import { hasSharedData, sharedData } from '../../support/shared-data.ts';

const skip = !hasSharedData() && 'shared data not present';

describe('ICD-10-PCS explanation on the FY2026 tables and definitions', { skip }, () => {
  let tables: readonly PcsTable[] = [];
  let byKey = new Map<string, PcsTable>();
  let definitions: readonly PcsDefinition[] = [];
  before(async () => {
    tables = (await parsePcsTables(sharedData('icd10pcs', '2026', 'icd10pcs_tables_2026.xml'))).tables;
    byKey = new Map(tables.map((t) => [t.key, t]));
    const defs = await parsePcsDefinitions(sharedData('icd10pcs', '2026', 'icd10pcs_definitions_2026.xml'));
    definitions = defs.definitions;
  });
  const explain = (code: string) => explainPcsCode(code, byKey.get(code.slice(0, 3)), definitions);

  it('explains 0DTJ4ZZ axis by axis', () => {
    const e = explain('0DTJ4ZZ');
    assert.equal(e.valid, true);
    assert.deepEqual(
      e.characters.map((c) => `${c.axisTitle}: ${c.label}`),
      [
        'Section: Medical and Surgical',
        'Body System: Gastrointestinal System',
        'Operation: Resection',
        'Body Part: Appendix',
        'Approach: Percutaneous Endoscopic',
        'Device: No Device',
        'Qualifier: No Qualifier',
      ],
    );
    assert.match(e.characters[2]?.definition ?? '', /without replacement, all of a body part/);
    assert.ok(e.characters[3]?.includes?.includes('Vermiform appendix'));
    assert.match(e.characters[4]?.definition ?? '', /puncture or minor incision/);
  });

  it('refuses a device the appendix rows do not allow, naming the body part', () => {
    const e = explain('0DTJ4JZ');
    assert.equal(e.valid, false);
    assert.match(
      e.reasons[0] ?? '',
      /^character 6 'J' is not a valid Device for body part 'J' in table 0DT; /,
    );
  });

  it('finds every expanded code valid and each one-character change outside the rows invalid', () => {
    const sample = [...expandPcsTables(tables)].filter((_, i) => i % 997 === 0);
    for (const code of sample) assert.deepEqual(explain(code).reasons, [], code);
    const valid = new Set(expandPcsTables(tables));
    for (const code of sample) {
      const changed = code.slice(0, 6) + (code.endsWith('Z') ? 'X' : 'Z');
      assert.equal(explain(changed).valid, valid.has(changed), changed);
    }
  });
});
