/**
 * `medcode lookup`: everything a coder asks of one code on a date of service: what it means, whether it may
 * be reported, where it sits, which notes apply, its 7th characters, and, when it is not valid, why and what
 * replaced it.
 */
import type { IsoDate } from '../core/dates.ts';
import { MedcodeError } from '../core/medcode-error.ts';
import type { CodeSet } from '../terminology/code-set.ts';
import {
  CODE_SYSTEM_NAMES,
  displayCode,
  normalizeCode,
  type CodeSystem,
} from '../terminology/code-system.ts';
import {
  ancestorCodes,
  applicableNotes,
  seventhCharacterOptions,
  type AppliedNote,
  type SeventhCharacterOptions,
} from '../terminology/hierarchy.ts';
import type { CodeRecord, HcpcsDetail, VersionInfo } from '../terminology/model.ts';
import { explainPcsCode, type PcsCodeExplanation } from '../terminology/pcs-explain.ts';
import { versionForDate } from '../terminology/version-selection.ts';
import { validityOnDate, type Validity } from './validity.ts';

export interface CodeSummary {
  readonly code: string;
  readonly title: string;
  readonly kind: string;
  readonly billable: boolean;
}

export interface LookupAnswer {
  readonly system: CodeSystem;
  readonly code: string;
  readonly date: IsoDate | undefined;
  readonly version: {
    readonly id: string;
    readonly year: number;
    readonly effectiveFrom: IsoDate;
    readonly effectiveTo: IsoDate;
  };
  /** The version each layer of the answer came from. */
  readonly layers: Readonly<Record<string, number>>;
  readonly found: boolean;
  readonly title?: string;
  readonly shortTitle?: string;
  readonly kind?: string;
  readonly billable: boolean;
  readonly validity: Validity;
  /** Nearest first, up to the chapter. */
  readonly ancestors: readonly CodeSummary[];
  readonly children: readonly CodeSummary[];
  /** For a header: its billable codes (at most 200) and how many there are. */
  readonly billableDescendants?: { readonly count: number; readonly codes: readonly CodeSummary[] };
  /** Own notes first, then inherited ones (owner in display form), each with the ranges it names. */
  readonly notes: readonly AppliedNote[];
  readonly seventhCharacters?: SeventhCharacterOptions & {
    readonly applied?: { char: string; meaning: string };
  };
  readonly hcpcs?: HcpcsDetail;
  /** Index entries that lead to the code ("Pneumonia > aspiration"), from the index layer's year. */
  readonly indexEntries: readonly { readonly kind: string; readonly path: string }[];
  /** ICD-10-PCS: the meaning of each character, from the year's tables and definitions. */
  readonly pcs?: PcsCodeExplanation;
}

export interface LookupSources {
  readonly versions: readonly VersionInfo[];
  readonly open: (versionId: string) => CodeSet;
}

function summary(system: CodeSystem, c: CodeRecord): CodeSummary {
  return { code: displayCode(system, c.code), title: c.title, kind: c.kind, billable: c.billable };
}

/** Answers a lookup; throws CODE_UNKNOWN when no loaded version of the system has ever had the code. */
export function lookupCode(
  sources: LookupSources,
  system: CodeSystem,
  rawCode: string,
  date?: IsoDate,
): LookupAnswer {
  const code = normalizeCode(rawCode);
  const version = versionForDate(sources.versions, system, date);
  const set = sources.open(version.id);
  const record = set.get(code);
  const descendants = record && !record.billable ? set.billableDescendants(record.code) : [];
  const validity = validityOnDate(sources, system, code, record, set, date, descendants);
  const base = {
    system,
    code: displayCode(system, code),
    date,
    version: {
      id: version.id,
      year: version.year,
      effectiveFrom: version.effectiveFrom,
      effectiveTo: version.effectiveTo,
    },
    layers: Object.fromEntries(Object.entries(set.info.layers).map(([k, v]) => [k, v.year])),
  };
  if (!record) {
    if (validity.reason === 'unknown') throw unknownCode(system, code, set);
    return {
      ...base,
      found: false,
      billable: false,
      validity,
      ancestors: [],
      children: [],
      notes: [],
      indexEntries: [],
    };
  }
  const ancestors = ancestorCodes(set, record);
  const groups = set.groupsFor(record.code);
  const sevenths = seventhCharacterOptions(set, record, ancestors);
  const applied =
    code.length === 7 && sevenths ? sevenths.options.find((o) => o.char === code[6]) : undefined;
  return {
    ...base,
    found: true,
    title: record.title,
    ...(record.shortTitle ? { shortTitle: record.shortTitle } : {}),
    kind: record.kind,
    billable: record.billable,
    validity,
    ancestors: [
      ...ancestors.map((a) => summary(system, a)),
      ...groups.map((g) => ({
        code: g.kind === 'chapter' ? `Chapter ${g.id}` : g.id,
        title: g.title,
        kind: g.kind,
        billable: false,
      })),
    ],
    // Billable codes are the leaves of ICD-10-CM and ICD-10-PCS: only headers have children.
    children: record.billable ? [] : set.children(record.code).map((c) => summary(system, c)),
    ...(record.billable
      ? {}
      : {
          billableDescendants: {
            count: descendants.length,
            codes: descendants.slice(0, 200).map((c) => summary(system, c)),
          },
        }),
    notes: applicableNotes(set, record, ancestors),
    ...(sevenths
      ? {
          seventhCharacters: {
            definedOn: displayCode(system, sevenths.definedOn),
            options: sevenths.options,
            ...(applied ? { applied: { char: applied.char, meaning: applied.meaning } } : {}),
          },
        }
      : {}),
    indexEntries: set.indexEntriesFor(code).map((e) => ({ kind: e.kind, path: e.path.join(' > ') })),
    ...(system === 'hcpcs' && set.hcpcs(code) ? { hcpcs: set.hcpcs(code)! } : {}),
    ...(system === 'icd10pcs' && code.length === 7
      ? { pcs: explainPcsCode(code, set.pcsTable(code.slice(0, 3)), set.pcsDefinitions(code[0]!)) }
      : {}),
  };
}

function unknownCode(system: CodeSystem, code: string, set: CodeSet): MedcodeError {
  if (system === 'icd10pcs' && code.length === 7) {
    // A PCS code is a path through its table: say which character leaves the table's valid rows.
    const why = explainPcsCode(code, set.pcsTable(code.slice(0, 3)), set.pcsDefinitions(code[0]!));
    return new MedcodeError(
      'CODE_UNKNOWN',
      `${code} is not a valid ICD-10-PCS code in ${set.info.year}: ${why.reasons.join('; ') || 'not in the order file'}`,
      {
        hint: `See the valid combinations of table ${code.slice(0, 3)}: medcode lookup ${code.slice(0, 3)}`,
        details: { system, code, explanation: why },
      },
    );
  }
  let prefix = code.slice(0, -1);
  while (prefix.length >= 3 && !set.get(prefix)) prefix = prefix.slice(0, -1);
  const near = prefix.length >= 3 ? set.get(prefix) : undefined;
  return new MedcodeError(
    'CODE_UNKNOWN',
    `${displayCode(system, code)} is not a ${CODE_SYSTEM_NAMES[system]} code in any loaded release`,
    {
      hint: near
        ? `The closest existing code is ${displayCode(system, near.code)} (${near.title}); run: medcode lookup ${displayCode(system, near.code)}`
        : 'Check the code, or search by words: medcode search "<description>".',
      details: { system, code },
    },
  );
}
