import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { hasSharedData, sharedData } from '../../test/support/shared-data.ts';
import { parseOrderFile } from './order-file-parser.ts';

const pad = (s: string, n: number): string => s.padEnd(n, ' ');
const line = (n: number, code: string, flag: 0 | 1, title: string): string =>
  `${String(n).padStart(5, '0')} ${pad(code, 7)} ${flag} ${pad(title.slice(0, 60), 60)} ${title}\r\n`;

const mini =
  line(1, 'E11', 0, 'Type 2 diabetes mellitus') +
  line(2, 'E112', 0, 'Type 2 diabetes mellitus with kidney complications') +
  line(3, 'E1122', 1, 'Type 2 diabetes mellitus with diabetic chronic kidney disease') +
  line(4, 'E119', 1, 'Type 2 diabetes mellitus without complications') +
  line(5, 'S72001', 0, 'Fracture of unspecified part of neck of right femur') +
  line(6, 'S72001A', 1, 'Fracture of unsp part of neck of right femur, init');

describe('order file parser', () => {
  it('links each code to the longest earlier code that prefixes it', () => {
    const { codes } = parseOrderFile(mini, 'icd10cm', 'mini.txt');
    const parents = Object.fromEntries(codes.map((c) => [c.code, c.parent ?? null]));
    assert.deepEqual(parents, {
      E11: null,
      E112: 'E11',
      E1122: 'E112',
      E119: 'E11',
      S72001: null,
      S72001A: 'S72001',
    });
    assert.deepEqual(
      codes.map((c) => c.kind),
      ['category', 'subcategory', 'code', 'code', 'subcategory', 'code'],
    );
  });

  it('refuses a file cut in the middle of a line, naming the line', () => {
    const cut = mini.slice(0, mini.length - 20);
    assert.throws(
      () => parseOrderFile(cut, 'icd10cm', 'cut.txt'),
      (e: Error & { code?: string }) => e.code === 'RELEASE_FILE_TRUNCATED' && /line 6/.test(e.message),
    );
  });

  it('refuses a line that is not an order record, naming file and line', () => {
    const bad = mini + 'hello world\r\n';
    assert.throws(
      () => parseOrderFile(bad, 'icd10cm', 'bad.txt'),
      (e: Error & { code?: string }) => e.code === 'RELEASE_FILE_MALFORMED' && /line 7/.test(e.message),
    );
  });

  it(
    'reads the real FY2025 and FY2026 ICD-10-CM order files with their billable counts',
    { skip: !hasSharedData() },
    () => {
      for (const [year, billable] of [
        [2025, 74260],
        [2026, 74719],
      ] as const) {
        const text = readFileSync(sharedData('icd10cm', String(year), `icd10cm_order_${year}.txt`), 'utf8');
        const { codes } = parseOrderFile(text, 'icd10cm', `icd10cm_order_${year}.txt`);
        assert.equal(codes.filter((c) => c.billable).length, billable);
      }
    },
  );
});
