import assert from 'node:assert/strict';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { isMedcodeError } from '../../../src/core/medcode-error.ts';
import { parsePcsDefinitions } from '../../../src/releases/icd10pcs/definitions-parser.ts';
import { detectPcsFile } from '../../../src/releases/icd10pcs/detect.ts';
import { parsePcsTables } from '../../../src/releases/icd10pcs/tables-parser.ts';
import { detectHcpcsFile } from '../../../src/releases/hcpcs/detect.ts';
import { hasSharedData, sharedData } from '../../support/shared-data.ts';

const skip = !hasSharedData() && 'shared data not present';

async function headOf(file: string): Promise<Buffer> {
  const handle = await open(file);
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

describe('ICD-10-PCS definitions on the real release files', { skip }, () => {
  for (const year of ['2025', '2026']) {
    it(`FY${year} defines every operation of section 0 that the tables use`, async () => {
      const { definitions } = await parsePcsDefinitions(
        sharedData('icd10pcs', year, `icd10pcs_definitions_${year}.xml`),
      );
      const { tables } = await parsePcsTables(sharedData('icd10pcs', year, `icd10pcs_tables_${year}.xml`));
      const defined = new Set(definitions.filter((d) => d.section === '0' && d.pos === 3).map((d) => d.term));
      const used = new Set(
        tables.filter((t) => t.key.startsWith('0')).map((t) => t.axes[2]?.values[0]?.label),
      );
      assert.deepEqual(
        [...used].filter((op) => !defined.has(op ?? '')),
        [],
      );
      assert.equal(new Set(definitions.map((d) => d.section)).size, 16);
    });
  }
});

describe('recognising the real release files from their first 4 KB', { skip }, () => {
  const files = [
    { file: ['icd10pcs', '2025', 'icd10pcs_tables_2025.xml'], expected: { kind: 'pcs-tables', year: 2025 } },
    { file: ['icd10pcs', '2026', 'icd10pcs_tables_2026.xml'], expected: { kind: 'pcs-tables', year: 2026 } },
    { file: ['icd10pcs', '2025', 'icd10pcs_index_2025.xml'], expected: { kind: 'pcs-index', year: 2025 } },
    {
      file: ['icd10pcs', '2026', 'icd10pcs_definitions_2026.xml'],
      expected: { kind: 'pcs-definitions', year: 2026 },
    },
  ];
  for (const { file, expected } of files) {
    it(`${file.at(-1)} is ${expected.kind} ${expected.year}`, async () => {
      assert.deepEqual(detectPcsFile(await headOf(sharedData(...file))), expected);
      assert.equal(detectHcpcsFile(await headOf(sharedData(...file))), undefined);
    });
  }

  it('the HCPCS annual file is recognised, its year read from its name', async () => {
    const file = sharedData('hcpcs', '2025', 'HCPC2025_JAN_ANWEB_12172024.txt');
    const head = await headOf(file);
    assert.deepEqual(detectHcpcsFile(head, path.basename(file)), {
      kind: 'hcpcs-annual',
      year: 2025,
      yearFrom: 'file-name',
    });
    assert.equal(detectHcpcsFile(head)?.kind, 'hcpcs-annual');
    assert.equal(detectPcsFile(head), undefined);
  });
});

describe('a truncated copy of a real tables file', { skip }, () => {
  it('is RELEASE_FILE_TRUNCATED naming the copy and the line where it ends', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'medcode-pcs-real-'));
    try {
      const text = await readFile(sharedData('icd10pcs', '2026', 'icd10pcs_tables_2026.xml'), 'utf8');
      const cut = text.slice(0, Math.floor(text.length / 2));
      const file = path.join(dir, 'icd10pcs_tables_2026.xml');
      await writeFile(file, cut);
      await assert.rejects(parsePcsTables(file, 'copy/icd10pcs_tables_2026.xml'), (e) => {
        assert.ok(isMedcodeError(e));
        assert.equal(e.code, 'RELEASE_FILE_TRUNCATED');
        assert.equal(e.location?.file, 'copy/icd10pcs_tables_2026.xml');
        assert.equal(e.location?.line, cut.split('\n').length);
        return true;
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
