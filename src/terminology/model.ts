/**
 * The terminology model: the records a release import produces and the store keeps. Pure types; no I/O.
 * Codes are kept in their normalized form (upper case, no dot); see code-system.ts for display.
 */
import type { IsoDate } from '../core/dates.ts';
import type { CodeSystem } from './code-system.ts';

/** What a row of the hierarchy is. Chapters and blocks (sections) exist only in ICD-10-CM. */
export type CodeKind = 'chapter' | 'block' | 'category' | 'subcategory' | 'code' | 'table' | 'modifier';

/** One code of a release (from its order file, tables or HCPCS file), billable or a header. */
export interface CodeRecord {
  readonly code: string;
  readonly kind: CodeKind;
  readonly billable: boolean;
  /** Long title (description). */
  readonly title: string;
  /** Abbreviated title where the release has one (order file, HCPCS short description). */
  readonly shortTitle?: string;
  /** Normalized code of the parent in the same release, if any (category for a subcategory, etc.). */
  readonly parent?: string;
  /** Order number in the release file, to list codes in tabular order. */
  readonly order: number;
}

/** A chapter or block (section) of the ICD-10-CM tabular, spanning a range of categories. */
export interface TabularGroup {
  /** "1".."22" for chapters; "A00-A09" for blocks. */
  readonly id: string;
  readonly kind: 'chapter' | 'block';
  readonly title: string;
  /** First and last category (3 characters) of the range, inclusive. */
  readonly first: string;
  readonly last: string;
  /** Chapter id for a block. */
  readonly chapter?: string;
  readonly order: number;
}

export const NOTE_TYPES = [
  'includes',
  'inclusionTerm',
  'excludes1',
  'excludes2',
  'codeFirst',
  'useAdditionalCode',
  'codeAlso',
  'notes',
  'sevenChrNote',
] as const;
export type NoteType = (typeof NOTE_TYPES)[number];

/** A range of codes named by a note: "E08-E13" or "N18.1-N18.6" or "Z16.-" (first === last, prefix). */
export interface CodeRange {
  /** Normalized first code of the range. */
  readonly first: string;
  /** Normalized last code of the range (inclusive; a code under `last` as a prefix is included). */
  readonly last: string;
  /** The range as written in the note, e.g. "N18.1-N18.6". */
  readonly text: string;
  /**
   * A condition the note puts on the range that a prefix cannot express, e.g. "with fifth or sixth
   * character 5" in "(T36-T50 with fifth or sixth character 5)": the range then over-approximates.
   */
  readonly qualifier?: string;
}

/** One tabular instructional note attached to a chapter, block or code. */
export interface TabularNote {
  /** Normalized code, or chapter / block id, the note sits on. */
  readonly owner: string;
  readonly type: NoteType;
  readonly text: string;
  /** Code ranges the note names, parsed from its text. */
  readonly ranges: readonly CodeRange[];
  /** Position among the owner's notes, to keep tabular order. */
  readonly seq: number;
}

/** A 7th-character definition of a category or subcategory; applies to every code under it. */
export interface SeventhCharacter {
  readonly owner: string;
  readonly char: string;
  readonly meaning: string;
  /** Notes listed under the character in the tabular (S72 "B": "initial encounter for open fracture NOS"). */
  readonly notes?: readonly string[];
}

/** Which alphabetic index a term belongs to. */
export type IndexKind = 'index' | 'eindex' | 'drug' | 'neoplasm' | 'pcs-index';

/** One term of an alphabetic index (main term or subterm at any level) or a row of the drug/neoplasm table. */
export interface IndexTerm {
  /** Unique within the release and kind; assigned in document order. */
  readonly id: number;
  readonly kind: IndexKind;
  /** Parent term id; undefined for a main term. */
  readonly parent?: number;
  /** 0 for a main term, then the level of the subterm. */
  readonly level: number;
  /** Title without its nonessential modifiers. */
  readonly title: string;
  /** Nonessential modifiers, each without its parentheses. */
  readonly nemod?: readonly string[];
  /** Normalized code the term leads to; a trailing "-" ("C798-") means the category needs more characters. */
  readonly code?: string;
  /** Manifestation code, shown in brackets in the printed index ("[E11.22]"). */
  readonly manif?: string;
  readonly see?: string;
  readonly seeAlso?: string;
  readonly seeCategory?: string;
  readonly subcategory?: string;
  /** ICD-10-PCS index: "use" body-part/device term. */
  readonly use?: string;
  /** ICD-10-PCS index: code prefix (table + body part) a term leads to. */
  readonly codes?: string;
  /** Drug and neoplasm tables: code (normalized; "-" for none) per column heading. */
  readonly cells?: Readonly<Record<string, string>>;
}

/** ICD-10-PCS: one axis value with its label. */
export interface PcsAxisValue {
  readonly code: string;
  readonly label: string;
  readonly definition?: string;
}

