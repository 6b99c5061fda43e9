/**
 * Whether a code may be reported on a date of service, and if not, why: a header, not yet created, deleted
 * (with what replaced it where a later release shows it), or unknown. HCPCS codes also carry their own
 * add and termination dates.
 */
import type { IsoDate } from '../core/dates.ts';
import type { CodeSet } from '../terminology/code-set.ts';
import { displayCode, type CodeSystem } from '../terminology/code-system.ts';
import type { CodeRecord } from '../terminology/model.ts';
import { versionsOf } from '../terminology/version-selection.ts';
import type { LookupSources } from './lookup-code.ts';

export type ValidityReason = 'billable' | 'header' | 'not-yet-created' | 'deleted' | 'terminated' | 'unknown';

export interface Replacement {
  readonly code: string;
  readonly title: string;
}

export interface Validity {
  readonly valid: boolean;
  readonly reason: ValidityReason;
  readonly message: string;
  /** Year of the first loaded release that has the code (for codes not valid on the date). */
  readonly firstYear?: number;
  /** Year of the last loaded release that has the code (for codes not valid on the date). */
  readonly lastYear?: number;
  /** Codes that took its place in the first later release without it (or where it became a header). */
  readonly replacedBy?: readonly Replacement[];
  /** What the next loaded release does to this code, when it deletes or expands it. */
  readonly nextRelease?: {
    readonly year: number;
    readonly change: 'deleted' | 'expanded';
    readonly replacedBy: readonly Replacement[];
  };
}

const label = (system: CodeSystem, year: number): string => (system === 'hcpcs' ? String(year) : `FY${year}`);

export function validityOnDate(
  sources: LookupSources,
  system: CodeSystem,
  code: string,
  record: CodeRecord | undefined,
  set: CodeSet,
  date: IsoDate | undefined,
  /** For a header: its billable descendants, when the caller has them already. */
  descendants: readonly CodeRecord[] = record && !record.billable ? set.billableDescendants(code) : [],
): Validity {
  const shown = displayCode(system, code);
  const versions = versionsOf(sources.versions, system);
  const here = set.info.year;
  // A billable code needs only the next release (is it deleted or expanded there?); anything else is
  // placed against every loaded release (created when, deleted when).
  const wanted = record?.billable ? versions.filter((v) => v.year >= here).slice(0, 2) : versions;
  const years = wanted.map((v) => ({ v, rec: v.year === here ? record : sources.open(v.id).get(code) }));
  const having = years.filter((y) => y.rec);
  const firstYear = having[0]?.v.year;
  const lastYear = having[having.length - 1]?.v.year;
  const span = { ...(firstYear ? { firstYear } : {}), ...(lastYear ? { lastYear } : {}) };
  const next = years.find((y) => y.v.year > here);
  const replacements = (s: CodeSet): Replacement[] =>
    successors(s, code).map((c) => ({ code: displayCode(system, c.code), title: c.title }));
  const nextRelease =
    record?.billable && next && !next.rec?.billable
      ? {
          year: next.v.year,
          change: next.rec ? ('expanded' as const) : ('deleted' as const),
          replacedBy: replacements(sources.open(next.v.id)),
        }
      : undefined;

  if (record && !record.billable) {
    const count = descendants.length;
    const seventh = descendants[0]?.code.length === 7 && code.length === 6;
    // A code that was billable in an earlier release and is now a header was expanded into its children.
    const wasBillable = [...years].reverse().find((y) => y.v.year < here && y.rec?.billable);
    const expanded = wasBillable ? { replacedBy: replacements(set) } : {};
    const since = wasBillable
      ? `; it was billable until ${label(system, wasBillable.v.year)} and was expanded`
      : '';
    return {
      valid: false,
      reason: 'header',
      message: seventh
        ? `${shown} needs a 7th character: it is a header; report one of its ${count} billable codes`
        : `${shown} is a header (${record.kind}), not billable${since}; report one of its ${count} billable codes`,
      ...span,
      ...expanded,
    };
  }
  if (record) {
    const hcpcs = system === 'hcpcs' && date ? hcpcsDates(set, code, date, shown) : undefined;
    if (hcpcs) return { ...hcpcs, ...span };
    return {
      valid: true,
      reason: 'billable',
      message: `${shown} is billable in ${label(system, here)} (${set.info.effectiveFrom} to ${set.info.effectiveTo})`,
      ...span,
      ...(nextRelease ? { nextRelease } : {}),
    };
  }
  if (lastYear !== undefined && lastYear < here) {
    const firstWithout = years.find((y) => y.v.year > lastYear)!;
    const replacedBy = replacements(sources.open(firstWithout.v.id));
    return {
      valid: false,
      reason: 'deleted',
      message: `${shown} was deleted: last in ${label(system, lastYear)}, absent from ${label(system, firstWithout.v.year)} (effective ${firstWithout.v.effectiveFrom})${replacedBy.length ? `; replaced by ${replacedBy.map((r) => r.code).join(', ')}` : ''}`,
      ...span,
      ...(replacedBy.length ? { replacedBy } : {}),
    };
  }
  if (firstYear !== undefined && firstYear > here) {
    return {
      valid: false,
      reason: 'not-yet-created',
      message: `${shown} does not exist yet in ${label(system, here)}: it was created in ${label(system, firstYear)}`,
      ...span,
    };
  }
  return {
    valid: false,
    reason: 'unknown',
    message: `${shown} is not a code of any loaded release`,
    ...span,
  };
}

function hcpcsDates(
  set: CodeSet,
  code: string,
  date: IsoDate,
  shown: string,
): Omit<Validity, 'firstYear' | 'lastYear'> | undefined {
  const d = set.hcpcs(code);
  if (d?.addDate && date < d.addDate) {
    return { valid: false, reason: 'not-yet-created', message: `${shown} takes effect on ${d.addDate}` };
  }
  if (d?.terminationDate && date > d.terminationDate) {
    return {
      valid: false,
      reason: 'terminated',
      message: `${shown} was terminated on ${d.terminationDate}${d.crossReference?.length ? `; see ${d.crossReference.join(', ')}` : ''}`,
    };
  }
  return undefined;
}

/**
 * The billable codes of a later release that took a code's place: those the CDC conversion table names
 * when it is loaded; else its own descendants when it was expanded; else those of its nearest surviving
 * ancestor that keep its 7th character (S30.1XXA -> S30.1..A).
 */
function successors(set: CodeSet, code: string): readonly CodeRecord[] {
  const converted = set
    .successorsOf(code)
    .map((s) => set.get(s.code))
    .filter((c): c is CodeRecord => c?.billable === true);
  if (converted.length > 0) return converted;
  const own = set.billableDescendants(code, 50);
  if (own.length > 0) return own;
  let prefix = code.replace(/X+[A-Z0-9]?$/, '');
  while (prefix.length > 3 && !set.get(prefix)) prefix = prefix.slice(0, -1);
  if (!set.get(prefix)) return [];
  const seventh = code.length === 7 ? code[6] : undefined;
  return set
    .billableDescendants(prefix, 2000)
    .filter((c) => seventh === undefined || (c.code.length === 7 && c.code[6] === seventh))
    .slice(0, 50);
}
