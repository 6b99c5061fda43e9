/**
 * The ICD-10-PCS index XML as a release FileKind, ready to add to FILE_KINDS (src/releases/file-kinds.ts).
 */
import type { FileKind } from '../file-kind.ts';
import type { ReleaseSource } from '../release-source.ts';
import { detectPcsFile } from './detect.ts';
import { parsePcsIndex } from './index-parser.ts';

async function* bytesOf(source: ReleaseSource): AsyncIterable<Uint8Array> {
  yield source.bytes;
}

export const ICD10PCS_INDEX: FileKind = {
  id: 'icd10pcs-index',
  system: 'icd10pcs',
  layer: 'pcs-index',
  detect(_baseName, head) {
    const found = detectPcsFile(head);
    return found?.kind === 'pcs-index' && found.year !== undefined ? { year: found.year } : undefined;
  },
  parse: (source) => parsePcsIndex(bytesOf(source), source.name),
};
