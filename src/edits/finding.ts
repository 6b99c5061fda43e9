/**
 * A finding of the claim scrubber: one rule an encounter breaks, with what to do about it and where the
 * rule comes from. Edit ids are stable: clients may key on them.
 */

export const EDIT_IDS = [
  'DX_UNKNOWN_CODE',
  'DX_NOT_VALID_ON_DATE',
  'DX_NO_CODE_SET',
  'DX_HEADER_NOT_BILLABLE',
  'DX_MISSING_7TH_CHARACTER',
  'DX_PLACEHOLDER_X_MISSING',
  'DX_DUPLICATE',
  'DX_EXCLUDES1',
  'DX_MANIFESTATION_FIRST',
  'DX_CODE_FIRST_MISSING',
  'DX_CODE_FIRST_ORDER',
  'DX_USE_ADDITIONAL_MISSING',
  'DX_CODE_ALSO',
  'DX_SEQUENCING_SECONDARY_ONLY',
  'DX_SEQUENCING_FIRST_LISTED_ONLY',
  'DX_AGE_NEWBORN',
  'DX_AGE_PEDIATRIC',
  'DX_AGE_MATERNITY',
  'DX_AGE_ADULT',
  'DX_SEX_CONFLICT',
  'INJ_7TH_MISMATCH',
  'PX_NO_CODE_SET',
  'PCS_INVALID',
  'PCS_NOT_VALID_ON_DATE',
  'PCS_NOT_INPATIENT',
  'HCPCS_UNKNOWN',
  'HCPCS_NOT_ACTIVE',
  'MOD_UNKNOWN',
  'MOD_NOT_ACTIVE',
  'NCCI_PTP',
  'NCCI_PTP_MODIFIER_BYPASS',
  'MUE_UNITS',
] as const;
export type EditId = (typeof EDIT_IDS)[number];

/** error: the claim will be denied; warning: a coder should review; info: worth knowing. */
export type Severity = 'error' | 'warning' | 'info';

/** Where a rule comes from; every field that is known is filled. */
export interface FindingSource {
  /** "tabular" (an instructional note), "guidelines", "mce", "ncci-ptp", "ncci-mue", "pcs-tables", "hcpcs". */
  readonly kind:
    'tabular' | 'guidelines' | 'mce' | 'ncci-ptp' | 'ncci-mue' | 'pcs-tables' | 'hcpcs' | 'codes';
  /** Guideline section, e.g. "I.A.12.a". */
  readonly section?: string;
  /** Tabular note: the code, block or chapter it sits on (normalized), its type and text. */
  readonly noteOwner?: string;
  readonly noteType?: string;
  readonly noteText?: string;
  /** Data file (or version id) and the year of the data the rule was read from. */
  readonly file?: string;
  readonly year?: number;
}

export interface Finding {
  readonly id: EditId;
  readonly severity: Severity;
  /** Codes involved, in the form the encounter gave them (normalized, no dot). */
  readonly codes: readonly string[];
  /** Field paths in the encounter, e.g. "diagnoses[2].code". */
  readonly fields: readonly string[];
  readonly message: string;
  /** What to do; `codes` lists suggested codes (billable children, code to add, X-padded code). */
  readonly fix?: { readonly message: string; readonly codes?: readonly string[] };
  readonly source: FindingSource;
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Orders findings errors first, then by the first field they point at, for stable output. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      compare(a.fields[0] ?? '', b.fields[0] ?? '') ||
      compare(a.id, b.id),
  );
}
