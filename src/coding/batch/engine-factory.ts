/**
 * How a batch worker gets its engine: each worker thread imports a factory module and calls its
 * `createEngine(spec)` with a serializable spec. The default factory (dev-engine-factory.ts) loads the
 * release files and the committed model; the CLI can pass a store-backed factory module instead.
 */
import type { CodingEngine } from '../coding-engine.ts';
import type { CodingProfile } from '../coding-result.ts';

/** Serializable: it crosses the worker boundary. */
export interface EngineSpec {
  /** URL of a module exporting `createEngine(spec: EngineSpec): Promise<CodingEngine>`. */
  readonly factory: string;
  readonly profile: CodingProfile;
  /** Free-form options for the factory (file paths, store file, date of service). */
  readonly options: Readonly<Record<string, string>>;
}

export type EngineFactory = (spec: EngineSpec) => Promise<CodingEngine>;
