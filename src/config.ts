/** Configuration from the environment. Validated here, at the edge; the rest of medcode gets typed values. */
import os from 'node:os';
import path from 'node:path';

export interface MedcodeConfig {
  /** Folder of the store (MEDCODE_HOME, default ~/.medcode). */
  readonly home: string;
  /** Where releases are fetched from: a folder or a base URL (MEDCODE_RELEASES); undefined means the official sites. */
  readonly releases: string | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): MedcodeConfig {
  const home = env['MEDCODE_HOME']?.trim() || path.join(os.homedir(), '.medcode');
  const releases = env['MEDCODE_RELEASES']?.trim() || undefined;
  return { home: path.resolve(home), releases };
}

export function storeFile(config: MedcodeConfig): string {
  return path.join(config.home, 'medcode.db');
}

export function downloadsDir(config: MedcodeConfig): string {
  return path.join(config.home, 'downloads');
}
