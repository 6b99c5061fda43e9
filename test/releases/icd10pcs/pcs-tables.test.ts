import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandPcsTables, parsePcsTables } from '../../../src/releases/icd10pcs/tables-parser.ts';
import { hasSharedData, sharedData } from '../../support/shared-data.ts';
import { validCodesOfOrderFile } from './pcs-order-codes.ts';

const skip = !hasSharedData() && 'shared data not present';

describe('ICD-10-PCS tables on the real release files', { skip }, () => {
  const years = [
    { year: '2025', expected: 78_948 },
    { year: '2026', expected: 79_115 },
  ];
  for (const { year, expected } of years) {
    it(`FY${year} tables expand to exactly the valid codes of the order file`, async () => {
      const { tables } = await parsePcsTables(sharedData('icd10pcs', year, `icd10pcs_tables_${year}.xml`));
      const expanded = [...expandPcsTables(tables)];
      const fromOrder = await validCodesOfOrderFile(
        sharedData('icd10pcs', year, `icd10pcs_order_${year}.txt`),
      );
      assert.equal(expanded.length, expected);
      assert.equal(new Set(expanded).size, expected, 'no code comes from two rows');
      assert.equal(fromOrder.size, expected);
      assert.deepEqual(
        expanded.filter((c) => !fromOrder.has(c)),
        [],
      );
    });
  }

  it('FY2026 table 0DT names its axes and defines Resection', async () => {
    const { tables } = await parsePcsTables(sharedData('icd10pcs', '2026', 'icd10pcs_tables_2026.xml'));
    const table = tables.find((t) => t.key === '0DT');
    assert.deepEqual(
      table?.axes.map((a) => [a.title, a.values[0]?.label]),
      [
        ['Section', 'Medical and Surgical'],
        ['Body System', 'Gastrointestinal System'],
        ['Operation', 'Resection'],
      ],
    );
    assert.match(table?.axes[2]?.values[0]?.definition ?? '', /^Cutting out or off, without replacement/);
    assert.equal(new Set(tables.map((t) => t.key)).size, tables.length, 'table keys are unique');
  });
});
