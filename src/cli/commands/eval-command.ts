/**
 * `medcode eval --gold <jsonl> [--setting inpatient|outpatient|emergency] [--profile codiesp|us] [--limit N] [--json]`
 *
 * Scores the coding engine on a CodiEsp-style gold JSONL: micro P/R/F1 (exact, aligned per the printed
 * normalization, and at the 3-character category), MAP over the ranked list, precision of the most
 * confident half, and the top false-positive / false-negative codes, for diagnoses and procedures.
 *
 * Deps contract (wired by src/cli/main.ts; see CodingCommandDeps in code-command.ts):
 *   engine(date, profile)  a CodingEngine over the code sets for the date of service (undefined = newest)
 *   readFile(path)         the bytes of a file
 *   out(text) / json(v)    print to stdout
 *   progress(title)        a progress bar on stderr
 */
import type { Command } from 'commander';
import { MedcodeError } from '../../core/medcode-error.ts';
import { parseCodiEspJsonl } from '../../coding/eval/codiesp-reader.ts';
import { evaluate } from '../../coding/eval/evaluate.ts';
import { formatEvaluationReport } from '../../coding/eval/format-report.ts';
import type { CodingCommandDeps } from './code-command.ts';
import { parseProfile, parseSetting } from './code-command.ts';

interface EvalOptions {
  gold: string;
  setting: string;
  profile: string;
  limit?: string;
  json?: boolean;
}

function parseLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) {
    throw new MedcodeError('USAGE', `--limit must be a positive integer, not "${value}"`, {
      location: { field: '--limit' },
    });
  }
  return n;
}

export function registerEvalCommand(program: Command, deps: CodingCommandDeps): void {
  program
    .command('eval')
    .description('score the coding engine against a CodiEsp-style gold JSONL (diagnoses and procedures)')
    .requiredOption(
      '--gold <jsonl>',
      'gold file: one JSON object per line with id, text_en, icd10cm, icd10pcs',
    )
    .option('--setting <setting>', 'inpatient | outpatient | emergency', 'inpatient')
    .option('--profile <profile>', 'codiesp (the gold conventions) | us (Official Guidelines)', 'codiesp')
    .option('--limit <n>', 'score only the first n documents')
    .option('--json', 'print the full report as JSON')
    .action(async (opts: EvalOptions) => {
      const setting = parseSetting(opts.setting);
      const profile = parseProfile(opts.profile);
      const limit = parseLimit(opts.limit);
      const text = new TextDecoder().decode(await deps.readFile(opts.gold));
      const docs = parseCodiEspJsonl(text, opts.gold).slice(0, limit);
      const engine = await deps.engine(undefined, profile);
      const bar = deps.progress('coding');
      const report = evaluate(engine, docs, setting, (done) => bar.update(done, docs.length));
      bar.done();
      if (opts.json) deps.json(report);
      else deps.out(formatEvaluationReport(report));
    });
}
