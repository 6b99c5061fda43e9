/**
 * Personal and family history as Z codes: a malignancy documented as historical becomes Z85 (Guidelines
 * I.C.2.d, personal history of malignant neoplasm), a condition documented only in a relative becomes the
 * family-history code of its chapter (I.C.21.c.4, Z80-Z84).
 */
import { workingCode } from './working-code.ts';
import type { SetAside, WorkingCode } from './working-code.ts';

/** Family-history code by the category range of the relative's condition; the last row is the default. */
const FAMILY: readonly (readonly [string, string, string])[] = [
  ['C15', 'C26', 'Z800'],
  ['C30', 'C39', 'Z801'],
  ['C50', 'C50', 'Z803'],
  ['C56', 'C56', 'Z8041'],
  ['C61', 'C61', 'Z8042'],
  ['C64', 'C64', 'Z8051'],
  ['C67', 'C67', 'Z8052'],
  ['C81', 'C96', 'Z807'],
  ['C00', 'D49', 'Z809'],
  ['E08', 'E13', 'Z833'],
  ['F10', 'F19', 'Z8118'],
  ['F01', 'F99', 'Z818'],
  ['G40', 'G40', 'Z820'],
  ['I60', 'I69', 'Z823'],
  ['I00', 'I99', 'Z8249'],
  ['J45', 'J45', 'Z825'],
  ['N00', 'N29', 'Z841'],
  ['Q00', 'Q99', 'Z8279'],
  ['A00', 'Z99', 'Z8489'],
];

/** Personal history of malignancy by site (Z85); others fall back to Z85.9. */
const PERSONAL: readonly (readonly [string, string, string])[] = [
  ['C18', 'C18', 'Z85038'],
  ['C34', 'C34', 'Z85118'],
  ['C50', 'C50', 'Z853'],
  ['C61', 'C61', 'Z8546'],
  ['C64', 'C64', 'Z85528'],
  ['C67', 'C67', 'Z8551'],
  ['C73', 'C73', 'Z85850'],
];

function familyCode(code: string): string {
  const cat = code.slice(0, 3);
  return FAMILY.find(([a, b]) => a <= cat && cat <= b)![2];
}

/** The history Z codes implied by set-aside mentions; `exists` checks a code is in the release. */
export function historyCodes(
  setAside: readonly SetAside[],
  exists: (code: string) => boolean,
): WorkingCode[] {
  const out = new Map<string, WorkingCode>();
  for (const s of setAside) {
    if (s.item.system !== 'icd10cm') continue;
    let code: string | undefined;
    let guideline = '';
    if (s.reason === 'historical' && s.item.code.startsWith('C')) {
      code =
        PERSONAL.find(([a, b]) => a <= s.item.code.slice(0, 3) && s.item.code.slice(0, 3) <= b)?.[2] ??
        'Z859';
      guideline = 'I.C.2.d personal history of malignant neoplasm';
    } else if (s.reason === 'family-history-only') {
      code = familyCode(s.item.code);
      guideline = 'I.C.21.c.4 family history';
    }
    if (!code || !exists(code) || out.has(code)) continue;
    out.set(
      code,
      workingCode(
        s.item.system,
        code,
        s.item.confidence,
        s.item.mentions,
        `history of ${s.item.code}`,
        guideline,
      ),
    );
  }
  return [...out.values()];
}
