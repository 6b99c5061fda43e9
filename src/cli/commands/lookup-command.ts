/** `medcode lookup <code> [--system] [--date] [--json]`. */
import type { Command } from 'commander';
import { parseIsoDate } from '../../core/dates.ts';
import { MedcodeError } from '../../core/medcode-error.ts';
import { lookupCode, type LookupAnswer } from '../../lookup/lookup-code.ts';
import {
  displayCode,
  guessCodeSystem,
  parseCodeSystem,
  type CodeSystem,
} from '../../terminology/code-system.ts';
import type { CliContext } from '../cli-context.ts';

interface LookupOptions {
  system?: string;
  date?: string;
  json?: boolean;
}

export function registerLookupCommand(program: Command, ctx: CliContext): void {
  program
    .command('lookup <code>')
    .description('what a code means and whether it is valid on a date of service')
    .option('-s, --system <system>', 'icd10cm | icd10pcs | hcpcs (guessed from the code when left out)')
    .option('-d, --date <YYYY-MM-DD>', 'date of service (default: the newest loaded release)')
    .option('--json', 'print the full answer as JSON')
    .action(async (code: string, opts: LookupOptions) => {
      const date = opts.date === undefined ? undefined : parseIsoDate(opts.date, '--date');
      const versions = await ctx.versions();
      const sources = { versions, open: (id: string) => ctx.codeSet(id) };
      const systems: CodeSystem[] = opts.system
        ? [parseCodeSystem(opts.system, '--system')]
        : guessCodeSystem(code);
      if (systems.length === 0) {
        throw new MedcodeError(
          'INVALID_INPUT',
          `"${code}" does not look like an ICD-10-CM, ICD-10-PCS or HCPCS code`,
          {
            location: { field: 'code' },
            hint: 'Give --system, or search by words: medcode search "<text>".',
          },
        );
      }
      const loaded = systems.filter((s) => versions.some((v) => v.system === s));
      let lastError: unknown;
      for (const system of loaded.length ? loaded : systems) {
        try {
          const answer = lookupCode(sources, system, code, date);
          return opts.json ? ctx.json(answer) : ctx.out(formatAnswer(answer));
        } catch (e) {
          lastError = e;
        }
      }
      throw lastError;
    });
}

export function formatAnswer(a: LookupAnswer): string {
  const lines: string[] = [];
  const layers = Object.entries(a.layers)
    .map(([k, y]) => `${k} ${y}`)
    .join(', ');
  lines.push(`${a.code}  ${a.title ?? '(not in this release)'}`);
  lines.push(`  ${a.validity.valid ? 'VALID' : 'NOT VALID'}: ${a.validity.message}`);
  if (a.validity.replacedBy?.length)
    lines.push(`  replaced by: ${a.validity.replacedBy.map((r) => `${r.code} ${r.title}`).join('; ')}`);
  if (a.validity.nextRelease) {
    const n = a.validity.nextRelease;
    lines.push(
      `  next release (${n.year}): ${n.change}${n.replacedBy.length ? `, see ${n.replacedBy.map((r) => r.code).join(', ')}` : ''}`,
    );
  }
  lines.push(
    `  release ${a.version.id} (${a.version.effectiveFrom}..${a.version.effectiveTo}); layers: ${layers}`,
  );
  if (a.ancestors.length) {
    lines.push('  hierarchy:');
    for (const x of [...a.ancestors].reverse()) lines.push(`    ${x.code.padEnd(12)} ${x.title}`);
  }
  if (a.children.length) {
    lines.push(`  children (${a.children.length}):`);
    for (const c of a.children.slice(0, 30))
      lines.push(`    ${c.code.padEnd(9)} ${c.billable ? '*' : ' '} ${c.title}`);
  }
  if (
    a.billableDescendants &&
    a.billableDescendants.count > 0 &&
    a.billableDescendants.count !== a.children.length
  ) {
    lines.push(
      `  billable codes under it: ${a.billableDescendants.count} (first: ${a.billableDescendants.codes
        .slice(0, 8)
        .map((c) => c.code)
        .join(', ')})`,
    );
  }
  if (a.seventhCharacters) {
    const s = a.seventhCharacters;
    lines.push(
      `  7th characters (defined on ${s.definedOn}):${s.applied ? ` this code: ${s.applied.char} = ${s.applied.meaning}` : ''}`,
    );
    for (const o of s.options) lines.push(`    ${o.char}  ${o.meaning}`);
  }
  if (a.notes.length) {
    lines.push('  notes:');
    for (const n of a.notes)
      lines.push(
        `    [${n.type}] ${n.text}  (${n.inherited ? `from ${n.ownerKind === 'code' ? displayCode(a.system, n.owner) : n.ownerKind === 'chapter' ? `chapter ${n.owner}` : n.owner}` : 'own'}${n.fromYear ? `, ${n.fromYear} tabular` : ''})`,
      );
  }
  if (a.pcs) {
    lines.push(`  characters (table ${a.pcs.table ?? '-'}):`);
    for (const c of a.pcs.characters) {
      lines.push(
        `    ${c.pos}  ${c.value}  ${(c.axisTitle ?? '').padEnd(12)} ${c.label ?? ''}${c.definition ? `: ${c.definition}` : ''}`,
      );
    }
    for (const r of a.pcs.reasons) lines.push(`    invalid: ${r}`);
  }
  if (a.indexEntries.length) {
    lines.push('  index entries leading here:');
    for (const e of a.indexEntries.slice(0, 20))
      lines.push(`    ${e.path}${e.kind === 'index' ? '' : `  (${e.kind})`}`);
  }
  if (a.hcpcs) lines.push(`  hcpcs: ${JSON.stringify(a.hcpcs)}`);
  return lines.join('\n');
}
