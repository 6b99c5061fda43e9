/** SQLite schema of the terminology store. Bump SCHEMA_VERSION when it changes; older stores are refused. */
export const SCHEMA_VERSION = 6;

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS versions (
  id TEXT PRIMARY KEY, system TEXT NOT NULL, year INTEGER NOT NULL,
  effective_from TEXT NOT NULL, effective_to TEXT NOT NULL,
  codes INTEGER NOT NULL DEFAULT 0, billable INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS layers (
  version TEXT NOT NULL, layer TEXT NOT NULL, files TEXT NOT NULL, imported_at TEXT NOT NULL,
  records INTEGER NOT NULL, PRIMARY KEY (version, layer));
CREATE TABLE IF NOT EXISTS codes (
  version TEXT NOT NULL, code TEXT NOT NULL, kind TEXT NOT NULL, billable INTEGER NOT NULL,
  title TEXT NOT NULL, short_title TEXT, parent TEXT, ord INTEGER NOT NULL,
  PRIMARY KEY (version, code)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS codes_parent ON codes (version, parent, ord);
CREATE TABLE IF NOT EXISTS tabular_groups (
  version TEXT NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL,
  first TEXT NOT NULL, last TEXT NOT NULL, chapter TEXT, ord INTEGER NOT NULL,
  PRIMARY KEY (version, id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS notes (
  version TEXT NOT NULL, owner TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL,
  text TEXT NOT NULL, ranges TEXT NOT NULL, PRIMARY KEY (version, owner, seq)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sevenths (
  version TEXT NOT NULL, owner TEXT NOT NULL, char TEXT NOT NULL, meaning TEXT NOT NULL,
  PRIMARY KEY (version, owner, char)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS index_terms (
  version TEXT NOT NULL, kind TEXT NOT NULL, id INTEGER NOT NULL, body TEXT NOT NULL, code TEXT, path TEXT NOT NULL,
  PRIMARY KEY (version, kind, id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS index_terms_code ON index_terms (version, kind, code);
CREATE TABLE IF NOT EXISTS index_headings (
  version TEXT NOT NULL, kind TEXT NOT NULL, headings TEXT NOT NULL, PRIMARY KEY (version, kind));
CREATE TABLE IF NOT EXISTS pcs_tables (
  version TEXT NOT NULL, key TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (version, key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS pcs_definitions (
  version TEXT NOT NULL, section TEXT NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL,
  PRIMARY KEY (version, section, seq)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS hcpcs_details (
  version TEXT NOT NULL, code TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (version, code)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS addenda (
  version TEXT NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (version, seq)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS conversions (
  version TEXT NOT NULL, previous TEXT NOT NULL, current TEXT NOT NULL, year INTEGER NOT NULL,
  PRIMARY KEY (version, previous, current)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS artifacts (
  key TEXT PRIMARY KEY, data BLOB NOT NULL, created_at TEXT NOT NULL);
`;

/** The tables that hold each layer's rows, with the extra condition that selects that layer. */
export const LAYER_TABLES: Readonly<Record<string, readonly { table: string; where?: string }[]>> = {
  codes: [{ table: 'codes' }],
  tabular: [{ table: 'tabular_groups' }, { table: 'notes' }, { table: 'sevenths' }],
  index: [
    { table: 'index_terms', where: "kind = 'index'" },
    { table: 'index_headings', where: "kind = 'index'" },
  ],
  eindex: [
    { table: 'index_terms', where: "kind = 'eindex'" },
    { table: 'index_headings', where: "kind = 'eindex'" },
  ],
  drug: [
    { table: 'index_terms', where: "kind = 'drug'" },
    { table: 'index_headings', where: "kind = 'drug'" },
  ],
  neoplasm: [
    { table: 'index_terms', where: "kind = 'neoplasm'" },
    { table: 'index_headings', where: "kind = 'neoplasm'" },
  ],
  'pcs-index': [
    { table: 'index_terms', where: "kind = 'pcs-index'" },
    { table: 'index_headings', where: "kind = 'pcs-index'" },
  ],
  'pcs-tables': [{ table: 'pcs_tables' }],
  'pcs-definitions': [{ table: 'pcs_definitions' }],
  hcpcs: [{ table: 'hcpcs_details' }],
  addenda: [{ table: 'addenda' }],
  conversion: [{ table: 'conversions' }],
};
