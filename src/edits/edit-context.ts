/**
 * What `check` needs besides the encounter: the code sets by date of service, the user-supplied edit
 * tables (NCCI PTP, MUE, MCE lists) and options. Pure: callers load files and stores and pass them in.
 */
import type { IsoDate } from '../core/dates.ts';
import type { CodeSet } from '../terminology/code-set.ts';
import type { CodeSystem } from '../terminology/code-system.ts';
import type { MceLists } from './mce-lists.ts';
import type { NcciTables } from './ncci-tables.ts';

export interface EditOptions {
  /**
   * Sex edits (MCE "diagnosis/procedure for one sex only"): CMS switched them off in the MCE from
   * October 2024 (v42) but other payers still apply them. Default "warning".
   */
  readonly sexEdits?: 'off' | 'warning' | 'error';
}

export interface EditContext {
  /** The code set of a system that covers the date, or undefined when none is loaded for it. */
  codeSetFor(system: CodeSystem, date: IsoDate): CodeSet | undefined;
  /** Every loaded version of a system, to tell "unknown" from "not valid on this date". */
  codeSets(system: CodeSystem): readonly CodeSet[];
  readonly ncci?: NcciTables;
  readonly mce?: MceLists;
  readonly options?: EditOptions;
}

/** A context over code sets held in memory, choosing by each set's effective dates. */
export function editContext(
  sets: readonly CodeSet[],
  extra: Pick<EditContext, 'ncci' | 'mce' | 'options'> = {},
): EditContext {
  return {
    codeSetFor: (system, date) =>
      sets.find(
        (s) => s.info.system === system && s.info.effectiveFrom <= date && date <= s.info.effectiveTo,
      ),
    codeSets: (system) => sets.filter((s) => s.info.system === system),
    ...extra,
  };
}
