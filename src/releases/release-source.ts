/**
 * Release files as found on disk: plain files, or members of the official zips (also zips in zips),
 * each with its bytes and sha256 for provenance. A folder is searched recursively.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { MedcodeError } from '../core/medcode-error.ts';

export interface ReleaseSource {
  /** Display name: a path, or "archive.zip!member.txt". */
  readonly name: string;
  /** Base name of the file (of the member, for zip members). */
  readonly baseName: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function isZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Every file under `root` (a file, a folder searched recursively, or a zip), zips expanded. */
export function collectSources(root: string): ReleaseSource[] {
  let stat;
  try {
    stat = statSync(root);
  } catch {
    throw new MedcodeError('INVALID_INPUT', `no file or folder at ${root}`, {
      location: { file: root },
      hint: 'Give the folder or zip that holds the official release files.',
    });
  }
  const files = stat.isDirectory() ? walk(root) : [root];
  // Names are relative to the imported folder, so provenance does not record this machine's paths.
  const nameOf = (f: string): string => (stat.isDirectory() ? path.relative(root, f) : path.basename(f));
  return files.flatMap((f) => fromBytes(nameOf(f), path.basename(f), readFileSync(f)));
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return e.name.startsWith('.') ? [] : walk(p);
      return e.isFile() ? [p] : [];
    });
}

/** Expands zip archives (recursively); other bytes are one source. */
export function fromBytes(name: string, baseName: string, bytes: Uint8Array): ReleaseSource[] {
  // A spreadsheet is a zip too, but it is read whole (the ICD-10-CM conversion table).
  if (!isZip(bytes) || /\.xlsx$/i.test(baseName)) return [{ name, baseName, bytes, sha256: sha256(bytes) }];
  let members: Record<string, Uint8Array>;
  try {
    members = unzipSync(bytes, {
      filter: (f) => !f.name.endsWith('/') && !/\.(pdf|xlsx?|docx?)$/i.test(f.name),
    });
  } catch (e) {
    throw new MedcodeError('RELEASE_FILE_TRUNCATED', `zip archive cannot be read: ${(e as Error).message}`, {
      location: { file: name },
      hint: 'The archive is damaged or incomplete; download it again.',
      cause: e,
    });
  }
  return Object.entries(members)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([member, data]) => fromBytes(`${name}!${member}`, path.basename(member), data));
}
