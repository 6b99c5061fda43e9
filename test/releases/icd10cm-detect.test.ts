import assert from 'node:assert/strict';
import { open } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { detectIcd10cmXml, DETECT_BYTES } from '../../src/releases/icd10cm/detect.ts';
import { hasSharedData, sharedData } from '../support/shared-data.ts';

const skip = !hasSharedData() && 'shared data not present';

async function head(...parts: string[]): Promise<Uint8Array> {
  const handle = await open(sharedData(...parts));
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(DETECT_BYTES), 0, DETECT_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

describe('recognising the official ICD-10-CM XML files by content', { skip }, () => {
  const cases: [string, string, string, number][] = [
    ['2023', 'icd10cm_tabular_2023.xml', 'tabular', 2023],
    ['2023', 'icd10cm_index_2023.xml', 'index', 2023],
    ['2025', 'icd-10-cm-eindex-2025.xml', 'eindex', 2025],
    ['2025', 'icd-10-cm-drug-2025.xml', 'drug', 2025],
    ['2025', 'icd-10-cm-neoplasm-2025.xml', 'neoplasm', 2025],
    ['2026', 'icd10cm-eindex-April-1-2026-XML.xml', 'eindex', 2026],
    ['2026', 'icd10cm-drug-April-1-2026-XML.xml', 'drug', 2026],
    ['2026', 'icd10cm-neoplasm-April-1-2026-XML.xml', 'neoplasm', 2026],
  ];
  for (const [year, file, kind, version] of cases) {
    it(`${file} is the ${kind} XML of ${version}`, async () => {
      assert.deepEqual(detectIcd10cmXml(await head('icd10cm', year, file)), { kind, year: version });
    });
  }

  it('does not take ICD-10-PCS XML or the order file for ICD-10-CM XML', async () => {
    for (const parts of [
      ['icd10pcs', '2025', 'icd10pcs_tables_2025.xml'],
      ['icd10pcs', '2025', 'icd10pcs_index_2025.xml'],
      ['icd10cm', '2023', 'icd10cm-order-2023.txt'],
    ]) {
      assert.equal(detectIcd10cmXml(await head(...parts)), undefined, parts.join('/'));
    }
  });
});
