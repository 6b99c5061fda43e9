/**
 * `medcode releases import`: recognise the official files under a path, parse them all, then write them to
 * the store in one transaction. Nothing is written unless every recognised file parses: a corrupt or
 * truncated file leaves the store exactly as it was.
 */
import { MedcodeError } from '../core/medcode-error.ts';
import type { LayerWrite, LayerWriteResult, TerminologyStore } from '../store/terminology-store.ts';
import type { Detection, FileKind } from './file-kind.ts';
import { FILE_KINDS, IGNORED_KINDS } from './file-kinds.ts';
import type { ReleaseSource } from './release-source.ts';
import { collectSources } from './release-source.ts';
import { headText } from './text-decoding.ts';

export interface RecognisedFile {
  readonly source: ReleaseSource;
  readonly kind: FileKind;
  readonly detection: Detection;
}

export interface SkippedFile {
  readonly name: string;
  readonly reason: string;
}

export interface ImportReport {
  readonly loaded: readonly (LayerWriteResult & { files: readonly string[] })[];
  readonly skipped: readonly SkippedFile[];
}

export type ImportProgress = (done: number, total: number, label: string) => void;

/** Sorts each source into a recognised release file or a skipped one (with why). */
export function recognise(sources: readonly ReleaseSource[]): {
  files: RecognisedFile[];
  skipped: SkippedFile[];
} {
  const files: RecognisedFile[] = [];
  const skipped: SkippedFile[] = [];
  const seen = new Map<string, RecognisedFile>();
  for (const source of sources) {
    const head = headText(source);
    const hit = FILE_KINDS.map((kind) => ({ kind, detection: kind.detect(source.baseName, head) })).find(
      (x) => x.detection !== undefined,
    );
    if (!hit?.detection) {
      const ignored = IGNORED_KINDS.find((k) => k.pattern.test(source.baseName));
      skipped.push({
        name: source.name,
        reason: ignored?.reason ?? 'not an official release file medcode recognises',
      });
      continue;
    }
    const slot = `${hit.kind.id}-${hit.detection.year}`;
    const prior = seen.get(slot);
    if (prior) {
      if (prior.source.sha256 === source.sha256) {
        skipped.push({ name: source.name, reason: `same content as ${prior.source.name}` });
        continue;
      }
      throw new MedcodeError(
        'RELEASE_FILE_MISMATCH',
        `two different files claim ${hit.kind.id} ${hit.detection.year}: ${prior.source.name} and ${source.name}`,
        {
          location: { file: source.name },
          hint: 'Import one of them at a time, or remove the one that is not official.',
        },
      );
    }
    const rec = { source, kind: hit.kind, detection: hit.detection };
    seen.set(slot, rec);
    files.push(rec);
  }
  return { files, skipped };
}

/** Imports every recognised file under `root` (folder, zip or file). */
export async function importReleases(
  store: TerminologyStore,
  root: string,
  onProgress?: ImportProgress,
): Promise<ImportReport> {
  const sources = collectSources(root);
  const { files, skipped } = recognise(sources);
  if (files.length === 0) {
    throw new MedcodeError('RELEASE_FILE_UNRECOGNISED', `no official release file found in ${root}`, {
      location: { file: root },
      hint:
        'medcode reads the CMS/CDC order files, tabular/index/drug/neoplasm/external-cause XML, PCS tables/index/' +
        `definitions XML and the HCPCS annual file. Skipped: ${skipped
          .slice(0, 5)
          .map((s) => `${s.name} (${s.reason})`)
          .join('; ')}`,
    });
  }
  const writes: LayerWrite[] = [];
  for (const [i, f] of files.entries()) {
    onProgress?.(i, files.length, f.source.baseName);
    for (const data of await f.kind.parse(f.source, f.detection)) {
      writes.push({
        key: { system: f.kind.system, year: f.detection.year },
        data,
        files: [{ name: f.source.name, sha256: f.source.sha256, bytes: f.source.bytes.byteLength }],
      });
    }
  }
  onProgress?.(files.length, files.length, 'writing');
  const results = await store.writeLayers(writes);
  return {
    loaded: results.map((r, i) => ({ ...r, files: writes[i]!.files.map((x) => x.name) })),
    skipped,
  };
}
