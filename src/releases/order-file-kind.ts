import { decodeText } from './text-decoding.ts';
import type { FileKind } from './file-kind.ts';
import { yearFromName } from './file-kind.ts';
import { parseOrderFile } from './order-file-parser.ts';

const FIRST_LINE = /^\d{5} ([0-9A-Z]{3,7}) +[01] /;

function orderKind(system: 'icd10cm' | 'icd10pcs', codeShape: RegExp): FileKind {
  return {
    id: `${system}-order`,
    system,
    layer: 'codes',
    detect(baseName, head) {
      if (!/order/i.test(baseName) || /addend/i.test(baseName)) return undefined;
      const m = FIRST_LINE.exec(head);
      const year = yearFromName(baseName);
      return m && codeShape.test(m[1]!) && year ? { year } : undefined;
    },
    async parse(source) {
      const { codes } = parseOrderFile(decodeText(source), system, source.name);
      return [{ layer: 'codes', codes }];
    },
  };
}

/** ICD-10-CM order file: codes start with a letter and a digit (A00). */
export const ICD10CM_ORDER = orderKind('icd10cm', /^[A-Z]\d/);
/** ICD-10-PCS order file: codes start with a section character, and the file opens with section 0. */
export const ICD10PCS_ORDER = orderKind('icd10pcs', /^\d[0-9A-Z]{2}/);
