/**
 * `medcode releases fetch`: downloads the official release files (from CMS/CDC, or from the mirror named by
 * MEDCODE_RELEASES: a folder or a base URL laid out as <system>/<year>/<file>), verifies their checksums
 * and imports them in one transaction.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MedcodeError } from '../core/medcode-error.ts';
import type { TerminologyStore } from '../store/terminology-store.ts';
import type { CodeSystem } from '../terminology/code-system.ts';
import { importReleases, type ImportProgress, type ImportReport } from './import-release.ts';
import { RELEASE_CATALOGUE, type CatalogueFile, type CatalogueRelease } from './release-catalogue.ts';

export interface FetchOptions {
  readonly system?: CodeSystem;
  readonly year?: number;
  /** Folder or base URL of a mirror; undefined for the official sites. */
  readonly mirror?: string;
  /** Folder where downloads are kept (MEDCODE_HOME/downloads). */
  readonly downloads: string;
  readonly onProgress?: ImportProgress;
}

export interface FetchReport extends ImportReport {
  readonly downloaded: readonly {
    name: string;
    from: string;
    bytes: number;
    sha256: string;
    verified: boolean;
  }[];
  readonly missing: readonly string[];
}

type Got = { bytes: Uint8Array; from: string } | undefined;

async function getFile(
  release: CatalogueRelease,
  file: CatalogueFile,
  mirror: string | undefined,
): Promise<Got> {
  const rel = `${release.system}/${release.year}/${file.name}`;
  if (mirror && !/^https?:\/\//.test(mirror)) {
    const p = path.join(mirror, rel);
    try {
      return { bytes: readFileSync(p), from: p };
    } catch {
      return undefined;
    }
  }
  const url = mirror ? `${mirror.replace(/\/$/, '')}/${rel}` : file.url;
  if (!url) return undefined;
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(120_000) });
  } catch (e) {
    throw new MedcodeError('RELEASE_FETCH_FAILED', `cannot reach ${url}: ${(e as Error).message}`, {
      hint: 'Check the network, or point MEDCODE_RELEASES at a folder or mirror that holds the files.',
      cause: e,
    });
  }
  if (res.status === 404) return undefined;
  if (!res.ok) {
    throw new MedcodeError('RELEASE_FETCH_FAILED', `${url} answered HTTP ${res.status}`, {
      hint: 'Try again later, or use a mirror (MEDCODE_RELEASES).',
    });
  }
  return { bytes: new Uint8Array(await res.arrayBuffer()), from: url };
}

/** Fetches, verifies and imports the catalogue releases that match the options. */
export async function fetchReleases(store: TerminologyStore, opts: FetchOptions): Promise<FetchReport> {
  const releases = RELEASE_CATALOGUE.filter(
    (r) => (!opts.system || r.system === opts.system) && (!opts.year || r.year === opts.year),
  );
  if (releases.length === 0) {
    throw new MedcodeError(
      'USAGE',
      `no known release for ${opts.system ?? 'any system'} ${opts.year ?? ''}`.trim(),
      {
        hint: `Known: ${RELEASE_CATALOGUE.map((r) => `${r.system} ${r.year}`).join(', ')}. For other files use medcode releases import <folder|zip>.`,
      },
    );
  }
  mkdirSync(opts.downloads, { recursive: true });
  const staging = mkdtempSync(path.join(opts.downloads, 'fetch-'));
  const downloaded: FetchReport['downloaded'][number][] = [];
  const missing: string[] = [];
  try {
    for (const release of releases) {
      for (const part of release.parts) {
        const got = await firstAvailableChoice(release, part.choices, opts.mirror);
        if (!got) {
          const what = `${release.system} ${release.year} ${part.what}`;
          if (part.required) {
            throw new MedcodeError(
              'RELEASE_FETCH_FAILED',
              `${what} not found at ${opts.mirror ?? 'the official site'}`,
              {
                hint: `Tried: ${part.choices
                  .flat()
                  .map((f) => f.name)
                  .join(', ')}.`,
              },
            );
          }
          missing.push(what);
          continue;
        }
        for (const { file, bytes, from } of got) {
          const sha256 = createHash('sha256').update(bytes).digest('hex');
          if (file.sha256 && file.sha256 !== sha256) {
            throw new MedcodeError(
              'RELEASE_CHECKSUM_MISMATCH',
              `${file.name} from ${from} has sha256 ${sha256}, expected ${file.sha256}`,
              {
                hint: 'The download is damaged or not the official file; nothing was imported. Try again or use another mirror.',
              },
            );
          }
          const dir = path.join(staging, release.system, String(release.year));
          mkdirSync(dir, { recursive: true });
          writeFileSync(path.join(dir, file.name), bytes);
          downloaded.push({
            name: file.name,
            from,
            bytes: bytes.byteLength,
            sha256,
            verified: file.sha256 !== undefined,
          });
        }
      }
    }
    const report = await importReleases(store, staging, opts.onProgress);
    return { ...report, downloaded, missing };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

async function firstAvailableChoice(
  release: CatalogueRelease,
  choices: readonly (readonly CatalogueFile[])[],
  mirror: string | undefined,
): Promise<{ file: CatalogueFile; bytes: Uint8Array; from: string }[] | undefined> {
  for (const choice of choices) {
    const files: { file: CatalogueFile; bytes: Uint8Array; from: string }[] = [];
    for (const file of choice) {
      const got = await getFile(release, file, mirror);
      if (!got) break;
      files.push({ file, ...got });
    }
    if (files.length === choice.length) return files;
  }
  return undefined;
}
