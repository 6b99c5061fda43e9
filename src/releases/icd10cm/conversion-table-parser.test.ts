import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { parseConversionTable } from './conversion-table-parser.ts';

/** A minimal spreadsheet in the layout of the CDC conversion table (shared strings + one sheet). */
function xlsx(rows: string[][]): Uint8Array {
  const strings: string[] = [];
  const idx = (s: string): number => (strings.includes(s) ? strings.indexOf(s) : strings.push(s) - 1);
  const sheetRows = rows
    .map(
      (r, i) =>
        `<row r="${i + 1}">${r.map((v, j) => `<c r="${'ABC'[j]}${i + 1}" t="s"><v>${idx(v)}</v></c>`).join('')}</row>`,
    )
    .join('');
  return zipSync({
    'xl/sharedStrings.xml': strToU8(`<sst>${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${sheetRows}</sheetData></worksheet>`),
  });
}

describe('ICD-10-CM conversion table', () => {
  it('reads current codes, their year and the previous codes after the header row', () => {
    const bytes = xlsx([
      ['The National Center for Health Statistics has published...'],
      ['Current code assignment', 'Effective', 'Previous Code(s) Assignment'],
      ['A04.71', '2017', 'A04.7'],
      ['T78.070A', '2026', 'T78.07XA'],
      ['X99.9', '2026', 'None &amp; none'],
    ]);
    assert.deepEqual(parseConversionTable(bytes, 'conv.xlsx'), [
      { current: 'A0471', year: 2017, previous: ['A047'] },
      { current: 'T78070A', year: 2026, previous: ['T7807XA'] },
    ]);
  });

  it('refuses a spreadsheet without the conversion-table header, naming the file', () => {
    assert.throws(
      () => parseConversionTable(xlsx([['Code', 'Title']]), 'other.xlsx'),
      (e: Error & { code?: string; location?: { file?: string } }) =>
        e.code === 'RELEASE_FILE_MALFORMED' && e.location?.file === 'other.xlsx',
    );
  });

  it('refuses bytes that are not a spreadsheet', () => {
    assert.throws(() => parseConversionTable(new Uint8Array([1, 2, 3]), 'x.xlsx'), /cannot be read/);
  });
});
