/**
 * What every CLI command gets: configuration, the store (opened once, lazily), code sets by date, and
 * output helpers. When the store is empty, commands that need codes first import from MEDCODE_RELEASES.
 */
import type { IsoDate } from '../core/dates.ts';
import { MedcodeError } from '../core/medcode-error.ts';
import { downloadsDir, loadConfig, storeFile, type MedcodeConfig } from '../config.ts';
import { fetchReleases } from '../releases/fetch-releases.ts';
import { importReleases } from '../releases/import-release.ts';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { CodeSet } from '../terminology/code-set.ts';
import type { CodeSystem } from '../terminology/code-system.ts';
import type { VersionInfo } from '../terminology/model.ts';
import { versionForDate } from '../terminology/version-selection.ts';
import { progressBar } from './progress.ts';

export interface CliContext {
  readonly config: MedcodeConfig;
  /** The store, opened on first use. */
  store(): SqliteStore;
  /** The store, made non-empty first: imports from MEDCODE_RELEASES when nothing is loaded. */
  loadedStore(): Promise<SqliteStore>;
  versions(): Promise<VersionInfo[]>;
  /** The code set of `system` covering `date` (the newest loaded without a date). */
  codeSetFor(system: CodeSystem, date?: IsoDate): Promise<CodeSet>;
  /** Opens a version by id (cached). */
  codeSet(versionId: string): CodeSet;
  out(text: string): void;
  json(value: unknown): void;
  close(): Promise<void>;
}

export function createCliContext(env: NodeJS.ProcessEnv = process.env): CliContext {
  const config = loadConfig(env);
  let store: SqliteStore | undefined;
  const sets = new Map<string, CodeSet>();
  const ctx: CliContext = {
    config,
    store() {
      store ??= SqliteStore.open(storeFile(config));
      return store;
    },
    async loadedStore() {
      const s = ctx.store();
      if (s.listVersionsSync().some((v) => v.counts.codes > 0)) return s;
      if (!config.releases) {
        throw new MedcodeError('STORE_EMPTY', `the store at ${storeFile(config)} holds no release`, {
          hint: 'Import the official files: medcode releases import <folder|zip>, or set MEDCODE_RELEASES to a folder or URL of them.',
        });
      }
      const bar = progressBar('importing');
      const onProgress = (d: number, t: number, l: string): void => bar.update(d, t, l);
      const report = /^https?:\/\//.test(config.releases)
        ? await fetchReleases(s, { mirror: config.releases, downloads: downloadsDir(config), onProgress })
        : await importReleases(s, config.releases, onProgress);
      bar.done(`imported ${report.loaded.length} layers from ${config.releases}`);
      return s;
    },
    async versions() {
      return (await ctx.loadedStore()).listVersionsSync();
    },
    async codeSetFor(system, date) {
      const v = versionForDate(await ctx.versions(), system, date);
      return ctx.codeSet(v.id);
    },
    codeSet(id) {
      let set = sets.get(id);
      if (!set) {
        set = ctx.store().openCodeSetSync(id);
        sets.set(id, set);
      }
      return set;
    },
    out(text) {
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    },
    json(value) {
      process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
    async close() {
      await store?.close();
    },
  };
  return ctx;
}
