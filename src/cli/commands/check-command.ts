/**
 * `medcode check <encounter.json|-> [--json]`: the claim scrubber on one encounter.
 *
 * Contract
 * - Input: a JSON file (or "-" for stdin) holding one Encounter (docs/encounter.schema.json).
 * - Code sets: every loaded version (`deps.versions()`, `deps.codeSet(id)`); the edits pick the one
 *   covering each date of service (discharge date for inpatient ICD-10, line date for HCPCS).
 * - Edit tables the user supplies (CMS distributes them under the AMA CPT licence): --ptp-practitioner,
 *   --ptp-hospital, --mue-practitioner, --mue-hospital (CMS layouts, tab-delimited or CSV), --mce (the
 *   MCE list format of src/edits/mce-lists.ts). --sex-edits off|warning|error (default warning).
 * - Output: one block per finding (severity, edit id, fields, message, fix, source), or with --json
 *   `{ "findings": Finding[], "summary": { "error": n, "warning": n, "info": n } }`.
 * - Exit code: 0 no error finding; 1 at least one error finding (the claim would be denied);
 *   2 malformed input: ENCOUNTER_INVALID (a MedcodeError with every field error in details.errors)
 *   thrown for the CLI's error handler; 3 an edit table that cannot be read (EDIT_FILE_INVALID).
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { MedcodeError } from '../../core/medcode-error.ts';
import { check } from '../../edits/check.ts';
import { editContext } from '../../edits/edit-context.ts';
import type { EditOptions } from '../../edits/edit-context.ts';
import { parseEncounter } from '../../edits/encounter-schema.ts';
import type { Finding } from '../../edits/finding.ts';
import type { MceLists } from '../../edits/mce-lists.ts';
import { parseMceLists } from '../../edits/mce-lists.ts';
import type { NcciLayout, NcciTables } from '../../edits/ncci-tables.ts';
import { parseMueFile, parsePtpFile } from '../../edits/ncci-tables.ts';
import type { CodeSet } from '../../terminology/code-set.ts';
import type { VersionInfo } from '../../terminology/model.ts';

/** What the command needs; the CLI context provides the first three (`registerCheckCommand(program, ctx)`). */
export interface CheckCommandDeps {
  /** Every loaded release version. */
  versions(): Promise<readonly VersionInfo[]>;
  /** Opens a version by id (cached by the caller, so per-code-set caches of the edits are reused). */
  codeSet(versionId: string): CodeSet;
  out(text: string): void;
  /** Reads stdin to the end, for "-" (default: process.stdin). */
  readStdin?(): Promise<string>;
  /** Sets the exit code for error findings (default: process.exitCode). */
  setExitCode?(code: number): void;
}

interface CheckOptions {
  json?: boolean;
  ptpPractitioner?: string;
  ptpHospital?: string;
  muePractitioner?: string;
  mueHospital?: string;
  mce?: string;
  sexEdits?: string;
}

function readTable(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    throw new MedcodeError('EDIT_FILE_INVALID', `cannot read ${file}`, {
      location: { file },
      hint: 'Give the path of the CMS file exported as tab-delimited text or CSV.',
      cause,
    });
  }
}

function loadNcci(o: CheckOptions): NcciTables | undefined {
  const ptp = (
    [
      [o.ptpPractitioner, 'practitioner'],
      [o.ptpHospital, 'hospital'],
    ] as const
  ).flatMap(([f, layout]: readonly [string | undefined, NcciLayout]) =>
    f ? [parsePtpFile(readTable(f), f, layout)] : [],
  );
  const mue = (
    [
      [o.muePractitioner, 'practitioner'],
      [o.mueHospital, 'hospital'],
    ] as const
  ).flatMap(([f, layout]: readonly [string | undefined, NcciLayout]) =>
    f ? [parseMueFile(readTable(f), f, layout)] : [],
  );
  return ptp.length || mue.length ? { ptp, mue } : undefined;
}

