/** Recognition of the official XML files (by root element, <version> and title) and their parsers. */
import type { CodeSystem } from '../terminology/code-system.ts';
import type { Layer, LayerData } from '../terminology/model.ts';
import type { FileKind } from './file-kind.ts';
import { xmlRoot, xmlVersion } from './file-kind.ts';
import { parseIcd10cmTabular } from './icd10cm/tabular-parser.ts';
import { parsePcsDefinitions } from './icd10pcs/definitions-parser.ts';
import { parsePcsTables } from './icd10pcs/tables-parser.ts';
import type { ReleaseSource } from './release-source.ts';

/** The bytes of a source as a one-chunk stream, for the streaming XML parsers. */
function chunks(source: ReleaseSource): AsyncIterable<Uint8Array> {
  return (async function* () {
    yield source.bytes;
  })();
}

function xmlKind(
  id: string,
  system: CodeSystem,
  layer: Layer,
  root: string,
  parse: (source: ReleaseSource) => Promise<LayerData>,
  matches: (head: string) => boolean = () => true,
): FileKind {
  return {
    id,
    system,
    layer,
    detect(_baseName, head) {
      if (xmlRoot(head) !== root || !matches(head)) return undefined;
      const year = xmlVersion(head);
      return year ? { year } : undefined;
    },
    parse,
  };
}

export const ICD10CM_TABULAR = xmlKind('icd10cm-tabular', 'icd10cm', 'tabular', 'ICD10CM.tabular', (s) =>
  parseIcd10cmTabular(chunks(s), s.name),
);

export const ICD10PCS_TABLES = xmlKind('icd10pcs-tables', 'icd10pcs', 'pcs-tables', 'ICD10PCS.tabular', (s) =>
  parsePcsTables(chunks(s), s.name),
);

export const ICD10PCS_DEFINITIONS = xmlKind(
  'icd10pcs-definitions',
  'icd10pcs',
  'pcs-definitions',
  'ICD10PCS.definitions',
  (s) => parsePcsDefinitions(chunks(s), s.name),
);
