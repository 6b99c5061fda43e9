/**
 * Recognises an ICD-10-CM XML release file from its first bytes, whatever its name: the tabular list, the
 * alphabetic index, the external-cause index, the drug table or the neoplasm table, and its version year.
 */
import { kindOf } from './index-parser.ts';
import type { Icd10cmIndexKind } from './index-parser.ts';

export type Icd10cmXmlKind = 'tabular' | Icd10cmIndexKind;

export interface Icd10cmXmlFile {
  readonly kind: Icd10cmXmlKind;
  /** The <version> year (the fiscal year of the release), when the head holds it. */
  readonly year?: number;
}

/** How many leading bytes detectIcd10cmXml needs to decide. */
export const DETECT_BYTES = 4096;

/**
 * Which ICD-10-CM XML a file is, from its first DETECT_BYTES bytes; undefined when it is none of them
 * (another XML, ICD-10-PCS, or too little of the head to tell).
 * @example detectIcd10cmXml(head) // { kind: 'drug', year: 2026 }
 */
export function detectIcd10cmXml(head: Uint8Array | string): Icd10cmXmlFile | undefined {
  const text = typeof head === 'string' ? head : new TextDecoder('utf-8').decode(head);
  const root = /<([A-Za-z_][\w.:-]*)[\s>/]/.exec(
    text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![^>]*>/g, ''),
  );
  const kind =
    root?.[1] === 'ICD10CM.tabular' ? 'tabular' : root?.[1] === 'ICD10CM.index' ? indexKind(text) : undefined;
  if (!kind) return undefined;
  const version = /<version>\s*(\d{4})\s*<\/version>/.exec(text);
  return version ? { kind, year: Number(version[1]) } : { kind };
}

/** The four index files share a root; the column headings or the title, both before the first letter, tell them apart. */
function indexKind(text: string): Icd10cmIndexKind | undefined {
  const heading = /<head\s+col="1"\s*>([^<]*)</.exec(text)?.[1];
  const title = /<ICD10CM\.index[^>]*>[\s\S]*?<title>([^<]*)</.exec(text)?.[1];
  const decided = heading !== undefined || /<letter[\s>]/.test(text) || /index/i.test(title ?? '');
  return decided ? kindOf(heading, title ?? '') : undefined;
}
