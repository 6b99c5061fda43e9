/**
 * Parse time and record counts of the ICD-10-PCS XML and HCPCS annual file parsers on the real files, next
 * to two baselines measured in the same run: reading the file (fs.readFile) and a bare saxes pass (or a
 * line split) with no work per element. Run: npx tsx bench/pcs-hcpcs-parse.ts  (MEDCODE_SHARED=/path/to/shared)
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { parseHcpcsFile } from '../src/releases/hcpcs/hcpcs-file-parser.ts';
import { parsePcsDefinitions } from '../src/releases/icd10pcs/definitions-parser.ts';
import { parsePcsIndex } from '../src/releases/icd10pcs/index-parser.ts';
import { expandPcsTables, parsePcsTables } from '../src/releases/icd10pcs/tables-parser.ts';
import { sharedData } from '../test/support/shared-data.ts';
import { bareSaxes, median, RUNS } from './support/parse-timing.ts';

async function lineSplit(file: string): Promise<void> {
  (await readFile(file, 'latin1')).split(/\r?\n/);
}

interface Target {
  readonly file: string[];
  readonly baseline: (file: string) => Promise<void>;
  readonly parse: (file: string) => Promise<string>;
}

const targets: Target[] = [
  ...['2025', '2026'].map((y) => ({
    file: ['icd10pcs', y, `icd10pcs_tables_${y}.xml`],
    baseline: bareSaxes,
    parse: async (f: string) => {
      const { tables } = await parsePcsTables(f);
      return `${tables.length} tables, ${tables.reduce((n, t) => n + t.rows.length, 0)} rows, ${[...expandPcsTables(tables)].length} codes`;
    },
  })),
  {
    file: ['icd10pcs', '2025', 'icd10pcs_index_2025.xml'],
    baseline: bareSaxes,
    parse: async (f) => `${(await parsePcsIndex(f)).terms.length} terms`,
  },
  ...['2025', '2026'].map((y) => ({
    file: ['icd10pcs', y, `icd10pcs_definitions_${y}.xml`],
    baseline: bareSaxes,
    parse: async (f: string) => `${(await parsePcsDefinitions(f)).definitions.length} definitions`,
  })),
  {
    file: ['hcpcs', '2025', 'HCPC2025_JAN_ANWEB_12172024.txt'],
    baseline: lineSplit,
    parse: async (f) => {
      const { codes } = await parseHcpcsFile(f);
      const modifiers = codes.codes.filter((c) => c.kind === 'modifier').length;
      return `${codes.codes.length - modifiers} codes, ${modifiers} modifiers`;
    },
  },
];

console.log(`median of ${RUNS} runs; node ${process.version}`);
console.log(['file', 'MB', 'readFile ms', 'baseline ms', 'parser ms', 'records'].join('\t'));
for (const t of targets) {
  const file = sharedData(...t.file);
  if (!existsSync(file)) {
    console.log(`${t.file.join('/')}\tmissing`);
    continue;
  }
  const mb = ((await stat(file)).size / 1e6).toFixed(1);
  const read = await median(() => readFile(file));
  const base = await median(() => t.baseline(file));
  let records = '';
  const parse = await median(async () => (records = await t.parse(file)));
  console.log([t.file.at(-1), mb, read.toFixed(1), base.toFixed(1), parse.toFixed(1), records].join('\t'));
}
