/** The embedded default store: one SQLite file (better-sqlite3) in MEDCODE_HOME. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MedcodeError } from '../../core/medcode-error.ts';
import type { CodeSet } from '../../terminology/code-set.ts';
import type { CodeSystem } from '../../terminology/code-system.ts';
import { resolveLayers } from '../../terminology/layer-resolution.ts';
import { effectiveRange } from '../../terminology/version-selection.ts';
import type { Layer, LayerInfo, SourceFile, VersionInfo } from '../../terminology/model.ts';
import { versionId } from '../../terminology/model.ts';
import type { LayerWrite, LayerWriteResult, TerminologyStore } from '../terminology-store.ts';
import { deleteLayer, insertLayer } from './layer-writer.ts';
import { SCHEMA, SCHEMA_VERSION } from './schema.ts';
import { SqliteCodeSet } from './sqlite-code-set.ts';

export class SqliteStore implements TerminologyStore {
  readonly file: string;
  readonly #db: Database.Database;

  private constructor(file: string, db: Database.Database) {
    this.file = file;
    this.#db = db;
  }

  /** Opens (creating if needed) the store at `file`; ":memory:" gives a throw-away store. */
  static open(file: string): SqliteStore {
    let db: Database.Database;
    try {
      if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
      db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      const found = readSchemaVersion(db);
      if (found !== undefined && found !== SCHEMA_VERSION) {
        db.close();
        throw new MedcodeError(
          'STORE_UNAVAILABLE',
          `store ${file} has schema ${found}, this medcode needs ${SCHEMA_VERSION}`,
          {
            hint: 'Move the old store aside (or set MEDCODE_HOME to a new folder) and import the releases again.',
          },
        );
      }
      if (found === undefined) {
        db.exec(SCHEMA);
        db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', ?)").run(
          String(SCHEMA_VERSION),
        );
      }
    } catch (e) {
      if (e instanceof MedcodeError) throw e;
      throw new MedcodeError(
        'STORE_UNAVAILABLE',
        `cannot open the store at ${file}: ${(e as Error).message}`,
        {
          hint: 'Check that MEDCODE_HOME points at a writable folder.',
          cause: e,
        },
      );
    }
    return new SqliteStore(file, db);
  }

  async listVersions(): Promise<VersionInfo[]> {
    return this.listVersionsSync();
  }

  listVersionsSync(): VersionInfo[] {
    type V = {
      id: string;
      system: CodeSystem;
      year: number;
      effective_from: string;
      effective_to: string;
      codes: number;
      billable: number;
    };
    type L = { version: string; layer: Layer; files: string; imported_at: string; records: number };
    const versions = this.#db.prepare<[], V>('SELECT * FROM versions ORDER BY system, year').all();
    const layers = this.#db.prepare<[], L>('SELECT * FROM layers ORDER BY version, layer').all();
    return versions.map((v) => {
      const layerInfos: LayerInfo[] = layers
        .filter((l) => l.version === v.id)
        .map((l) => ({
          layer: l.layer,
          files: JSON.parse(l.files) as SourceFile[],
          importedAt: l.imported_at,
          records: l.records,
        }));
      return {
        id: v.id,
        system: v.system,
        year: v.year,
        effectiveFrom: v.effective_from,
        effectiveTo: v.effective_to,
        layers: layerInfos,
        counts: { codes: v.codes, billable: v.billable, headers: v.codes - v.billable },
      };
    });
  }

  async writeLayers(writes: readonly LayerWrite[]): Promise<LayerWriteResult[]> {
    const existing = this.#db.prepare<[string, string], { files: string }>(
      'SELECT files FROM layers WHERE version = ? AND layer = ?',
    );
    const run = this.#db.transaction((): LayerWriteResult[] =>
      writes.map((w) => {
        const id = versionId(w.key);
        const range = effectiveRange(w.key);
        this.#db
          .prepare(
            'INSERT OR IGNORE INTO versions (id, system, year, effective_from, effective_to) VALUES (?,?,?,?,?)',
          )
          .run(id, w.key.system, w.key.year, range.from, range.to);
        const before = existing.get(id, w.data.layer);
        const filesJson = JSON.stringify(w.files);
        if (before && sameFiles(before.files, filesJson)) {
          return { versionId: id, layer: w.data.layer, status: 'unchanged', records: 0 };
        }
        deleteLayer(this.#db, id, w.data.layer);
        const records = insertLayer(this.#db, id, w.data);
        this.#db
          .prepare(
            'INSERT OR REPLACE INTO layers (version, layer, files, imported_at, records) VALUES (?,?,?,?,?)',
          )
          .run(id, w.data.layer, filesJson, new Date().toISOString(), records);
        if (w.data.layer === 'codes') {
          // Counts are kept with the version so that listing versions (done at every open) reads no codes.
          this.#db
            .prepare(
              'UPDATE versions SET (codes, billable) = (SELECT count(*), coalesce(sum(billable), 0) FROM codes WHERE version = ?) WHERE id = ?',
            )
            .run(id, id);
        }
        return { versionId: id, layer: w.data.layer, status: before ? 'replaced' : 'added', records };
      }),
    );
    return run.immediate();
  }

  async openCodeSet(id: string): Promise<CodeSet> {
    return this.openCodeSetSync(id);
  }

  openCodeSetSync(id: string): CodeSet {
    const all = this.listVersionsSync();
    const version = all.find((v) => v.id === id);
    if (!version) {
      throw new MedcodeError('RELEASE_NOT_LOADED', `release ${id} is not in the store`, {
        hint: `Loaded: ${all.map((v) => v.id).join(', ') || 'none'}. Import it with: medcode releases import <folder|zip>.`,
      });
    }
    return new SqliteCodeSet(this.#db, {
      system: version.system,
      year: version.year,
      versionId: version.id,
      effectiveFrom: version.effectiveFrom,
      effectiveTo: version.effectiveTo,
      layers: resolveLayers(version, all),
    });
  }

  async getArtifact(key: string): Promise<Uint8Array | undefined> {
    const r = this.#db
      .prepare<[string], { data: Buffer }>('SELECT data FROM artifacts WHERE key = ?')
      .get(key);
    return r?.data;
  }

  async putArtifact(key: string, data: Uint8Array): Promise<void> {
    this.#db
      .prepare('INSERT OR REPLACE INTO artifacts (key, data, created_at) VALUES (?,?,?)')
      .run(key, Buffer.from(data), new Date().toISOString());
  }

  async close(): Promise<void> {
    this.#db.close();
  }
}

function readSchemaVersion(db: Database.Database): number | undefined {
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
  if (!hasMeta) return undefined;
  const r = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'schema'").get();
  return r ? Number(r.value) : undefined;
}

function sameFiles(a: string, b: string): boolean {
  const key = (s: string): string =>
    (JSON.parse(s) as SourceFile[])
      .map((f) => f.sha256)
      .sort()
      .join(',');
  return key(a) === key(b);
}
