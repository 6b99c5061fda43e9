/**
 * medcode as a library: the same functions the CLI runs. Open a store, import releases, then ask.
 * @example
 *   const store = SqliteStore.open(`${process.env.HOME}/.medcode/medcode.db`);
 *   await importReleases(store, '../shared/data');
 *   const versions = store.listVersionsSync();
 *   const answer = lookupCode({ versions, open: (id) => store.openCodeSetSync(id) }, 'icd10cm', 'E11.22', '2026-01-15');
 */
export { MedcodeError, ErrorCodes, type ErrorCode } from './core/medcode-error.ts';
export { fiscalYearOf, parseIsoDate, type IsoDate } from './core/dates.ts';
export type { CodeSet, CodeSetInfo } from './terminology/code-set.ts';
export { displayCode, normalizeCode, type CodeSystem } from './terminology/code-system.ts';
export type * from './terminology/model.ts';
export { versionForDate } from './terminology/version-selection.ts';
export { diffReleases, checkAgainstAddenda } from './terminology/release-diff.ts';
export { explainPcsCode } from './terminology/pcs-explain.ts';
export type { TerminologyStore } from './store/terminology-store.ts';
export { SqliteStore } from './store/sqlite/sqlite-store.ts';
export { importReleases } from './releases/import-release.ts';
export { fetchReleases } from './releases/fetch-releases.ts';
export { lookupCode, type LookupAnswer, type LookupSources } from './lookup/lookup-code.ts';
export { search, type SearchHit, type SearchOptions } from './search/search.ts';
export { cachedSearchIndex } from './search/search-index-cache.ts';
export { codeNote } from './coding/code-note.ts';
export { createCodingEngine } from './coding/coding-engine.ts';
export type { CodingResult, EncounterContext } from './coding/coding-result.ts';
export { noteTextFrom } from './coding/note-input.ts';
export { check } from './edits/check.ts';
export { editContext } from './edits/edit-context.ts';
export { parseEncounter } from './edits/encounter-schema.ts';
export type { Finding } from './edits/finding.ts';
export { analyzeNote, assertionOf } from './nlp/index.ts';
