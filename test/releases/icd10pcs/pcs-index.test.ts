import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePcsIndex } from '../../../src/releases/icd10pcs/index-parser.ts';
import { expandPcsTables, parsePcsTables } from '../../../src/releases/icd10pcs/tables-parser.ts';
import { hasSharedData, sharedData } from '../../support/shared-data.ts';

const skip = !hasSharedData() && 'shared data not present';

describe('ICD-10-PCS FY2025 index', { skip }, () => {
  it('reads every main term and subterm, and its references point into the FY2025 tables', async () => {
    const { terms } = await parsePcsIndex(sharedData('icd10pcs', '2025', 'icd10pcs_index_2025.xml'));
    assert.equal(terms.filter((t) => t.level === 0).length, 3_215);
    assert.equal(terms.length, 3_215 + 21_269);
    const { tables } = await parsePcsTables(sharedData('icd10pcs', '2025', 'icd10pcs_tables_2025.xml'));
    const valid = new Set(expandPcsTables(tables));
    // <codes> and <tab> name a prefix of 3 to 6 characters (a table, a body part, sometimes more).
    const prefixes = new Set([...valid].flatMap((c) => [3, 4, 5, 6].map((n) => c.slice(0, n))));
    const badCodes = terms.filter((t) => t.code && !valid.has(t.code)).map((t) => t.code);
    // PROVENANCE: the index itself names two codes that are not in the FY2025 order file.
    assert.deepEqual(badCodes.sort(), ['5A0512C', '5A0522C']);
    assert.deepEqual(
      terms.filter((t) => t.codes && !prefixes.has(t.codes)).map((t) => t.codes),
      [],
    );
  });

  it('leads Abortion > Laminaria to 10A07ZW', async () => {
    const { terms } = await parsePcsIndex(sharedData('icd10pcs', '2025', 'icd10pcs_index_2025.xml'));
    const abortion = terms.find((t) => t.level === 0 && t.title === 'Abortion');
    const laminaria = terms.find((t) => t.parent === abortion?.id && t.title === 'Laminaria');
    assert.equal(laminaria?.code, '10A07ZW');
  });
});
