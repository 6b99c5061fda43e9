/** The medcode command line. Maps MedcodeError to its exit code and a message on stderr. */
import { Command, CommanderError } from 'commander';
import { isMedcodeError } from '../core/medcode-error.ts';
import { createCliContext } from './cli-context.ts';
import { registerCheckCommand } from './commands/check-command.ts';
import { codingDepsFromContext, registerCodeCommand } from './commands/code-command.ts';
import { registerEvalCommand } from './commands/eval-command.ts';
import { registerLookupCommand } from './commands/lookup-command.ts';
import { registerSearchCommand } from './commands/search-command.ts';
import { searchSourcesFor } from './search-sources.ts';
import { registerReleasesCommand } from './commands/releases-command.ts';

export async function main(argv: readonly string[]): Promise<number> {
  const ctx = createCliContext();
  const program = new Command('medcode')
    .description('medical coding: ICD-10-CM, ICD-10-PCS and HCPCS Level II lookup, search, coding and edits')
    .exitOverride()
    .showHelpAfterError();
  registerReleasesCommand(program, ctx);
  registerLookupCommand(program, ctx);
  registerCheckCommand(program, ctx);
  registerSearchCommand(program, { ...ctx, searchSources: (options) => searchSourcesFor(ctx, options) });
  const codingDeps = codingDepsFromContext(ctx);
  registerCodeCommand(program, codingDeps);
  registerEvalCommand(program, codingDeps);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    // A command may report a verdict through the exit code (check: 1 when the claim has errors).
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (isMedcodeError(e)) {
      process.stderr.write(`medcode: ${e.describe()}\n`);
      return e.exitCode;
    }
    process.stderr.write(`medcode: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 70;
  } finally {
    await ctx.close();
  }
}

// A closed pipe (`medcode ... | head`) ends output quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
process.exitCode = await main(process.argv.slice(2));
