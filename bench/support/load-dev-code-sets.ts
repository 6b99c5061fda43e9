/**
 * A small development loader for the search benchmark and integration tests, until the release parsers
 * (branches `cm`, `pcs`) are on main: it reads the shared order files, the HCPCS annual file and the
 * index XML files straight from disk and builds MemoryCodeSets. It handles only what search needs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SaxesParser } from 'saxes';
import type { CodeSet, CodeSetInfo } from '../../src/terminology/code-set.ts';
import type { CodeSystem } from '../../src/terminology/code-system.ts';
import { normalizeCode } from '../../src/terminology/code-system.ts';
import { MemoryCodeSet } from '../../src/terminology/memory-code-set.ts';
import type { CodeRecord, IndexKind, IndexTerm } from '../../src/terminology/model.ts';
import { sharedData } from '../../test/support/shared-data.ts';

/** Reads an order file: 5-char order, space, 7-char code, space, flag, space, 60-char short, space, long. */
export function readOrderFile(file: string): CodeRecord[] {
  const out: CodeRecord[] = [];
  const present = new Set<string>();
  for (const line of readFileSync(file, 'latin1').split(/\r?\n/)) {
    if (line.length < 16) continue;
    const code = line.slice(6, 13).trim();
    const billable = line[14] === '1';
    const shortTitle = line.slice(16, 76).trim();
    const title = line.slice(77).trim();
    let parent: string | undefined;
    for (let n = code.length - 1; n >= 3 && parent === undefined; n--) {
      if (present.has(code.slice(0, n))) parent = code.slice(0, n);
    }
    present.add(code);
    const kind = code.length === 3 ? 'category' : billable ? 'code' : 'subcategory';
    out.push({
      code,
      kind,
      billable,
      title,
      shortTitle,
      order: Number(line.slice(0, 5)),
      ...(parent ? { parent } : {}),
    });
  }
  return out;
}

/** Reads the HCPCS fixed-width annual file (320-char records; continuation lines extend the long title). */
export function readHcpcsFile(file: string): CodeRecord[] {
  const byCode = new Map<string, { title: string; shortTitle: string; order: number; modifier: boolean }>();
  for (const line of readFileSync(file, 'latin1').split(/\r?\n/)) {
    if (line.length < 92) continue;
    const code = line.slice(0, 5).trim();
    const ric = line[10];
    const text = line.slice(11, 91).trim();
    const found = byCode.get(code);
    if (found) found.title = `${found.title} ${text}`;
    else
      byCode.set(code, {
        title: text,
        shortTitle: line.slice(91, 119).trim(),
        order: byCode.size,
        modifier: ric === '7',
      });
  }
  return [...byCode].map(([code, r]) => ({
    code,
    kind: r.modifier ? 'modifier' : 'code',
    billable: !r.modifier,
    title: r.title,
    shortTitle: r.shortTitle,
    order: r.order,
  }));
}

interface OpenTerm {
  id: number;
  level: number;
  parent?: number;
  title: string;
  nemod: string[];
  fields: Record<string, string>;
  cells: Record<string, string>;
}

/** Streams an ICD-10-CM / PCS index XML (main index, e-index, drug or neoplasm table) into IndexTerms. */
export function readIndexXml(file: string, kind: IndexKind): { terms: IndexTerm[]; headings: string[] } {
  const terms: IndexTerm[] = [];
  const headings: string[] = [];
  const stack: OpenTerm[] = [];
  const path: string[] = [];
  const texts: string[] = [];
  let nextId = 0;
  const parser = new SaxesParser();
  parser.on('opentag', (node) => {
    path.push(node.name);
    texts.push(node.name === 'cell' || node.name === 'head' ? `${String(node.attributes['col'])}\u0000` : '');
    if (node.name === 'mainTerm' || node.name === 'term') {
      const parent = stack.at(-1);
      stack.push({
        id: nextId++,
        level: parent ? parent.level + 1 : 0,
        ...(parent ? { parent: parent.id } : {}),
        title: '',
        nemod: [],
        fields: {},
        cells: {},
      });
    }
  });
  parser.on('text', (t) => {
    if (texts.length) texts[texts.length - 1] += t;
  });
  parser.on('closetag', (node) => {
    path.pop();
    const text = texts.pop() ?? '';
    const top = stack.at(-1);
    const parentTag = path.at(-1);
    if (node.name === 'head') headings.push(text.split('\u0000')[1]!.trim());
    if (top && node.name === 'nemod') top.nemod.push(...[...text.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]!));
    if (top && node.name === 'title' && (parentTag === 'mainTerm' || parentTag === 'term')) top.title += text;
    if (top && node.name === 'cell') {
      const [col, value] = text.split('\u0000');
      top.cells[col!] = value!.trim();
    }
    if (top && ['code', 'see', 'seeAlso', 'codes', 'use'].includes(node.name)) {
      top.fields[node.name] ??= text.trim();
    }
    if (node.name === 'mainTerm' || node.name === 'term') finishTerm(stack.pop()!, kind, headings, terms);
  });
  // Text of a title is collected around its <nemod> child: keep the title text only.
  parser.write(
    readFileSync(file, 'utf8').replace(/<nemod>([^<]*)<\/nemod>/g, '</title><nemod>$1</nemod><title>'),
  );
  parser.close();
  return { terms: terms.sort((a, b) => a.id - b.id), headings };
}