function sexEdits(value: string | undefined): EditOptions['sexEdits'] {
  if (value === undefined) return undefined;
  if (value === 'off' || value === 'warning' || value === 'error') return value;
  throw new MedcodeError('USAGE', `--sex-edits must be off, warning or error, not "${value}"`, {
    location: { field: '--sex-edits' },
  });
}

async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function loadCodeSets(deps: CheckCommandDeps): Promise<CodeSet[]> {
  return (await deps.versions()).filter((v) => v.counts.codes > 0).map((v) => deps.codeSet(v.id));
}

async function readEncounter(source: string, deps: CheckCommandDeps): Promise<unknown> {
  const file = source === '-' ? 'stdin' : source;
  let text: string;
  try {
    text = source === '-' ? await (deps.readStdin ?? readProcessStdin)() : readFileSync(source, 'utf8');
  } catch (cause) {
    throw new MedcodeError('USAGE', `cannot read ${file}`, { location: { file }, cause });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new MedcodeError('ENCOUNTER_INVALID', `${file} is not JSON: ${(cause as Error).message}`, {
      location: { file, field: '(root)' },
      hint: 'Write one encounter as a JSON object; docs/encounter.schema.json describes it.',
      details: { errors: [{ path: '(root)', message: 'not JSON' }] },
    });
  }
}

/** Human-readable report of findings. */
export function formatFindings(findings: readonly Finding[]): string {
  if (!findings.length) return 'No findings.\n';
  return findings
    .map((f) => {
      const src = [
        f.source.kind,
        f.source.section,
        f.source.noteOwner,
        f.source.noteType,
        f.source.file,
        f.source.year,
      ]
        .filter((x) => x !== undefined && x !== '')
        .join(' ');
      const fix = f.fix
        ? `\n  fix: ${f.fix.message}${f.fix.codes?.length ? ` [${f.fix.codes.join(', ')}]` : ''}`
        : '';
      return `${f.severity.toUpperCase()} ${f.id} (${f.fields.join(', ')})\n  ${f.message}${fix}\n  source: ${src}\n`;
    })
    .join('');
}

export function registerCheckCommand(program: Command, deps: CheckCommandDeps): Command {
  return program
    .command('check')
    .description('check a coded encounter against ICD-10-CM/PCS, HCPCS, NCCI and MCE edits')
    .argument('<encounter>', 'encounter JSON file, or - for stdin')
    .option('--json', 'print findings as JSON')
    .option('--ptp-practitioner <file>', 'NCCI PTP edits, practitioner file')
    .option('--ptp-hospital <file>', 'NCCI PTP edits, outpatient hospital file')
    .option('--mue-practitioner <file>', 'MUE values, practitioner file')
    .option('--mue-hospital <file>', 'MUE values, outpatient hospital file')
    .option('--mce <file>', 'MCE age/sex lists (format in src/edits/mce-lists.ts)')
    .option('--sex-edits <mode>', 'off, warning or error (default warning)')
    .action(async (source: string, o: CheckOptions) => {
      const encounter = parseEncounter(await readEncounter(source, deps), source === '-' ? 'stdin' : source);
      const mce: MceLists | undefined = o.mce ? parseMceLists(readTable(o.mce), o.mce) : undefined;
      const ncci = loadNcci(o);
      const sex = sexEdits(o.sexEdits);
      const context = editContext(await loadCodeSets(deps), {
        ...(ncci ? { ncci } : {}),
        ...(mce ? { mce } : {}),
        ...(sex ? { options: { sexEdits: sex } } : {}),
      });
      const findings = check(encounter, context);
      const summary = { error: 0, warning: 0, info: 0 };
      for (const f of findings) summary[f.severity]++;
      deps.out(o.json ? `${JSON.stringify({ findings, summary }, null, 2)}\n` : formatFindings(findings));
      const exit = summary.error > 0 ? 1 : 0;
      if (deps.setExitCode) deps.setExitCode(exit);
      else process.exitCode = exit;
    });
}
