/**
 * Parser of the ICD-10-CM conversion table (ICD-10-CM-CONVERSION-TABLE-FYyyyy.xlsx): for every code created
 * since FY2016, the fiscal year it took effect and the previous code(s) it took over from. The file is a
 * spreadsheet: a zip holding the shared strings and one worksheet, read here without a spreadsheet library.
 */
import { unzipSync } from 'fflate';
import { MedcodeError } from '../../core/medcode-error.ts';
import { normalizeCode } from '../../terminology/code-system.ts';
import type { ConversionEntry } from '../../terminology/model.ts';

const CODE = /\b[A-Z]\d[0-9A-Z](?:\.?[0-9A-Z]{1,4})?\b/g;

const decodeXml = (s: string): string =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Rows of the first worksheet as text cells keyed by column letter. */
function readSheet(bytes: Uint8Array, name: string): Record<string, string>[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => f.name === 'xl/sharedStrings.xml' || f.name === 'xl/worksheets/sheet1.xml',
    });
  } catch (e) {
    throw new MedcodeError('RELEASE_FILE_TRUNCATED', `spreadsheet cannot be read: ${(e as Error).message}`, {
      location: { file: name },
      hint: 'The file is damaged or incomplete; download it again.',
    });
  }
  const sheet = files['xl/worksheets/sheet1.xml'];
  if (!sheet) {
    throw new MedcodeError('RELEASE_FILE_MALFORMED', 'spreadsheet has no first worksheet', {
      location: { file: name },
    });
  }
  const text = (b: Uint8Array | undefined): string => (b ? Buffer.from(b).toString('utf8') : '');
  const strings = [...text(files['xl/sharedStrings.xml']).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    decodeXml(m[1]!),
  );
  return [...text(sheet).matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)].map((row) => {
    const cells: Record<string, string> = {};
    for (const c of row[1]!.matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const v = /<v>([\s\S]*?)<\/v>/.exec(c[3] ?? '')?.[1] ?? /<t[^>]*>([\s\S]*?)<\/t>/.exec(c[3] ?? '')?.[1];
      if (v === undefined) continue;
      cells[c[1]!] = /t="s"/.test(c[2]!) ? (strings[Number(v)] ?? '') : decodeXml(v);
    }
    return cells;
  });
}

/** The table's entries; throws RELEASE_FILE_MALFORMED when the header row is not found. */
export function parseConversionTable(bytes: Uint8Array, name: string): ConversionEntry[] {
  const rows = readSheet(bytes, name);
  const header = rows.findIndex(
    (r) => /current code/i.test(r['A'] ?? '') && /previous code/i.test(r['C'] ?? ''),
  );
  if (header < 0) {
    throw new MedcodeError(
      'RELEASE_FILE_MALFORMED',
      'no "Current code assignment / Previous Code(s) Assignment" header row',
      {
        location: { file: name },
        hint: 'Is this the ICD-10-CM conversion table published with the release?',
      },
    );
  }
  const out: ConversionEntry[] = [];
  for (const r of rows.slice(header + 1)) {
    const current = (r['A'] ?? '').trim().match(CODE)?.[0];
    const year = Number((r['B'] ?? '').trim().slice(0, 4));
    const previous = [...(r['C'] ?? '').matchAll(CODE)].map((m) => normalizeCode(m[0]));
    if (current && Number.isInteger(year) && year > 2000 && previous.length > 0) {
      out.push({ current: normalizeCode(current), year, previous });
    }
  }
  return out;
}
