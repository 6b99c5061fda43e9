/**
 * `medcode search "<text>" [--system icd10cm|icd10pcs|hcpcs|all] [--date YYYY-MM-DD] [--billable]
 * [--limit N] [--json] [--prefix]`.
 *
 * Contract with the CLI wiring (src/cli/main.ts): `registerSearchCommand(program, deps)` where `deps` is
 *   - `searchSources()`: every loaded version as a CodeSet, or as a prebuilt SearchIndexData decoded from
 *     the store's artifact table (decodeSearchIndex); search itself picks versions by --date and --system
 *     and builds (and caches per CodeSet object) an index for a CodeSet it is given. With the CliContext,
 *     building each index once and keeping it in the store's artifact table (src/search/search-index-cache.ts):
 *     `{ ...ctx, searchSources: async () => Promise.all((await ctx.versions()).map((v) =>
 *        cachedSearchIndex(ctx.store(), ctx.codeSet(v.id)))) }`.
 *   - `out(text)` and `json(value)`: where results are printed (CliContext has both).
 * Failures are MedcodeErrors (SEARCH_QUERY_INVALID, INVALID_INPUT) for main to map to exit codes.
 */
import type { Command } from 'commander';
import { parseIsoDate } from '../../core/dates.ts';
import { MedcodeError } from '../../core/medcode-error.ts';
import type { SearchHit, SearchOptions, SearchSource } from '../../search/search.ts';
import { MAX_LIMIT, search } from '../../search/search.ts';
import { parseCodeSystem } from '../../terminology/code-system.ts';

export interface SearchCommandDeps {
  /** The sources to search; the options let the caller load only the versions the query can reach. */
  searchSources(options: SearchOptions): Promise<readonly SearchSource[]>;
  out(text: string): void;
  json(value: unknown): void;
}

interface SearchCommandOptions {
  system?: string;
  date?: string;
  billable?: boolean;
  limit?: string;
  json?: boolean;
  prefix?: boolean;
}

function parseLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) {
    throw new MedcodeError(
      'INVALID_INPUT',
      `--limit must be a whole number from 1 to ${MAX_LIMIT}, not "${value}"`,
      {
        location: { field: '--limit' },
      },
    );
  }
  return n;
}

/** The search options the command line asks for, validated. */
export function searchOptionsOf(opts: SearchCommandOptions): SearchOptions {
  const system =
    opts.system === undefined || opts.system.toLowerCase() === 'all'
      ? 'all'
      : parseCodeSystem(opts.system, '--system');
  const limit = parseLimit(opts.limit);
  return {
    system,
    ...(opts.date === undefined ? {} : { date: parseIsoDate(opts.date, '--date') }),
    ...(limit === undefined ? {} : { limit }),
    billable: opts.billable ?? false,
    prefix: opts.prefix ?? false,
  };
}

/** Results as the terminal shows them: code, billable mark, description, then why it matched. */
export function formatHits(text: string, hits: readonly SearchHit[]): string {
  if (hits.length === 0) return `no codes found for "${text}"`;
  const width = Math.max(...hits.map((h) => h.code.length));
  return hits
    .map((h) => {
      const valid = h.validOnDate ? '' : '  (not valid on the date)';
      return `${h.code.padEnd(width)} ${h.billable ? '*' : ' '} ${h.description}${valid}\n${' '.repeat(width + 3)}${h.why}`;
    })
    .join('\n');
}

export function registerSearchCommand(program: Command, deps: SearchCommandDeps): void {
  program
    .command('search <text>')
    .description('find codes by words, shorthand or misspelled terms (* = billable)')
    .option('-s, --system <system>', 'icd10cm | icd10pcs | hcpcs | all', 'all')
    .option('-d, --date <YYYY-MM-DD>', 'date of service (default: the newest loaded release)')
    .option('-b, --billable', 'only billable codes')
    .option('-n, --limit <N>', `how many results (1-${MAX_LIMIT}, default 10)`)
    .option('--json', 'print the results as JSON')
    .option('--prefix', 'as-you-type: the last word is a prefix')
    .action(async (text: string, opts: SearchCommandOptions) => {
      const options = searchOptionsOf(opts);
      const hits = search(await deps.searchSources(options), text, options);
      if (opts.json) deps.json(hits);
      else deps.out(formatHits(text, hits));
    });
}
