/**
 * Parses the ICD-10-PCS tables file (icd10pcs_tables_YYYY.xml) into PcsTable records, streaming.
 * A <pcsTable> holds axes 1-3 (section, body system, operation with its definition) and <pcsRow>s, each
 * giving the valid values of axes 4-7; a code is valid when characters 4-7 all come from one row.
 */
import type { LayerData, PcsAxis, PcsAxisValue, PcsTable } from '../../terminology/model.ts';
import type { ReleaseInput } from '../release-input.ts';
import { readXmlRelease, requireAttribute, requireIntAttribute } from './xml-release-reader.ts';
import type { XmlContext, XmlVisitor } from './xml-release-reader.ts';

export type PcsTablesLayer = Extract<LayerData, { layer: 'pcs-tables' }>;

interface AxisBuilder {
  pos: number;
  declared: number;
  title: string;
  values: PcsAxisValue[];
  pendingCode: string | undefined;
}

interface TableBuilder {
  axes: PcsAxis[];
  rows: PcsAxis[][];
  row: { declared: number; line: number; axes: PcsAxis[] } | undefined;
}

/** Parses a tables file into the 'pcs-tables' layer. */
export async function parsePcsTables(source: ReleaseInput, displayName?: string): Promise<PcsTablesLayer> {
  const tables: PcsTable[] = [];
  await readXmlRelease(
    source,
    displayName,
    { root: 'ICD10PCS.tabular', description: 'ICD-10-PCS tables file' },
    tablesVisitor(tables),
  );
  return { layer: 'pcs-tables', tables };
}

function tablesVisitor(out: PcsTable[]): XmlVisitor {
  let table: TableBuilder | undefined;
  let axis: AxisBuilder | undefined;
  return {
    open(name: string, attrs: Readonly<Record<string, string>>, ctx: XmlContext) {
      if (name === 'pcsTable') table = { axes: [], rows: [], row: undefined };
      else if (name === 'pcsRow') {
        if (!table) ctx.fail('<pcsRow> outside a <pcsTable>');
        table.row = { declared: requireIntAttribute(attrs, 'codes', name, ctx), line: ctx.line, axes: [] };
      } else if (name === 'axis') {
        const pos = requireIntAttribute(attrs, 'pos', name, ctx);
        const declared = requireIntAttribute(attrs, 'values', name, ctx);
        axis = { pos, declared, title: '', values: [], pendingCode: undefined };
      } else if (name === 'label') {
        if (!axis) ctx.fail('<label> outside an <axis>');
        axis.pendingCode = requireAttribute(attrs, 'code', name, ctx);
      }
    },
    close(name: string, text: string, ctx: XmlContext) {
      if (name === 'title' && axis) axis.title = text;
      else if (name === 'label' && axis?.pendingCode !== undefined) {
        axis.values.push({ code: axis.pendingCode, label: text });
        axis.pendingCode = undefined;
      } else if (name === 'definition') addDefinition(axis, text, ctx);
      else if (name === 'axis' && axis && table) {
        closeAxis(table, axis, ctx);
        axis = undefined;
      } else if (name === 'pcsRow' && table?.row) {
        checkRow(table.row, ctx);
        table.rows.push(table.row.axes);
        table.row = undefined;
      } else if (name === 'pcsTable' && table) {
        out.push(finishTable(table, ctx));
        table = undefined;
      }
    },
  };
}

/** The operation (axis 3) carries its definition after its single label. */
function addDefinition(axis: AxisBuilder | undefined, text: string, ctx: XmlContext): void {
  const last = axis?.values.at(-1);
  if (!axis || !last) ctx.fail('<definition> outside an axis value');
  axis.values[axis.values.length - 1] = { ...last, definition: text };
}

function closeAxis(table: TableBuilder, axis: AxisBuilder, ctx: XmlContext): void {
  if (axis.values.length !== axis.declared) {
    ctx.fail(`axis ${axis.pos} declares ${axis.declared} values but lists ${axis.values.length}`);
  }
  const done: PcsAxis = { pos: axis.pos, title: axis.title, values: axis.values };
  if (table.row) table.row.axes.push(done);
  else table.axes.push(done);
}

/** A row must give axes 4-7 and as many codes as it declares (a check against a damaged file). */
function checkRow(row: { declared: number; line: number; axes: readonly PcsAxis[] }, ctx: XmlContext): void {
  const positions = row.axes.map((a) => a.pos).join(',');
  if (positions !== '4,5,6,7') ctx.fail(`<pcsRow> has axes ${positions}; expected 4,5,6,7`, row.line);
  const count = row.axes.reduce((n, a) => n * a.values.length, 1);
  if (count !== row.declared) {
    ctx.fail(`<pcsRow codes="${row.declared}"> but its axes give ${count} codes`, row.line);
  }
}

function finishTable(table: TableBuilder, ctx: XmlContext): PcsTable {
  const positions = table.axes.map((a) => a.pos).join(',');
  if (positions !== '1,2,3') ctx.fail(`<pcsTable> has axes ${positions}; expected 1,2,3`);
  const key = table.axes
    .map((a) => {
      const only = a.values[0];
      if (a.values.length !== 1 || !only) ctx.fail(`table axis ${a.pos} must have exactly one value`);
      return only.code;
    })
    .join('');
  if (table.rows.length === 0) ctx.fail(`table ${key} has no <pcsRow>`);
  return { key, axes: table.axes, rows: table.rows };
}

/** Every valid code of the tables: for each row, the Cartesian product of its axes 4-7. */
export function* expandPcsTables(tables: Iterable<PcsTable>): Iterable<string> {
  for (const table of tables) {
    for (const row of table.rows) yield* expandRow(table.key, row);
  }
}

function* expandRow(prefix: string, axes: readonly PcsAxis[]): Iterable<string> {
  const [first, ...rest] = axes;
  if (!first) {
    yield prefix;
    return;
  }
  for (const value of first.values) yield* expandRow(prefix + value.code, rest);
}
