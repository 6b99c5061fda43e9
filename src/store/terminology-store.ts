/**
 * The narrow interface between medcode and where release data is kept. The embedded default is SQLite
 * (store/sqlite); a PostgreSQL implementation can hold the same data for a scaled-out service.
 */
import type { CodeSet } from '../terminology/code-set.ts';
import type { LayerData, SourceFile, VersionInfo, VersionKey } from '../terminology/model.ts';

/** One parsed layer with the files it was read from. */
export interface LayerWrite {
  readonly key: VersionKey;
  readonly data: LayerData;
  readonly files: readonly SourceFile[];
}

export interface LayerWriteResult {
  readonly versionId: string;
  readonly layer: string;
  /** "unchanged" when the same files (by sha256) were already loaded. */
  readonly status: 'added' | 'replaced' | 'unchanged';
  readonly records: number;
}

export interface TerminologyStore {
  /** Every version with its layers, provenance and counts, by system then year. */
  listVersions(): Promise<VersionInfo[]>;
  /**
   * Writes all the layers in one transaction: either every layer is stored or, on any error, none is and
   * the store is exactly as it was. Re-writing a layer from the same files is a no-op.
   */
  writeLayers(writes: readonly LayerWrite[]): Promise<LayerWriteResult[]>;
  /** A read-only view of one version with its inherited layers resolved. */
  openCodeSet(versionId: string): Promise<CodeSet>;
  /** Cached engine artifacts (built search indexes and the like), keyed by a name that includes versions. */
  getArtifact(key: string): Promise<Uint8Array | undefined>;
  putArtifact(key: string, data: Uint8Array): Promise<void>;
  close(): Promise<void>;
}
