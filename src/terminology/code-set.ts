/**
 * A read-only view of one release version, with the layers it inherits from earlier years, that every
 * engine (lookup, search, coding, edits) works on. Synchronous by design: the SQLite store answers it
 * with lazy prepared queries, a server or PostgreSQL store with a snapshot held in memory.
 */
import type { IsoDate } from '../core/dates.ts';
import type { CodeSystem } from './code-system.ts';
import type { IndexEntry } from './index-path.ts';
import type {
  AddendaChange,
  CodeRecord,
  HcpcsDetail,
  IndexKind,
  IndexTerm,
  Layer,
  PcsDefinition,
  PcsTable,
  SeventhCharacter,
  TabularGroup,
  TabularNote,
} from './model.ts';

/** Which version a layer of a code set was taken from (its own, or the closest earlier one that has it). */
export interface LayerSource {
  readonly versionId: string;
  readonly year: number;
}

export interface CodeSetInfo {
  readonly system: CodeSystem;
  readonly year: number;
  readonly versionId: string;
  readonly effectiveFrom: IsoDate;
  readonly effectiveTo: IsoDate;
  /** For each layer present, the version it comes from. */
  readonly layers: Readonly<Partial<Record<Layer, LayerSource>>>;
}

export interface CodeSet {
  readonly info: CodeSetInfo;
  /** A code of this version (normalized form), billable or header. */
  get(code: string): CodeRecord | undefined;
  /** Direct children in this version's hierarchy, in tabular order. */
  children(code: string): readonly CodeRecord[];
  /** Billable codes under a header, in tabular order, at most `limit`. */
  billableDescendants(code: string, limit?: number): readonly CodeRecord[];
  /** Every code of the version, in tabular order. */
  codes(): Iterable<CodeRecord>;
  /** ICD-10-CM: the block and chapter (in that order) whose range holds the code's category. */
  groupsFor(code: string): readonly TabularGroup[];
  /** ICD-10-CM: every chapter and block. */
  groups(): readonly TabularGroup[];
  /** Tabular notes placed on a code, block or chapter (not inherited), in tabular order. */
  notesOf(owner: string): readonly TabularNote[];
  /** 7th-character definitions placed on a code (not inherited). */
  seventhsOf(owner: string): readonly SeventhCharacter[];
  /** Every note of the tabular layer, for engines that index them. */
  allNotes(): Iterable<TabularNote>;
  /** All terms of one index (main index, external-cause index, drug or neoplasm table, PCS index). */
  indexTerms(kind: IndexKind): readonly IndexTerm[];
  /** Index entries (main index and external-cause index) that lead to a code, with their paths. */
  indexEntriesFor(code: string): readonly IndexEntry[];
  /** Column headings of the drug or neoplasm table. */
  indexHeadings(kind: IndexKind): readonly string[];
  /** ICD-10-PCS table by its first three characters. */
  pcsTable(key: string): PcsTable | undefined;
  /** ICD-10-PCS definitions of one section. */
  pcsDefinitions(section: string): readonly PcsDefinition[];
  /** HCPCS fields beyond descriptions. */
  hcpcs(code: string): HcpcsDetail | undefined;
  /** ICD-10-CM conversion table: the codes that took over from a previous code, with the year they did. */
  successorsOf(previous: string): readonly { readonly code: string; readonly year: number }[];
  /** The CMS addenda of this release (changes against the previous one), when loaded. */
  addenda(): readonly AddendaChange[];
}
