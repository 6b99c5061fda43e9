/**
 * Development / evaluation loader: builds in-memory code sets straight from the official release files,
 * before (or without) an imported store. The one place that knows which files make a dev code set, so the
 * CLI can later swap it for the store's CodeSet. Does I/O (reads files); not used by the pure engine.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MedcodeError } from '../../core/medcode-error.ts';
import { effectiveRange } from '../../terminology/version-selection.ts';
import { parseHcpcsFile } from '../../releases/hcpcs/hcpcs-file-parser.ts';
import { parseOrderFile } from '../../releases/order-file-parser.ts';
import { parseIcd10cmIndexFile } from '../../releases/icd10cm/index-parser.ts';
import type { Icd10cmIndexKind } from '../../releases/icd10cm/index-parser.ts';
import { parseIcd10cmTabularFile } from '../../releases/icd10cm/tabular-parser.ts';
import type { CodeSystem } from '../../terminology/code-system.ts';
import { MemoryCodeSet } from '../../terminology/memory-code-set.ts';
import type { CodeSetParts } from '../../terminology/memory-code-set.ts';

/** Release files for a dev code set; missing optional layers are simply left out. */
export interface CodeSetFiles {
  readonly cmOrder: string;
  readonly cmTabular?: string;
  readonly pcsOrder?: string;
  /** Alphabetic index, drug and neoplasm tables, external-cause index XMLs. */
  readonly cmIndexes?: Partial<Record<Icd10cmIndexKind, string>>;
  /** HCPCS Level II annual file (fixed width). */
  readonly hcpcs?: string;
  readonly year: number;
}

export interface DevCodeSets {
  readonly cm: MemoryCodeSet;
  readonly pcs: MemoryCodeSet | undefined;
  readonly hcpcs: MemoryCodeSet | undefined;
}

/** The default files under the shared data folder: FY2026 codes, FY2023 tabular notes (last XML with notes). */
export function defaultCodeSetFiles(sharedDataDir: string): CodeSetFiles {
  return {
    cmOrder: path.join(sharedDataDir, 'icd10cm', '2026', 'icd10cm_order_2026.txt'),
    cmTabular: path.join(sharedDataDir, 'icd10cm', '2023', 'icd10cm_tabular_2023.xml'),
    pcsOrder: path.join(sharedDataDir, 'icd10pcs', '2026', 'icd10pcs_order_2026.txt'),
    cmIndexes: {
      index: path.join(sharedDataDir, 'icd10cm', '2023', 'icd10cm_index_2023.xml'),
      drug: path.join(sharedDataDir, 'icd10cm', '2026', 'icd10cm-drug-April-1-2026-XML.xml'),
      neoplasm: path.join(sharedDataDir, 'icd10cm', '2026', 'icd10cm-neoplasm-April-1-2026-XML.xml'),
      eindex: path.join(sharedDataDir, 'icd10cm', '2026', 'icd10cm-eindex-April-1-2026-XML.xml'),
    },
    hcpcs: path.join(sharedDataDir, 'hcpcs', '2025', 'HCPC2025_JAN_ANWEB_12172024.txt'),
    year: 2026,
  };
}

function readText(file: string): string {
  if (!existsSync(file)) {
    throw new MedcodeError('RELEASE_NOT_LOADED', `release file not found: ${file}`, {
      location: { file },
      hint: 'Point MEDCODE_SHARED at the shared folder, or import the release into the store.',
    });
  }
  return readFileSync(file, 'latin1');
}

function info(system: CodeSystem, year: number): CodeSetParts['info'] {
  const { from, to } = effectiveRange({ system, year });
  const versionId = `${system}-${year}`;
  return {
    system,
    year,
    versionId,
    effectiveFrom: from,
    effectiveTo: to,
    layers: { codes: { versionId, year } },
  };
}

async function loadIndexes(files: CodeSetFiles): Promise<Pick<CodeSetParts, 'indexes' | 'indexHeadings'>> {
  const indexes: NonNullable<CodeSetParts['indexes']> = {};
  const indexHeadings: NonNullable<CodeSetParts['indexHeadings']> = {};
  for (const [kind, file] of Object.entries(files.cmIndexes ?? {}) as [Icd10cmIndexKind, string][]) {
    if (!existsSync(file)) continue;
    const layer = await parseIcd10cmIndexFile(file, file, kind);
    indexes[kind] = layer.terms;
    if (layer.headings) indexHeadings[kind] = layer.headings;
  }
  return { indexes, indexHeadings };
}

/** Loads the ICD-10-CM (with tabular notes and indexes when given), ICD-10-PCS and HCPCS code sets. */
export async function loadDevCodeSets(files: CodeSetFiles): Promise<DevCodeSets> {
  const cmCodes = parseOrderFile(readText(files.cmOrder), 'icd10cm', files.cmOrder).codes;
  const tabular =
    files.cmTabular && existsSync(files.cmTabular)
      ? await parseIcd10cmTabularFile(files.cmTabular)
      : undefined;
  const cm = new MemoryCodeSet({
    info: info('icd10cm', files.year),
    codes: cmCodes,
    ...(tabular ? { groups: tabular.groups, notes: tabular.notes, sevenths: tabular.sevenths } : {}),
    ...(await loadIndexes(files)),
  });
  const pcs = files.pcsOrder
    ? new MemoryCodeSet({
        info: info('icd10pcs', files.year),
        codes: parseOrderFile(readText(files.pcsOrder), 'icd10pcs', files.pcsOrder).codes,
      })
    : undefined;
  const hcpcs =
    files.hcpcs && existsSync(files.hcpcs)
      ? new MemoryCodeSet({
          info: info('hcpcs', 2025),
          codes: (await parseHcpcsFile(files.hcpcs)).codes.codes,
        })
      : undefined;
  return { cm, pcs, hcpcs };
}
