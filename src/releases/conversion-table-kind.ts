import type { FileKind } from './file-kind.ts';
import { yearFromName } from './file-kind.ts';
import { parseConversionTable } from './icd10cm/conversion-table-parser.ts';

/** The ICD-10-CM conversion table spreadsheet, recognised by its official name. */
export const ICD10CM_CONVERSION: FileKind = {
  id: 'icd10cm-conversion',
  system: 'icd10cm',
  layer: 'conversion',
  detect(baseName) {
    if (!/conversion[-_ ]table.*\.xlsx$/i.test(baseName) || !/icd-?10-?cm/i.test(baseName)) return undefined;
    const year = yearFromName(baseName);
    return year ? { year } : undefined;
  },
  async parse(source) {
    return [{ layer: 'conversion', entries: parseConversionTable(source.bytes, source.name) }];
  },
};
