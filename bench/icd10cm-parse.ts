/**
 * Parse time and record counts of the ICD-10-CM XML parsers (tabular, index, external-cause index, drug and
 * neoplasm tables) on the real files, next to two baselines measured in the same run: reading the file
 * (fs.readFile) and a bare saxes pass with no work per element.
 * Run: npx tsx bench/icd10cm-parse.ts  (MEDCODE_SHARED=/path/to/shared)
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { parseIcd10cmIndexFile } from '../src/releases/icd10cm/index-parser.ts';
import { parseIcd10cmTabularFile } from '../src/releases/icd10cm/tabular-parser.ts';
import { sharedData } from '../test/support/shared-data.ts';
import { bareSaxes, median, RUNS } from './support/parse-timing.ts';

async function tabular(file: string): Promise<string> {
  const t = await parseIcd10cmTabularFile(file);
  return `${t.groups.length} groups, ${t.notes.length} notes, ${t.sevenths.length} 7th chars, ${t.titles.size} titles`;
}

async function index(file: string): Promise<string> {
  const { layer, terms } = await parseIcd10cmIndexFile(file);
  return `${layer}: ${terms.filter((t) => t.level === 0).length} main terms, ${terms.length} terms`;
}

const targets: [string[], (file: string) => Promise<string>][] = [
  [['icd10cm', '2023', 'icd10cm_tabular_2023.xml'], tabular],
  [['icd10cm', '2023', 'icd10cm_index_2023.xml'], index],
  [['icd10cm', '2025', 'icd-10-cm-eindex-2025.xml'], index],
  [['icd10cm', '2025', 'icd-10-cm-drug-2025.xml'], index],
  [['icd10cm', '2025', 'icd-10-cm-neoplasm-2025.xml'], index],
  [['icd10cm', '2026', 'icd10cm-eindex-April-1-2026-XML.xml'], index],
  [['icd10cm', '2026', 'icd10cm-drug-April-1-2026-XML.xml'], index],
  [['icd10cm', '2026', 'icd10cm-neoplasm-April-1-2026-XML.xml'], index],
];

console.log(`ICD-10-CM XML parsers, median of ${RUNS} runs (ms)`);
console.log(['file', 'MB', 'readFile', 'bare saxes', 'medcode parse', 'records'].join('\t'));
for (const [parts, parse] of targets) {
  const file = sharedData(...parts);
  if (!existsSync(file)) {
    console.log(`${parts.join('/')}\tmissing`);
    continue;
  }
  const mb = ((await stat(file)).size / 1e6).toFixed(1);
  const read = await median(() => readFile(file));
  const bare = await median(() => bareSaxes(file));
  const ours = await median(() => parse(file));
  const records = await parse(file);
  console.log([parts.at(-1), mb, read.toFixed(0), bare.toFixed(0), ours.toFixed(0), records].join('\t'));
}