/** ICD-10-PCS: one axis (character position) of a table or row. */
export interface PcsAxis {
  readonly pos: number;
  readonly title: string;
  readonly values: readonly PcsAxisValue[];
}

/** ICD-10-PCS table: the first three characters, and the rows giving valid characters 4-7. */
export interface PcsTable {
  /** The three characters, e.g. "0DT". */
  readonly key: string;
  readonly axes: readonly PcsAxis[];
  readonly rows: readonly (readonly PcsAxis[])[];
}

/** ICD-10-PCS definitions: a term of one axis of a section with its definition. */
export interface PcsDefinition {
  readonly section: string;
  readonly pos: number;
  readonly axisTitle: string;
  readonly term: string;
  readonly definition?: string;
  readonly explanation?: string;
  readonly includes?: readonly string[];
}

/** HCPCS Level II: the fields of the annual file beyond code and descriptions. */
export interface HcpcsDetail {
  readonly code: string;
  readonly isModifier: boolean;
  readonly pricing: readonly string[];
  readonly multiplePricing?: string;
  readonly coverage?: string;
  readonly betos?: string;
  readonly typeOfService: readonly string[];
  readonly addDate?: IsoDate;
  readonly actionEffectiveDate?: IsoDate;
  readonly terminationDate?: IsoDate;
  readonly actionCode?: string;
  readonly crossReference?: readonly string[];
  readonly labCertification?: readonly string[];
  readonly statute?: string;
  readonly ascGroup?: string;
  readonly anesthesiaBaseUnits?: number;
}

/** The kinds of content a release version can hold; each is loaded, replaced and traced on its own. */
export const LAYERS = [
  'codes',
  'tabular',
  'index',
  'eindex',
  'drug',
  'neoplasm',
  'pcs-tables',
  'pcs-index',
  'pcs-definitions',
  'hcpcs',
  'addenda',
  'conversion',
] as const;
export type Layer = (typeof LAYERS)[number];

/** Where a layer came from: the file, its checksum and size. */
export interface SourceFile {
  /** File name (inside a zip: "archive.zip!member.txt"). */
  readonly name: string;
  readonly sha256: string;
  readonly bytes: number;
}

/** The parsed content of one layer of one release version, ready to store. */
export type LayerData =
  | { readonly layer: 'codes'; readonly codes: readonly CodeRecord[] }
  | {
      readonly layer: 'tabular';
      readonly groups: readonly TabularGroup[];
      readonly notes: readonly TabularNote[];
      readonly sevenths: readonly SeventhCharacter[];
      /** Codes the tabular marks as needing placeholder X. */
      readonly placeholders: readonly string[];
      /** Descriptions of the tabular, to compare with the order file's titles. */
      readonly titles: ReadonlyMap<string, string>;
    }
  | {
      readonly layer: 'index' | 'eindex' | 'drug' | 'neoplasm' | 'pcs-index';
      readonly terms: readonly IndexTerm[];
      readonly headings?: readonly string[];
    }
  | { readonly layer: 'pcs-tables'; readonly tables: readonly PcsTable[] }
  | { readonly layer: 'pcs-definitions'; readonly definitions: readonly PcsDefinition[] }
  | { readonly layer: 'hcpcs'; readonly details: readonly HcpcsDetail[] }
  | { readonly layer: 'addenda'; readonly changes: readonly AddendaChange[] }
  | { readonly layer: 'conversion'; readonly entries: readonly ConversionEntry[] };

/** A row of the ICD-10-CM conversion table: a current code and the code(s) it took over from. */
export interface ConversionEntry {
  readonly current: string;
  /** Fiscal year the current code took effect. */
  readonly year: number;
  readonly previous: readonly string[];
}

/** One line of the CMS order-file addenda: what the release changed against the previous one. */
export interface AddendaChange {
  readonly action: 'add' | 'delete' | 'revise';
  readonly code: string;
  readonly billable: boolean;
  readonly title: string;
  /** For a revision: the title it had before. */
  readonly previousTitle?: string;
}

/** A release version: one code system, one year. */
export interface VersionKey {
  readonly system: CodeSystem;
  /** Fiscal year for ICD-10; calendar year for HCPCS. */
  readonly year: number;
}

export function versionId(key: VersionKey): string {
  return `${key.system}-${key.year}`;
}

/** What the store knows of a version: its dates, its layers with their provenance, and counts. */
export interface VersionInfo extends VersionKey {
  readonly id: string;
  readonly effectiveFrom: IsoDate;
  readonly effectiveTo: IsoDate;
  readonly layers: readonly LayerInfo[];
  readonly counts: { readonly codes: number; readonly billable: number; readonly headers: number };
}

export interface LayerInfo {
  readonly layer: Layer;
  readonly files: readonly SourceFile[];
  readonly importedAt: string;
  readonly records: number;
}
