/**
 * Parser of the CMS order-file addenda (icd10cm_order_addenda_YYYY.txt, order_addenda_YYYY.txt): lines
 * "Add:", "Delete:", "Revise from:" / "Revise to:", each followed by the order-file fields (billable flag,
 * code, short and long title), then a summary of counts that is not parsed.
 */
import { MedcodeError } from '../core/medcode-error.ts';
import type { AddendaChange } from '../terminology/model.ts';

// Each line: the action padded to 13 characters, then (ICD-10-CM only) the billable flag and a blank, then
// the order-file fields: code (7), blank, short title (60), blank, long title. ICD-10-PCS addenda list only
// valid 7-character codes and omit the flag.
const ACTION = /^(Add|Delete|Revise from|Revise to):\s/;

function fields(raw: string): { flag: string; code: string; short: string; long: string } | undefined {
  let rest = raw.slice(13);
  let flag: string | undefined;
  if (/^[01] /.test(rest)) {
    flag = rest[0]!;
    rest = rest.slice(2);
  }
  const code = rest.slice(0, 7).trim();
  if (!/^[0-9A-Z]{3,7}$/.test(code)) return undefined;
  return {
    flag: flag ?? (code.length === 7 ? '1' : '0'),
    code,
    short: rest.slice(8, 68).trim(),
    long: rest.slice(69).trim(),
  };
}

/** The addenda changes, revisions folded into one change with the previous title. */
export function parseOrderAddenda(text: string, name: string): AddendaChange[] {
  const out: AddendaChange[] = [];
  let pendingFrom: { code: string; title: string; line: number } | undefined;
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const action = ACTION.exec(raw)?.[1];
    const f = action ? fields(raw) : undefined;
    if (!action || !f) continue;
    const { flag, code } = f;
    const title = f.long || f.short;
    if (action === 'Revise from') {
      pendingFrom = { code, title, line: i + 1 };
      continue;
    }
    if (action === 'Revise to') {
      if (pendingFrom?.code !== code) {
        throw new MedcodeError(
          'RELEASE_FILE_MALFORMED',
          `"Revise to" for ${code} without its "Revise from" line`,
          {
            location: { file: name, line: i + 1 },
          },
        );
      }
      out.push({ action: 'revise', code, billable: flag === '1', title, previousTitle: pendingFrom.title });
      pendingFrom = undefined;
      continue;
    }
    out.push({ action: action === 'Add' ? 'add' : 'delete', code, billable: flag === '1', title });
  }
  if (out.length === 0) {
    throw new MedcodeError('RELEASE_FILE_MALFORMED', 'addenda file has no Add/Delete/Revise line', {
      location: { file: name, line: 1 },
    });
  }
  return out;
}
