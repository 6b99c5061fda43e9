import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared folder (official release files and evaluation sets): MEDCODE_SHARED, else ../shared. */
export function sharedDir(): string {
  return process.env['MEDCODE_SHARED'] ?? path.resolve(repoRoot, '..', 'shared');
}

/** A path inside shared/data. */
export function sharedData(...parts: string[]): string {
  return path.join(sharedDir(), 'data', ...parts);
}

/** Whether the shared data is present; integration tests skip with a reason when it is not. */
export function hasSharedData(): boolean {
  return existsSync(path.join(sharedDir(), 'data', 'PROVENANCE.md'));
}

export { repoRoot };
