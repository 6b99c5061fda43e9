/**
 * Recognises an ICD-10-PCS XML release file from its head (the first few KB): which file it is, by its root
 * element, and the fiscal year in its <version>.
 */
import { xmlRoot, xmlVersion } from '../file-kind.ts';

export const PCS_FILE_KINDS = ['pcs-tables', 'pcs-index', 'pcs-definitions'] as const;
export type PcsFileKind = (typeof PCS_FILE_KINDS)[number];

export interface PcsFileDetection {
  readonly kind: PcsFileKind;
  /** Fiscal year from <version>, when the head holds it. */
  readonly year?: number;
}

const ROOTS: Readonly<Record<string, PcsFileKind>> = {
  'ICD10PCS.tabular': 'pcs-tables',
  'ICD10PCS.index': 'pcs-index',
  'ICD10PCS.definitions': 'pcs-definitions',
};

/**
 * Says which ICD-10-PCS XML file a head of text or bytes is, or undefined when it is none of them.
 * @example detectPcsFile('<?xml ...?><ICD10PCS.tabular><version>2026</version>') // { kind: 'pcs-tables', year: 2026 }
 */
export function detectPcsFile(head: string | Uint8Array): PcsFileDetection | undefined {
  const text = typeof head === 'string' ? head : new TextDecoder().decode(head);
  const root = xmlRoot(text.replace(/^\uFEFF/, ''));
  const kind = root === undefined ? undefined : ROOTS[root];
  if (!kind) return undefined;
  const year = xmlVersion(text);
  return year === undefined ? { kind } : { kind, year };
}
