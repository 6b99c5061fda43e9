/**
 * Parser of the CMS/CDC "order" files (icd10cm_order_YYYY.txt, icd10pcs_order_YYYY.txt): one line per code,
 * billable or header, in tabular order. Layout (icd10OrderFiles.pdf): order number (5, zero-padded), blank,
 * code (7, left-justified, no dot), blank, billable flag (1: 0 header, 1 valid for HIPAA transactions),
 * blank, short title (60), blank, long title (to end of line).
 */
import { MedcodeError } from '../core/medcode-error.ts';
import type { CodeSystem } from '../terminology/code-system.ts';
import type { CodeKind, CodeRecord } from '../terminology/model.ts';

const LINE = /^(\d{5}) ([0-9A-Z]{3,7}) {0,4} ([01]) (.{60}) ?(.*)$/;

export interface OrderFile {
  readonly codes: CodeRecord[];
  /** Lines read, for provenance and counts. */
  readonly lines: number;
}

function kindOf(system: CodeSystem, code: string, billable: boolean): CodeKind {
  if (system === 'icd10pcs') return code.length === 3 ? 'table' : 'code';
  if (code.length === 3) return 'category';
  return billable ? 'code' : 'subcategory';
}

/** Parses the text of an order file. `name` is used in error messages. */
export function parseOrderFile(text: string, system: CodeSystem, name: string): OrderFile {
  if (text.length > 0 && !text.endsWith('\n')) {
    const line = countLines(text);
    throw new MedcodeError('RELEASE_FILE_TRUNCATED', `order file ends in the middle of line ${line}`, {
      location: { file: name, line, byteOffset: Buffer.byteLength(text) },
      hint: 'The file is incomplete; download the release again (medcode releases fetch) and re-import.',
    });
  }
  const codes: CodeRecord[] = [];
  // Ancestors of the current line: each line's parent is the longest earlier code that prefixes it.
  const stack: string[] = [];
  let lineNo = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    start = end + 1;
    lineNo++;
    if (raw.trim() === '') continue;
    const m = LINE.exec(raw);
    if (!m) {
      throw new MedcodeError('RELEASE_FILE_MALFORMED', `line ${lineNo} is not an order-file record`, {
        location: { file: name, line: lineNo },
        hint: 'Expected "NNNNN CODE    F short-title long-title" (CMS order-file layout). Is this the right file?',
      });
    }
    const code = m[2]!;
    const billable = m[3] === '1';
    while (stack.length > 0 && !code.startsWith(stack[stack.length - 1]!)) stack.pop();
    const parent = stack[stack.length - 1];
    const shortTitle = m[4]!.trimEnd();
    codes.push({
      code,
      kind: kindOf(system, code, billable),
      billable,
      title: m[5]!.trim() || shortTitle,
      shortTitle,
      ...(parent === undefined ? {} : { parent }),
      order: Number(m[1]),
    });
    stack.push(code);
  }
  if (codes.length === 0) {
    throw new MedcodeError('RELEASE_FILE_MALFORMED', 'order file has no records', {
      location: { file: name, line: 1 },
    });
  }
  return { codes, lines: lineNo };
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