function finishTerm(t: OpenTerm, kind: IndexKind, headings: string[], out: IndexTerm[]): void {
  const cells: Record<string, string> = {};
  for (const [col, value] of Object.entries(t.cells)) {
    const heading = headings[Number(col) - 1];
    if (heading) cells[heading] = value === '--' ? '-' : normalizeCode(value.replace(/-$/, ''));
  }
  const f = t.fields;
  out.push({
    id: t.id,
    kind,
    level: t.level,
    ...(t.parent === undefined ? {} : { parent: t.parent }),
    title: t.title.replace(/\s+/g, ' ').trim(),
    ...(t.nemod.length ? { nemod: t.nemod } : {}),
    ...(f['code'] ? { code: normalizeCode(f['code'].replace(/-$/, '')) } : {}),
    ...(f['see'] ? { see: f['see'] } : {}),
    ...(f['seeAlso'] ? { seeAlso: f['seeAlso'] } : {}),
    ...(f['codes'] ? { codes: f['codes'] } : {}),
    ...(f['use'] ? { use: f['use'] } : {}),
    ...(Object.keys(cells).length ? { cells } : {}),
  });
}

function info(system: CodeSystem, year: number, from: string, to: string): CodeSetInfo {
  return { system, year, versionId: `${system}-${year}`, effectiveFrom: from, effectiveTo: to, layers: {} };
}

function fy(system: CodeSystem, year: number): CodeSetInfo {
  return info(system, year, `${year - 1}-10-01`, `${year}-09-30`);
}

/** ICD-10-CM of one fiscal year from its order file, with the index files found for that year or before. */
export function loadIcd10cm(year: number, withIndexes = true): CodeSet {
  const codes = readOrderFile(sharedData('icd10cm', String(year), `icd10cm_order_${year}.txt`));
  const indexes: Partial<Record<IndexKind, IndexTerm[]>> = {};
  const headings: Partial<Record<IndexKind, string[]>> = {};
  if (withIndexes) {
    const files: [IndexKind, string][] = [
      ['index', sharedData('icd10cm', '2023', 'icd10cm_index_2023.xml')],
      ['eindex', sharedData('icd10cm', '2026', 'icd10cm-eindex-April-1-2026-XML.xml')],
      ['drug', sharedData('icd10cm', '2026', 'icd10cm-drug-April-1-2026-XML.xml')],
      ['neoplasm', sharedData('icd10cm', '2026', 'icd10cm-neoplasm-April-1-2026-XML.xml')],
    ];
    for (const [kind, file] of files) {
      if (!existsSync(file)) continue;
      const parsed = readIndexXml(file, kind);
      indexes[kind] = parsed.terms;
      headings[kind] = parsed.headings.slice(1);
    }
  }
  return new MemoryCodeSet({ info: fy('icd10cm', year), codes, indexes, indexHeadings: headings });
}

/** ICD-10-PCS of one fiscal year from its order file, with the nearest PCS index (FY2025). */
export function loadIcd10pcs(year: number, withIndex = true): CodeSet {
  const codes = readOrderFile(sharedData('icd10pcs', String(year), `icd10pcs_order_${year}.txt`));
  const file = sharedData('icd10pcs', '2025', 'icd10pcs_index_2025.xml');
  const indexes = withIndex && existsSync(file) ? { 'pcs-index': readIndexXml(file, 'pcs-index').terms } : {};
  return new MemoryCodeSet({ info: fy('icd10pcs', year), codes, indexes });
}

/** HCPCS Level II of January 2025 (the only year present). */
export function loadHcpcs(): CodeSet {
  const codes = readHcpcsFile(sharedData('hcpcs', '2025', 'HCPC2025_JAN_ANWEB_12172024.txt'));
  return new MemoryCodeSet({ info: info('hcpcs', 2025, '2025-01-01', '2025-12-31'), codes });
}

/** The code sets of one year the search benchmark uses. */
export function loadDevCodeSets(): CodeSet[] {
  return [loadIcd10cm(2026), loadIcd10pcs(2026), loadHcpcs()];
}
