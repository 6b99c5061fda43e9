/**
 * Recognises an HCPCS Level II annual file from its head (the first few KB) and, optionally, its name.
 * The year comes from the CMS file name ("HCPC2025_JAN_ANWEB_....txt") when given; otherwise it is guessed
 * from the content as the latest action effective date in the head, which is only a lower bound (the
 * records are in code order, so the head may hold only older dates). The full parse gives the true year.
 */
import { yearFromName } from '../file-kind.ts';
import { HCPCS_FIELDS as F, HCPCS_RECORD_LENGTH, RECORD_IDS, fieldText } from './hcpcs-record-layout.ts';

export interface HcpcsFileDetection {
  readonly kind: 'hcpcs-annual';
  readonly year?: number;
  /** Where the year came from: the file name (reliable) or the head's dates (a lower bound). */
  readonly yearFrom?: 'file-name' | 'content';
}

/** Says whether a head of text or bytes is an HCPCS annual file (320-character records), or undefined. */
export function detectHcpcsFile(
  head: string | Uint8Array,
  fileName?: string,
): HcpcsFileDetection | undefined {
  const text = typeof head === 'string' ? head : new TextDecoder('latin1').decode(head);
  // The last line of a head is usually cut; judge the complete ones.
  const lines = text
    .split(/\r?\n/)
    .slice(0, -1)
    .filter((l) => l.trim() !== '');
  if (lines.length === 0 || !lines.every(isRecord)) return undefined;
  const named = fileName === undefined ? undefined : yearFromName(fileName);
  if (named !== undefined) return { kind: 'hcpcs-annual', year: named, yearFrom: 'file-name' };
  const years = lines
    .map((l) => fieldText(l, F.actionEffectiveDate))
    .filter((d) => /^\d{8}$/.test(d))
    .map((d) => Number(d.slice(0, 4)));
  return years.length
    ? { kind: 'hcpcs-annual', year: Math.max(...years), yearFrom: 'content' }
    : { kind: 'hcpcs-annual' };
}

function isRecord(line: string): boolean {
  return line.length === HCPCS_RECORD_LENGTH && line.charAt(F.recordId.begin - 1) in RECORD_IDS;
}
