/**
 * The fixed-width record of the HCPCS Level II annual file (HCPCyyyy_recordlayout.txt, "HCPCS Contractor
 * Record"): 320 characters per line. Positions are 1-based and inclusive, as the layout prints them.
 */
export const HCPCS_RECORD_LENGTH = 320;

/** Record identification codes (position 11). */
export const RECORD_IDS = {
  '3': { isModifier: false, first: true },
  '4': { isModifier: false, first: false },
  '7': { isModifier: true, first: true },
  '8': { isModifier: true, first: false },
} as const;
export type RecordId = keyof typeof RECORD_IDS;

/** A field: first and last position, and how many times it occurs back to back (OCCURS MAX). */
export interface Field {
  readonly begin: number;
  readonly end: number;
  readonly occurs?: number;
}

export const HCPCS_FIELDS = {
  code: { begin: 1, end: 5 },
  modifier: { begin: 4, end: 5 },
  sequence: { begin: 6, end: 10 },
  recordId: { begin: 11, end: 11 },
  longDescription: { begin: 12, end: 91 },
  shortDescription: { begin: 92, end: 119 },
  pricing: { begin: 120, end: 121, occurs: 4 },
  multiplePricing: { begin: 128, end: 128 },
  coverageIssuesManual: { begin: 129, end: 134, occurs: 3 },
  carriersManual: { begin: 147, end: 154, occurs: 3 },
  statute: { begin: 171, end: 180 },
  labCertification: { begin: 181, end: 183, occurs: 8 },
  crossReference: { begin: 205, end: 209, occurs: 5 },
  coverage: { begin: 230, end: 230 },
  ascGroup: { begin: 231, end: 232 },
  ascEffectiveDate: { begin: 233, end: 240 },
  processingNote: { begin: 253, end: 256 },
  betos: { begin: 257, end: 259 },
  typeOfService: { begin: 261, end: 261, occurs: 5 },
  anesthesiaBaseUnits: { begin: 266, end: 268 },
  addDate: { begin: 269, end: 276 },
  actionEffectiveDate: { begin: 277, end: 284 },
  terminationDate: { begin: 285, end: 292 },
  actionCode: { begin: 293, end: 293 },
} as const satisfies Record<string, Field>;

/** The field's text, trimmed ("" when blank). */
export function fieldText(line: string, field: Field): string {
  return line.slice(field.begin - 1, field.end).trim();
}

/** The non-blank occurrences of a repeated field, in order. */
export function fieldList(line: string, field: Field): string[] {
  const width = field.end - field.begin + 1;
  const out: string[] = [];
  for (let i = 0; i < (field.occurs ?? 1); i++) {
    const start = field.begin - 1 + i * width;
    const value = line.slice(start, start + width).trim();
    if (value) out.push(value);
  }
  return out;
}
