/**
 * Loads the shared release files of one year into MemoryCodeSets for the search benchmark and the
 * search integration test, with the project's release parsers (src/releases) and without a store.
 * Layers missing for a year come from the nearest earlier year that has them, as the store does:
 * ICD-10-CM FY2026 takes the FY2023 index and tabular (inclusion terms); PCS FY2026 the FY2025 index.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseHcpcsFile } from '../../src/releases/hcpcs/hcpcs-file-parser.ts';
import type { Icd10cmIndexKind } from '../../src/releases/icd10cm/index-parser.ts';
import { parseIcd10cmIndexFile } from '../../src/releases/icd10cm/index-parser.ts';
import { parseIcd10cmTabularFile } from '../../src/releases/icd10cm/tabular-parser.ts';
import { parsePcsIndex } from '../../src/releases/icd10pcs/index-parser.ts';
import { parseOrderFile } from '../../src/releases/order-file-parser.ts';
import type { CodeSet, CodeSetInfo } from '../../src/terminology/code-set.ts';
import type { CodeSystem } from '../../src/terminology/code-system.ts';
import { MemoryCodeSet } from '../../src/terminology/memory-code-set.ts';
import type { CodeRecord, IndexKind, IndexTerm } from '../../src/terminology/model.ts';
import { sharedData } from '../../test/support/shared-data.ts';

/** The codes of an order file (ICD-10-CM or ICD-10-PCS). */
export function readOrderFile(file: string, system: CodeSystem): CodeRecord[] {
  return parseOrderFile(readFileSync(file, 'latin1'), system, file).codes;
}

function info(system: CodeSystem, year: number, from: string, to: string): CodeSetInfo {
  return { system, year, versionId: `${system}-${year}`, effectiveFrom: from, effectiveTo: to, layers: {} };
}

function fiscal(system: CodeSystem, year: number): CodeSetInfo {
  return info(system, year, `${year - 1}-10-01`, `${year}-09-30`);
}

const CM_INDEXES: readonly (readonly [Icd10cmIndexKind, string, string])[] = [
  ['index', '2023', 'icd10cm_index_2023.xml'],
  ['eindex', '2026', 'icd10cm-eindex-April-1-2026-XML.xml'],
  ['drug', '2026', 'icd10cm-drug-April-1-2026-XML.xml'],
  ['neoplasm', '2026', 'icd10cm-neoplasm-April-1-2026-XML.xml'],
];

/** ICD-10-CM of one fiscal year: its order file, the FY2023 tabular notes and index, the FY2026 tables. */
export async function loadIcd10cm(year: number): Promise<CodeSet> {
  const codes = readOrderFile(sharedData('icd10cm', String(year), `icd10cm_order_${year}.txt`), 'icd10cm');
  const indexes: Partial<Record<IndexKind, readonly IndexTerm[]>> = {};
  const indexHeadings: Partial<Record<IndexKind, readonly string[]>> = {};
  for (const [kind, fileYear, name] of CM_INDEXES) {
    const file = sharedData('icd10cm', fileYear, name);
    if (!existsSync(file)) continue;
    const layer = await parseIcd10cmIndexFile(file, name, kind);
    indexes[kind] = layer.terms;
    if (layer.headings) indexHeadings[kind] = layer.headings;
  }
  const tabularFile = sharedData('icd10cm', '2023', 'icd10cm_tabular_2023.xml');
  const notes = existsSync(tabularFile) ? (await parseIcd10cmTabularFile(tabularFile)).notes : [];
  return new MemoryCodeSet({ info: fiscal('icd10cm', year), codes, notes, indexes, indexHeadings });
}

/** ICD-10-PCS of one fiscal year from its order file, with the FY2025 PCS index. */
export async function loadIcd10pcs(year: number): Promise<CodeSet> {
  const codes = readOrderFile(sharedData('icd10pcs', String(year), `icd10pcs_order_${year}.txt`), 'icd10pcs');
  const file = sharedData('icd10pcs', '2025', 'icd10pcs_index_2025.xml');
  const indexes = existsSync(file) ? { 'pcs-index': (await parsePcsIndex(file)).terms } : {};
  return new MemoryCodeSet({ info: fiscal('icd10pcs', year), codes, indexes });
}

/** HCPCS Level II of January 2025 (the only year present). */
export async function loadHcpcs(): Promise<CodeSet> {
  const parsed = await parseHcpcsFile(sharedData('hcpcs', '2025', 'HCPC2025_JAN_ANWEB_12172024.txt'));
  return new MemoryCodeSet({
    info: info('hcpcs', 2025, '2025-01-01', '2025-12-31'),
    codes: parsed.codes.codes,
    hcpcs: parsed.details.details,
  });
}

/** The code sets of one year the search benchmark uses: ICD-10-CM and PCS FY2026, HCPCS 2025. */
export async function loadDevCodeSets(): Promise<CodeSet[]> {
  return [await loadIcd10cm(2026), await loadIcd10pcs(2026), await loadHcpcs()];
}
