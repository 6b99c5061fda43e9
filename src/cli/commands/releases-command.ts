/** `medcode releases import|list|diff|fetch`. */
import type { Command } from 'commander';
import { MedcodeError } from '../../core/medcode-error.ts';
import { fetchReleases } from '../../releases/fetch-releases.ts';
import { importReleases } from '../../releases/import-release.ts';
import { downloadsDir } from '../../config.ts';
import { CODE_SYSTEM_NAMES, displayCode, parseCodeSystem } from '../../terminology/code-system.ts';
import { versionId } from '../../terminology/model.ts';
import { checkAgainstAddenda, diffReleases } from '../../terminology/release-diff.ts';
import type { CliContext } from '../cli-context.ts';
import { progressBar } from '../progress.ts';

export function registerReleasesCommand(program: Command, ctx: CliContext): void {
  const releases = program
    .command('releases')
    .description('import, fetch, list and compare official releases');

  releases
    .command('import <path>')
    .description('import the official CDC/CMS files under a folder (searched recursively) or in a zip')
    .option('--json', 'print the report as JSON')
    .action(async (root: string, opts: { json?: boolean }) => {
      const bar = progressBar('importing');
      const report = await importReleases(ctx.store(), root, (d, t, l) => bar.update(d, t, l));
      bar.done();
      if (opts.json) return ctx.json(report);
      for (const l of report.loaded)
        ctx.out(
          `${l.status.padEnd(9)} ${l.versionId.padEnd(14)} ${l.layer.padEnd(16)} ${String(l.records).padStart(7)}  ${l.files.join(', ')}`,
        );
      ctx.out(`${report.skipped.length} files skipped (run with --json to see which and why)`);
    });

  releases
    .command('fetch')
    .description('download the official releases (or from MEDCODE_RELEASES), verify and import them')
    .option('-s, --system <system>', 'icd10cm | icd10pcs | hcpcs (default: all)')
    .option('-y, --year <year>', 'fiscal year (ICD-10) or calendar year (HCPCS) (default: all known)')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { system?: string; year?: string; json?: boolean }) => {
      if (opts.year !== undefined && !/^\d{4}$/.test(opts.year)) {
        throw new MedcodeError('USAGE', `--year "${opts.year}" is not a year`, {
          location: { field: '--year' },
        });
      }
      const bar = progressBar('fetching');
      const report = await fetchReleases(ctx.store(), {
        ...(opts.system ? { system: parseCodeSystem(opts.system, '--system') } : {}),
        ...(opts.year ? { year: Number(opts.year) } : {}),
        mirror: ctx.config.releases,
        downloads: downloadsDir(ctx.config),
        onProgress: (d, t, l) => bar.update(d, t, l),
      });
      bar.done();
      if (opts.json) return ctx.json(report);
      for (const d of report.downloaded)
        ctx.out(
          `fetched  ${d.name} (${d.bytes} bytes, sha256 ${d.verified ? 'verified' : d.sha256.slice(0, 12)})`,
        );
      for (const l of report.loaded)
        ctx.out(
          `${l.status.padEnd(9)} ${l.versionId.padEnd(14)} ${l.layer.padEnd(16)} ${String(l.records).padStart(7)}`,
        );
      for (const m of report.missing) ctx.out(`not found: ${m}`);
    });

  releases
    .command('list')
    .description('list loaded versions with their layers and counts')
    .option('--json', 'print as JSON')
    .action((opts: { json?: boolean }) => {
      const versions = ctx.store().listVersionsSync();
      if (opts.json) return ctx.json(versions);
      if (versions.length === 0)
        return ctx.out('no release loaded; run: medcode releases import <folder|zip>');
      for (const v of versions) {
        ctx.out(
          `${v.id.padEnd(14)} ${v.effectiveFrom}..${v.effectiveTo}  codes ${String(v.counts.codes).padStart(6)}  billable ${String(v.counts.billable).padStart(6)}  headers ${String(v.counts.headers).padStart(5)}  layers: ${v.layers.map((l) => l.layer).join(', ')}`,
        );
      }
    });

  releases
    .command('diff <system> <from> <to>')
    .description('codes added, deleted and retitled between two years')
    .option('--json', 'print as JSON')
    .option('--codes', 'list every code, not only the counts and the first few')
    .action(
      async (rawSystem: string, from: string, to: string, opts: { json?: boolean; codes?: boolean }) => {
        const system = parseCodeSystem(rawSystem);
        const [a, b] = [from, to].map((y) => {
          if (!/^\d{4}$/.test(y))
            throw new MedcodeError('USAGE', `"${y}" is not a year`, {
              hint: 'Example: medcode releases diff icd10cm 2025 2026',
            });
          return ctx.codeSet(versionId({ system, year: Number(y) }));
        });
        const d = diffReleases(a!.codes(), b!.codes());
        const addenda = b!.addenda().length > 0 ? checkAgainstAddenda(d, b!.addenda()) : undefined;
        const show = (c: { code: string; title: string }): string =>
          `  ${displayCode(system, c.code).padEnd(9)} ${c.title}`;
        if (opts.json) {
          return ctx.json({
            system,
            from: Number(from),
            to: Number(to),
            counts: {
              added: d.added.length,
              deleted: d.deleted.length,
              retitled: d.retitled.length,
              headersAdded: d.headersAdded.length,
              headersDeleted: d.headersDeleted.length,
            },
            added: d.added.map((c) => ({ code: displayCode(system, c.code), title: c.title })),
            deleted: d.deleted.map((c) => ({ code: displayCode(system, c.code), title: c.title })),
            retitled: d.retitled.map((r) => ({ ...r, code: displayCode(system, r.code) })),
          });
        }
        const limit = opts.codes ? Infinity : 10;
        ctx.out(`${CODE_SYSTEM_NAMES[system]} ${from} -> ${to}`);
        ctx.out(`added billable codes: ${d.added.length}`);
        d.added.slice(0, limit).forEach((c) => ctx.out(show(c)));
        ctx.out(`deleted billable codes: ${d.deleted.length}`);
        d.deleted.slice(0, limit).forEach((c) => ctx.out(show(c)));
        ctx.out(`retitled codes: ${d.retitled.length}`);
        d.retitled
          .slice(0, limit)
          .forEach((r) =>
            ctx.out(`  ${displayCode(system, r.code).padEnd(9)} ${r.from}\n  ${' '.repeat(9)} -> ${r.to}`),
          );
        ctx.out(`headers added: ${d.headersAdded.length}, headers removed: ${d.headersDeleted.length}`);
        if (addenda) {
          const verdict =
            addenda.disagreements.length === 0 ? 'agree' : `disagree on ${addenda.disagreements.join(', ')}`;
          ctx.out(
            `CMS addenda of ${to}: ${addenda.added} added, ${addenda.deleted} deleted, ${addenda.revised} revised billable codes: ${verdict}`,
          );
        }
      },
    );
}
