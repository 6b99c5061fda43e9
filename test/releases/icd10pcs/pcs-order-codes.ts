import { readFile } from 'node:fs/promises';

/**
 * The valid (billable) codes of an ICD-10-PCS order file, read with a few lines of test code to check the
 * tables against: 5-char order number, space, 7-char code, space, billable flag, space, titles.
 */
export async function validCodesOfOrderFile(file: string): Promise<Set<string>> {
  const codes = new Set<string>();
  for (const line of (await readFile(file, 'latin1')).split(/\r?\n/)) {
    if (line.charAt(14) === '1') codes.add(line.slice(6, 13).trim());
  }
  return codes;
}
