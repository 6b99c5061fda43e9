/** Recognition of the official XML files and the HCPCS annual file, with their parsers. */
import { MedcodeError } from '../core/medcode-error.ts';
import type { CodeSystem } from '../terminology/code-system.ts';
import type { Layer, LayerData } from '../terminology/model.ts';
import type { Detection, FileKind } from './file-kind.ts';
import { detectHcpcsFile } from './hcpcs/detect.ts';
import { parseHcpcsFile } from './hcpcs/hcpcs-file-parser.ts';
import { detectIcd10cmXml, type Icd10cmXmlKind } from './icd10cm/detect.ts';
import { parseIcd10cmIndex } from './icd10cm/index-parser.ts';
import { parseIcd10cmTabular } from './icd10cm/tabular-parser.ts';
import { parsePcsDefinitions } from './icd10pcs/definitions-parser.ts';
import { detectPcsFile, type PcsFileKind } from './icd10pcs/detect.ts';
import { parsePcsIndex } from './icd10pcs/index-parser.ts';
import { parsePcsTables } from './icd10pcs/tables-parser.ts';
import type { ReleaseSource } from './release-source.ts';

/** The bytes of a source as a one-chunk stream, for the streaming parsers. */
function chunks(source: ReleaseSource): AsyncIterable<Uint8Array> {
  return (async function* () {
    yield source.bytes;
  })();
}

function cmKind(kind: Icd10cmXmlKind, parse: (s: ReleaseSource) => Promise<LayerData>): FileKind {
  return {
    id: `icd10cm-${kind}`,
    system: 'icd10cm',
    layer: kind,
    detect(_name, head): Detection | undefined {
      const d = detectIcd10cmXml(head);
      return d?.kind === kind && d.year ? { year: d.year } : undefined;
    },
    parse: async (s) => [await parse(s)],
  };
}

function pcsKind(kind: PcsFileKind, parse: (s: ReleaseSource) => Promise<LayerData>): FileKind {
  return {
    id: `icd10pcs-${kind}`,
    system: 'icd10pcs',
    layer: kind as Layer,
    detect(_name, head): Detection | undefined {
      const d = detectPcsFile(head);
      return d?.kind === kind && d.year ? { year: d.year } : undefined;
    },
    parse: async (s) => [await parse(s)],
  };
}

export const ICD10CM_XML_KINDS: readonly FileKind[] = [
  cmKind('tabular', (s) => parseIcd10cmTabular(chunks(s), s.name)),
  ...(['index', 'eindex', 'drug', 'neoplasm'] as const).map((k) =>
    cmKind(k, (s) => parseIcd10cmIndex(chunks(s), s.name, k)),
  ),
];

export const ICD10PCS_XML_KINDS: readonly FileKind[] = [
  pcsKind('pcs-tables', (s) => parsePcsTables(chunks(s), s.name)),
  pcsKind('pcs-index', (s) => parsePcsIndex(chunks(s), s.name)),
  pcsKind('pcs-definitions', (s) => parsePcsDefinitions(chunks(s), s.name)),
];

const system: CodeSystem = 'hcpcs';

/** HCPCS Level II annual file: one file gives the codes layer and the detail layer. */
export const HCPCS_ANNUAL: FileKind = {
  id: 'hcpcs-annual',
  system,
  layer: 'codes',
  detect(name, head) {
    const d = detectHcpcsFile(head, name);
    return d?.year ? { year: d.year } : undefined;
  },
  async parse(s, detection) {
    const { codes, details, year } = await parseHcpcsFile(chunks(s), s.name);
    // Without the official file name the year is guessed from the head's dates, a lower bound only.
    if (year !== undefined && year !== detection.year) {
      throw new MedcodeError(
        'RELEASE_FILE_MISMATCH',
        `HCPCS file looks like the ${year} release, not ${detection.year}`,
        {
          location: { file: s.name },
          hint: 'Give the file its official name (HCPCyyyy_..._ANWEB_....txt) so its year is known.',
        },
      );
    }
    return [codes, details];
  },
};
