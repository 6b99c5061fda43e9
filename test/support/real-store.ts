/**
 * A store holding every release in shared/data, imported once and reused by all integration tests (the
 * test runner runs each file in its own process). Keyed by the code that builds it, so a parser change
 * rebuilds it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importReleases } from '../../src/releases/import-release.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { repoRoot, sharedData } from './shared-data.ts';

function sourceKey(): string {
  const h = createHash('sha256');
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) h.update(p).update(readFileSync(p));
    }
  };
  for (const d of ['src/releases', 'src/store', 'src/terminology']) walk(path.join(repoRoot, d));
  h.update(sharedData());
  return h.digest('hex').slice(0, 16);
}

let cached: SqliteStore | undefined;

/** The store with all of shared/data imported (built on first use, then reused across test files). */
export async function realStore(): Promise<SqliteStore> {
  if (cached) return cached;
  const file = path.join(os.tmpdir(), `medcode-test-real-${sourceKey()}.db`);
  if (!existsSync(file)) {
    const tmp = `${file}.${process.pid}.tmp`;
    const store = SqliteStore.open(tmp);
    await importReleases(store, sharedData());
    await store.close();
    for (const ext of ['-wal', '-shm']) rmSync(tmp + ext, { force: true });
    renameSync(tmp, file);
  }
  cached = SqliteStore.open(file);
  return cached;
}
