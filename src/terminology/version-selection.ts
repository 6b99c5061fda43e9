/** Picks the release version that covers a date of service. */
import type { IsoDate } from '../core/dates.ts';
import { MedcodeError } from '../core/medcode-error.ts';
import { CODE_SYSTEM_NAMES, type CodeSystem } from './code-system.ts';
import type { VersionInfo, VersionKey } from './model.ts';
import { fiscalYearRange } from '../core/dates.ts';

/** The versions of one system that have codes, oldest first. */
export function versionsOf(all: readonly VersionInfo[], system: CodeSystem): VersionInfo[] {
  return all.filter((v) => v.system === system && v.counts.codes > 0).sort((a, b) => a.year - b.year);
}

/**
 * The version whose effective dates hold `date`; without a date, the newest loaded. Throws
 * RELEASE_NOT_LOADED naming the year to import when no loaded version covers the date.
 */
export function versionForDate(all: readonly VersionInfo[], system: CodeSystem, date?: IsoDate): VersionInfo {
  const list = versionsOf(all, system);
  const name = CODE_SYSTEM_NAMES[system];
  if (list.length === 0) {
    throw new MedcodeError('STORE_EMPTY', `no ${name} release is loaded`, {
      hint: 'Import one: medcode releases import <folder|zip> (or set MEDCODE_RELEASES and run medcode releases fetch).',
    });
  }
  if (date === undefined) return list[list.length - 1]!;
  const hit = list.find((v) => v.effectiveFrom <= date && date <= v.effectiveTo);
  if (hit) return hit;
  const year =
    system === 'hcpcs'
      ? Number(date.slice(0, 4))
      : Number(date.slice(0, 4)) + (date.slice(5, 7) >= '10' ? 1 : 0);
  throw new MedcodeError(
    'RELEASE_NOT_LOADED',
    `no ${name} release covering ${date} (${system === 'hcpcs' ? '' : 'FY'}${year}) is loaded`,
    {
      hint: `Loaded: ${list.map((v) => `${v.year} (${v.effectiveFrom} to ${v.effectiveTo})`).join(', ')}. Import the ${year} release: medcode releases fetch --system ${system} --year ${year}.`,
    },
  );
}

/** Effective dates of a version: ICD-10 fiscal year (October 1 to September 30), HCPCS calendar year. */
export function effectiveRange(key: VersionKey): { from: IsoDate; to: IsoDate } {
  return key.system === 'hcpcs'
    ? { from: `${key.year}-01-01`, to: `${key.year}-12-31` }
    : fiscalYearRange(key.year);
}
