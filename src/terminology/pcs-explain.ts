/**
 * Explains an ICD-10-PCS code character by character from its table (and the definitions file), and says
 * whether it is a valid combination: characters 1-3 pick the table, and characters 4-7 must all come from
 * ONE row of it. Pure: the caller looks the table up (CodeSet.pcsTable) and passes the section's definitions.
 */
import { MedcodeError } from '../core/medcode-error.ts';
import { normalizeCode } from './code-system.ts';
import type { PcsAxis, PcsAxisValue, PcsDefinition, PcsTable } from './model.ts';

/** One character of a code: its axis, value, label and what the definitions file says of it. */
export interface PcsCharacterExplanation {
  readonly pos: number;
  /** Axis title as the table names it (Section, Body System, Operation, Body Part, Approach, ...). */
  readonly axisTitle?: string;
  readonly value: string;
  readonly label?: string;
  readonly definition?: string;
  readonly explanation?: string;
  readonly includes?: readonly string[];
}

export interface PcsCodeExplanation {
  readonly code: string;
  /** Key of the table the code was checked against, when there is one. */
  readonly table?: string;
  readonly characters: readonly PcsCharacterExplanation[];
  /** True when the code is a combination its table allows. */
  readonly valid: boolean;
  /** Why the code is not valid, one reason per problem; empty when valid. */
  readonly reasons: readonly string[];
}

const PCS_CHAR = /^[0-9A-HJ-NP-Z]$/;

/**
 * Explains a code axis by axis and checks it against its table.
 * @example explainPcsCode('0DTJ4ZZ', codeSet.pcsTable('0DT'), codeSet.pcsDefinitions('0'))
 *   // characters: Medical and Surgical / Gastrointestinal System / Resection / Appendix / ...
 */
export function explainPcsCode(
  rawCode: string,
  table: PcsTable | undefined,
  definitions: readonly PcsDefinition[],
): PcsCodeExplanation {
  const code = normalizeCode(rawCode);
  if (table && table.key !== code.slice(0, 3)) {
    throw new MedcodeError('INTERNAL', `table ${table.key} was passed to explain ${code}`, {
      hint: 'Look the table up by the first three characters of the code.',
    });
  }
  const reasons = formatReasons(code);
  if (!table && code.length >= 3) reasons.push(`there is no table '${code.slice(0, 3)}' in this release`);
  const rowCheck = table && code.length === 7 ? checkRows(code, table) : undefined;
  if (rowCheck?.reason) reasons.push(rowCheck.reason);
  const characters = [...code].map((value, i) =>
    explainCharacter(i + 1, value, table, rowCheck?.stages, definitions),
  );
  return { code, ...(table ? { table: table.key } : {}), characters, valid: reasons.length === 0, reasons };
}

function formatReasons(code: string): string[] {
  const reasons: string[] = [];
  if (code.length !== 7) reasons.push(`an ICD-10-PCS code has 7 characters; '${code}' has ${code.length}`);
  [...code].forEach((c, i) => {
    if (!PCS_CHAR.test(c)) {
      reasons.push(`character ${i + 1} '${c}' is not used in ICD-10-PCS (digits and letters except I and O)`);
    }
  });
  return reasons;
}

/** For each of positions 4-7, the rows still matching every earlier character (4..pos-1). */
type Stages = ReadonlyMap<number, readonly (readonly PcsAxis[])[]>;

function checkRows(code: string, table: PcsTable): { stages: Stages; reason?: string } {
  const stages = new Map<number, readonly (readonly PcsAxis[])[]>();
  let rows: readonly (readonly PcsAxis[])[] = table.rows;
  for (let pos = 4; pos <= 7; pos++) {
    stages.set(pos, rows);
    const value = code.charAt(pos - 1);
    const next = rows.filter((row) => valueAt(row, pos, value));
    if (next.length === 0) return { stages, reason: rowReason(code, table, pos, rows) };
    rows = next;
  }
  return { stages };
}

function valueAt(row: readonly PcsAxis[], pos: number, value: string): PcsAxisValue | undefined {
  return row.find((a) => a.pos === pos)?.values.find((v) => v.code === value);
}

/**
 * Names the first character that leaves no row, with the earlier characters it conflicts with:
 * "character 6 'J' is not a valid Device for body part 'J' in table 0DT; valid here: Z (No Device)".
 * Only the body part is named when the value fits no row of that body part; otherwise every earlier one.
 */
function rowReason(
  code: string,
  table: PcsTable,
  pos: number,
  rows: readonly (readonly PcsAxis[])[],
): string {
  const value = code.charAt(pos - 1);
  const head = `character ${pos} '${value}' is not a valid ${axisTitle(table, pos) ?? `axis ${pos}`}`;
  const tail = ` in table ${table.key}; valid here: ${allowedValues(rows, pos)}`;
  if (pos === 4) return head + tail;
  const bodyPartRows = table.rows.filter((row) => valueAt(row, 4, code.charAt(3)));
  const others = bodyPartRows.some((row) => valueAt(row, pos, value)) ? range(5, pos) : [];
  const withOthers = others.length
    ? ` with ${others.map((p) => describeChar(table, code, p)).join(' and ')}`
    : '';
  return `${head} for ${describeChar(table, code, 4)}${withOthers}${tail}`;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

function describeChar(table: PcsTable, code: string, pos: number): string {
  return `${(axisTitle(table, pos) ?? `axis ${pos}`).toLowerCase()} '${code.charAt(pos - 1)}'`;
}

function allowedValues(rows: readonly (readonly PcsAxis[])[], pos: number): string {
  const seen = new Map<string, string>();
  for (const row of rows) {
    for (const v of row.find((a) => a.pos === pos)?.values ?? []) seen.set(v.code, v.label);
  }
  return [...seen]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([c, label]) => `${c} (${label})`)
    .join(', ');
}

function axisTitle(table: PcsTable, pos: number): string | undefined {
  if (pos <= 3) return table.axes.find((a) => a.pos === pos)?.title;
  return table.rows[0]?.find((a) => a.pos === pos)?.title;
}

function explainCharacter(
  pos: number,
  value: string,
  table: PcsTable | undefined,
  stages: Stages | undefined,
  definitions: readonly PcsDefinition[],
): PcsCharacterExplanation {
  const title = table && axisTitle(table, pos);
  const found = table && findValue(table, pos, value, stages);
  const def = found && findDefinition(definitions, table.key.charAt(0), pos, found.label);
  const definition = found?.definition ?? def?.definition;
  return {
    pos,
    ...(title ? { axisTitle: title } : {}),
    value,
    ...(found ? { label: found.label } : {}),
    ...(definition ? { definition } : {}),
    ...(def?.explanation ? { explanation: def.explanation } : {}),
    ...(def?.includes ? { includes: def.includes } : {}),
  };
}

/** The value's entry, preferring the rows that match the earlier characters (labels can differ by row). */
function findValue(table: PcsTable, pos: number, value: string, stages: Stages | undefined) {
  if (pos <= 3) return table.axes.find((a) => a.pos === pos)?.values.find((v) => v.code === value);
  for (const rows of [stages?.get(pos) ?? [], table.rows]) {
    for (const row of rows) {
      const found = valueAt(row, pos, value);
      if (found) return found;
    }
  }
  return undefined;
}

function findDefinition(
  definitions: readonly PcsDefinition[],
  section: string,
  pos: number,
  label: string,
): PcsDefinition | undefined {
  const wanted = label.toLowerCase();
  return definitions.find((d) => d.section === section && d.pos === pos && d.term.toLowerCase() === wanted);
}
