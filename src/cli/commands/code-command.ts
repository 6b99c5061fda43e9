/**
 * `medcode code <file|-> [--setting outpatient|inpatient|emergency] [--date YYYY-MM-DD] [--age N] [--sex F|M]
 *  [--profile us|codiesp] [--json]` codes one note (plain text or FHIR DocumentReference / Bundle JSON).
 * `medcode code --batch <folder|jsonl> --out <jsonl> [--workers N]` codes many, on all cores, resumable.
 *
 * Deps contract (CodingCommandDeps, wired by src/cli/main.ts):
 *   engine(date, profile)      a CodingEngine over the code sets valid on the date of service
 *   engineSpec(date, profile)  the same engine as an EngineSpec, rebuilt in each batch worker thread
 *   readFile(path)             bytes of a file; "-" reads stdin
 *   out(text) / json(value)    print to stdout
 *   progress(title)            a progress bar on stderr (drawn only on a terminal)
 */
import type { Command } from 'commander';
import type { IsoDate } from '../../core/dates.ts';
import { parseIsoDate } from '../../core/dates.ts';
import { MedcodeError } from '../../core/medcode-error.ts';
import { runBatch } from '../../coding/batch/batch-runner.ts';
import type { EngineSpec } from '../../coding/batch/engine-factory.ts';
import { codeNote } from '../../coding/code-note.ts';
import type { CodingEngine } from '../../coding/coding-engine.ts';
import type { CodingProfile, CodingResult, EncounterContext, Setting } from '../../coding/coding-result.ts';
import { PROFILES, SETTINGS } from '../../coding/coding-result.ts';
import { noteTextFrom } from '../../coding/note-input.ts';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createCodingEngine } from '../../coding/coding-engine.ts';
import { createEngine as createDevEngine } from '../../coding/batch/dev-engine-factory.ts';
import { loadCodingModel } from '../../coding/io/load-coding-model.ts';
import type { CliContext } from '../cli-context.ts';
import { createCliContext } from '../cli-context.ts';
import type { Progress } from '../progress.ts';
import { progressBar } from '../progress.ts';

export interface CodingCommandDeps {
  engine(date: IsoDate | undefined, profile: CodingProfile): Promise<CodingEngine>;
  engineSpec(date: IsoDate | undefined, profile: CodingProfile): EngineSpec;
  readFile(path: string): Promise<Uint8Array>;
  out(text: string): void;
  json(value: unknown): void;
  progress(title: string): Progress;
}

interface CodeOptions {
  setting: string;
  date?: string;
  age?: string;
  sex?: string;
  profile: string;
  json?: boolean;
  batch?: string;
  out?: string;
  workers?: string;
}

export function parseSetting(value: string): Setting {
  const s = SETTINGS.find((x) => x === value.toLowerCase());
  if (!s) {
    throw new MedcodeError('USAGE', `unknown setting "${value}"`, {
      location: { field: '--setting' },
      hint: `Use one of: ${SETTINGS.join(', ')}.`,
    });
  }
  return s;
}

export function parseProfile(value: string): CodingProfile {
  const p = PROFILES.find((x) => x === value.toLowerCase());
  if (!p) {
    throw new MedcodeError('USAGE', `unknown profile "${value}"`, {
      location: { field: '--profile' },
      hint: `Use one of: ${PROFILES.join(', ')}.`,
    });
  }
  return p;
}

function parseContext(opts: CodeOptions): EncounterContext {
  const age = opts.age === undefined ? undefined : Number(opts.age);
  if (age !== undefined && (!Number.isInteger(age) || age < 0 || age > 130)) {
    throw new MedcodeError('ENCOUNTER_INVALID', `--age must be a whole number of years, not "${opts.age}"`, {
      location: { field: '--age' },
    });
  }
  const sex = opts.sex?.toUpperCase();
  if (sex !== undefined && sex !== 'F' && sex !== 'M') {
    throw new MedcodeError('ENCOUNTER_INVALID', `--sex must be F or M, not "${opts.sex}"`, {
      location: { field: '--sex' },
    });
  }
  return {
    setting: parseSetting(opts.setting),
    ...(opts.date ? { date: parseIsoDate(opts.date, '--date') } : {}),
    ...(age !== undefined ? { age } : {}),
    ...(sex ? { sex } : {}),
  };
}

/** Plain-text rendering of a coding result. */
export function formatCodingResult(r: CodingResult): string {
  const lines: string[] = [];
  const item = (c: CodingResult['diagnoses'][number], i: number): void => {
    const ev = c.evidence.map((e) => `"${e.text}" @${e.start}-${e.end} [${e.section}]`).join('; ');
    lines.push(
      `  ${String(i + 1).padStart(2)}. ${c.display.padEnd(9)} ${c.confidence.toFixed(2)}  ${c.description}`,
    );
    lines.push(
      `      evidence: ${ev || '-'}`,
      `      source: ${c.source}${c.guideline ? `; guideline ${c.guideline}` : ''}`,
    );
  };
  lines.push(`Diagnoses (ICD-10-CM), ${r.context.setting}:`);
  r.diagnoses.forEach(item);
  if (r.diagnoses.length === 0) lines.push('  (none)');
  lines.push('Procedures:');
  r.procedures.forEach(item);
  if (r.procedures.length === 0) lines.push('  (none)');
  if (r.notCoded.length > 0) lines.push('Not coded:');
  for (const n of r.notCoded)
    lines.push(`  ${n.display.padEnd(9)} ${n.reason}${n.detail ? ` (${n.detail})` : ''}: ${n.description}`);
  if (r.documentation.length > 0) lines.push('Documentation opportunities:');
  for (const d of r.documentation) lines.push(`  ${d.code}: ${d.query}`);
  return lines.join('\n');
}

