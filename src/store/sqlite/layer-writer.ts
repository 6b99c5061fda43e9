/** Inserts the rows of one parsed layer. Runs inside the store's write transaction. */
import type Database from 'better-sqlite3';
import { indexPath } from '../../terminology/index-path.ts';
import type { IndexTerm, LayerData } from '../../terminology/model.ts';
import { LAYER_TABLES } from './schema.ts';

type Db = Database.Database;

export function deleteLayer(db: Db, version: string, layer: string): void {
  for (const { table, where } of LAYER_TABLES[layer] ?? []) {
    db.prepare(`DELETE FROM ${table} WHERE version = ?${where ? ` AND ${where}` : ''}`).run(version);
  }
}

/** Inserts a layer's rows and returns how many records it holds. */
export function insertLayer(db: Db, version: string, data: LayerData): number {
  switch (data.layer) {
    case 'codes': {
      const st = db.prepare(
        'INSERT INTO codes (version, code, kind, billable, title, short_title, parent, ord) VALUES (?,?,?,?,?,?,?,?)',
      );
      for (const c of data.codes) {
        st.run(
          version,
          c.code,
          c.kind,
          c.billable ? 1 : 0,
          c.title,
          c.shortTitle ?? null,
          c.parent ?? null,
          c.order,
        );
      }
      return data.codes.length;
    }
    case 'tabular': {
      const g = db.prepare(
        'INSERT INTO tabular_groups (version, id, kind, title, first, last, chapter, ord) VALUES (?,?,?,?,?,?,?,?)',
      );
      for (const x of data.groups)
        g.run(version, x.id, x.kind, x.title, x.first, x.last, x.chapter ?? null, x.order);
      const n = db.prepare(
        'INSERT INTO notes (version, owner, seq, type, text, ranges) VALUES (?,?,?,?,?,?)',
      );
      for (const x of data.notes) n.run(version, x.owner, x.seq, x.type, x.text, JSON.stringify(x.ranges));
      const s = db.prepare('INSERT INTO sevenths (version, owner, char, meaning) VALUES (?,?,?,?)');
      for (const x of data.sevenths) s.run(version, x.owner, x.char, x.meaning);
      return data.groups.length + data.notes.length + data.sevenths.length;
    }
    case 'index':
    case 'eindex':
    case 'drug':
    case 'neoplasm':
    case 'pcs-index':
      return insertIndex(db, version, data.layer, data.terms, data.headings);
    case 'pcs-tables': {
      const st = db.prepare('INSERT INTO pcs_tables (version, key, body) VALUES (?,?,?)');
      for (const t of data.tables) st.run(version, t.key, JSON.stringify(t));
      return data.tables.length;
    }
    case 'pcs-definitions': {
      const st = db.prepare('INSERT INTO pcs_definitions (version, section, seq, body) VALUES (?,?,?,?)');
      data.definitions.forEach((d, i) => st.run(version, d.section, i, JSON.stringify(d)));
      return data.definitions.length;
    }
    case 'addenda': {
      const st = db.prepare('INSERT INTO addenda (version, seq, body) VALUES (?,?,?)');
      data.changes.forEach((c, i) => st.run(version, i, JSON.stringify(c)));
      return data.changes.length;
    }
    case 'conversion': {
      const st = db.prepare(
        'INSERT OR IGNORE INTO conversions (version, previous, current, year) VALUES (?,?,?,?)',
      );
      for (const e of data.entries) for (const p of e.previous) st.run(version, p, e.current, e.year);
      return data.entries.length;
    }
    case 'hcpcs': {
      const st = db.prepare('INSERT INTO hcpcs_details (version, code, body) VALUES (?,?,?)');
      for (const d of data.details) st.run(version, d.code, JSON.stringify(d));
      return data.details.length;
    }
  }
}

function insertIndex(
  db: Db,
  version: string,
  kind: string,
  terms: readonly IndexTerm[],
  headings: readonly string[] | undefined,
): number {
  const st = db.prepare('INSERT INTO index_terms (version, kind, id, body, code, path) VALUES (?,?,?,?,?,?)');
  // The path of each term ("Pneumonia > aspiration") is kept with it, so a lookup reads no parents.
  const byId = new Map(terms.map((t) => [t.id, t]));
  for (const t of terms) {
    const path = indexPath(t, (id) => byId.get(id)).join(' > ');
    st.run(version, kind, t.id, JSON.stringify(t), t.code ?? null, path);
  }
  if (headings) {
    db.prepare('INSERT INTO index_headings (version, kind, headings) VALUES (?,?,?)').run(
      version,
      kind,
      JSON.stringify(headings),
    );
  }
  return terms.length;
}
