/** The registry of official release files medcode recognises. */
import type { FileKind, IgnoredKind } from './file-kind.ts';
import { ICD10CM_CONVERSION } from './conversion-table-kind.ts';
import { ICD10CM_ADDENDA, ICD10PCS_ADDENDA } from './order-addenda-kind.ts';
import { ICD10CM_ORDER, ICD10PCS_ORDER } from './order-file-kind.ts';
import { HCPCS_ANNUAL, ICD10CM_XML_KINDS, ICD10PCS_XML_KINDS } from './xml-file-kinds.ts';

export const FILE_KINDS: readonly FileKind[] = [
  ICD10CM_ORDER,
  ICD10PCS_ORDER,
  ICD10CM_ADDENDA,
  ICD10PCS_ADDENDA,
  ICD10CM_CONVERSION,
  ...ICD10CM_XML_KINDS,
  ...ICD10PCS_XML_KINDS,
  HCPCS_ANNUAL,
];

/** Official files that are recognised and deliberately not loaded. */
export const IGNORED_KINDS: readonly IgnoredKind[] = [
  {
    id: 'icd10cm-codes',
    pattern: /codes?_?(addenda_)?\d{4}\.txt$|codes_\d{4}\.txt$/i,
    reason: 'the order file of the same year holds the same codes and its headers',
  },
  { id: 'xsd', pattern: /\.xsd$/i, reason: 'schema of the XML format, not data' },
  { id: 'documentation', pattern: /\.(pdf|xlsx?|docx?|md|html?)$/i, reason: 'documentation' },
  { id: 'gems', pattern: /gem/i, reason: 'General Equivalence Mappings are not loaded by this version' },
  { id: 'poa-exempt', pattern: /poa/i, reason: 'POA-exempt lists are not loaded by this version' },
];
