import type { FileKind } from './file-kind.ts';
import { yearFromName } from './file-kind.ts';
import { parseOrderAddenda } from './order-addenda-parser.ts';
import { decodeText } from './text-decoding.ts';

const FIRST = /^(?:Add|Delete|Revise from|Revise to):\s+(?:[01] )?([0-9A-Z]{3,7}) /m;

function addendaKind(system: 'icd10cm' | 'icd10pcs', codeShape: RegExp): FileKind {
  return {
    id: `${system}-order-addenda`,
    system,
    layer: 'addenda',
    detect(baseName, head) {
      if (!/order_addenda/i.test(baseName)) return undefined;
      const m = FIRST.exec(head);
      const year = yearFromName(baseName);
      return m && codeShape.test(m[1]!) && year ? { year } : undefined;
    },
    async parse(source) {
      return [{ layer: 'addenda', changes: parseOrderAddenda(decodeText(source), source.name) }];
    },
  };
}

/** ICD-10-CM order addenda: codes start with a letter and a digit. */
export const ICD10CM_ADDENDA = addendaKind('icd10cm', /^[A-Z]\d/);
/** ICD-10-PCS order addenda: codes start with a digit or a PCS section letter, never letter + digit. */
export const ICD10PCS_ADDENDA = addendaKind('icd10pcs', /^(?:\d|[BCDFGHX][0-9A-HJ-NP-Z]{6}$)/);