async function codeBatch(
  deps: CodingCommandDeps,
  opts: CodeOptions,
  context: EncounterContext,
): Promise<void> {
  if (!opts.out)
    throw new MedcodeError('USAGE', '--batch needs --out <jsonl>', { location: { field: '--out' } });
  const workers = opts.workers === undefined ? undefined : Number(opts.workers);
  const bar = deps.progress('coding');
  const summary = await runBatch({
    input: opts.batch!,
    out: opts.out,
    spec: deps.engineSpec(context.date, parseProfile(opts.profile)),
    context,
    ...(workers ? { workers } : {}),
    onProgress: (done, total) => bar.update(done, total),
  });
  bar.done(
    `coded ${summary.coded}, skipped ${summary.skipped} already in ${opts.out}, failed ${summary.failed}`,
  );
}

export function registerCodeCommand(program: Command, deps: CodingCommandDeps): void {
  program
    .command('code [file]')
    .description('propose ICD-10-CM / ICD-10-PCS codes for a clinical note, each with its evidence')
    .option('--setting <setting>', 'outpatient | inpatient | emergency', 'outpatient')
    .option('--date <YYYY-MM-DD>', 'date of service (selects the code set)')
    .option('--age <n>', 'patient age in years')
    .option('--sex <F|M>', 'patient sex')
    .option('--profile <profile>', 'us (Official Guidelines) | codiesp (CodiEsp gold conventions)', 'us')
    .option('--json', 'print the full result as JSON')
    .option('--batch <folder|jsonl>', 'code every note of a folder or JSONL file')
    .option('--out <jsonl>', 'with --batch: output file (appended; ids already there are skipped)')
    .option('--workers <n>', 'with --batch: worker threads (default: all cores)')
    .action(async (file: string | undefined, opts: CodeOptions) => {
      const context = parseContext(opts);
      if (opts.batch) return codeBatch(deps, opts, context);
      if (!file)
        throw new MedcodeError('USAGE', 'give a note file, "-" for stdin, or --batch', {
          location: { field: 'file' },
        });
      const text = noteTextFrom(await deps.readFile(file), file);
      const result = codeNote(await deps.engine(context.date, parseProfile(opts.profile)), text, context);
      if (opts.json) deps.json(result);
      else deps.out(formatCodingResult(result));
    });
}

/** Shared data folder for the file-based code sets: MEDCODE_SHARED, else ../shared. */
function sharedData(): string {
  return path.join(process.env['MEDCODE_SHARED'] ?? path.resolve('..', 'shared'), 'data');
}

/** Whether to build code sets from the release files instead of the store (MEDCODE_CODE_SETS=files). */
function useFiles(): boolean {
  return process.env['MEDCODE_CODE_SETS'] === 'files';
}

async function storeEngine(
  ctx: CliContext,
  date: IsoDate | undefined,
  profile: CodingProfile,
): Promise<CodingEngine> {
  const cm = await ctx.codeSetFor('icd10cm', date);
  const pcs = await ctx.codeSetFor('icd10pcs', date).catch(() => undefined);
  const hcpcs = await ctx.codeSetFor('hcpcs', date).catch(() => undefined);
  return createCodingEngine({
    cm,
    ...(pcs ? { pcs } : {}),
    ...(hcpcs ? { hcpcs } : {}),
    model: loadCodingModel(),
    profile,
  });
}

/** Engine factory for batch workers (see EngineSpec): the store, or the release files with MEDCODE_CODE_SETS=files. */
export async function createEngine(spec: EngineSpec): Promise<CodingEngine> {
  if (spec.options['sharedData']) return createDevEngine(spec);
  return storeEngine(createCliContext(), spec.options['date'], spec.profile);
}

/** The deps of the coding commands over the CLI context. */
export function codingDepsFromContext(ctx: CliContext): CodingCommandDeps {
  const engines = new Map<string, Promise<CodingEngine>>();
  return {
    engine(date, profile) {
      const key = `${date ?? ''}|${profile}`;
      let e = engines.get(key);
      if (!e) {
        e = useFiles()
          ? createDevEngine({ factory: '', profile, options: { sharedData: sharedData() } })
          : storeEngine(ctx, date, profile);
        engines.set(key, e);
      }
      return e;
    },
    engineSpec(date, profile) {
      const options: Record<string, string> = useFiles() ? { sharedData: sharedData() } : {};
      if (date) options['date'] = date;
      return { factory: import.meta.url, profile, options };
    },
    async readFile(file) {
      if (file !== '-') {
        return readFile(file).catch((cause: unknown) => {
          throw new MedcodeError('INVALID_INPUT', `cannot read ${file}`, {
            location: { file },
            hint: 'Give the path of a note (plain text or FHIR JSON), or "-" to read standard input.',
            cause,
          });
        });
      }
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    out: (text) => ctx.out(text),
    json: (value) => ctx.json(value),
    progress: (title) => progressBar(title),
  };
}
