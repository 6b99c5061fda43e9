/**
 * Code search, the library entry point: `search(sources, "acute on chronic systolic CHF", { date })`.
 * Sources are code sets (indexed on first use and cached) or prebuilt indexes (e.g. loaded from the
 * store's artifact table with decodeSearchIndex).
 */
import type { IsoDate } from '../core/dates.ts';
import { MedcodeError } from '../core/medcode-error.ts';
import type { CodeSet } from '../terminology/code-set.ts';
import type { CodeSystem } from '../terminology/code-system.ts';
import { displayCode, normalizeCode } from '../terminology/code-system.ts';
import type { EngineHit, RunOptions } from './search-engine.ts';
import { runQuery } from './search-engine.ts';
import type { SearchIndexData } from './search-index.ts';
import { dateNumber, prefixRange } from './search-index.ts';
import { buildSearchIndex } from './search-index-builder.ts';
import type { ParsedQuery } from './query-parser.ts';
import { parseQuery } from './query-parser.ts';

/** Longest query accepted: search takes what a coder types, not a note (use the coding engine for notes). */
export const MAX_QUERY_LENGTH = 1000;
export const MAX_LIMIT = 200;

export interface SearchOptions {
  readonly system?: CodeSystem | 'all';
  /** Date of service: only versions in effect on that date are searched. Default: the newest version. */
  readonly date?: IsoDate;
  /** Only billable codes. */
  readonly billable?: boolean;
  readonly limit?: number;
  /** As-you-type: the last word is a prefix. */
  readonly prefix?: boolean;
}

export interface SearchHit {
  readonly system: CodeSystem;
  /** Display form (ICD-10-CM with its dot). */
  readonly code: string;
  readonly description: string;
  readonly billable: boolean;
  readonly version: string;
  /** Whether the code is valid on the requested date; without a date the newest release is searched and its codes count as valid. */
  readonly validOnDate: boolean;
  readonly score: number;
  /** Why it matched: the index path or the term, and the query words it matched. */
  readonly why: string;
  readonly matched: readonly string[];
}

export type SearchSource = CodeSet | SearchIndexData;

const built = new WeakMap<CodeSet, SearchIndexData>();

function isIndex(source: SearchSource): source is SearchIndexData {
  return 'postings' in source;
}

/** The search index of a source, built once per code set object. */
export function searchIndexOf(source: SearchSource): SearchIndexData {
  if (isIndex(source)) return source;
  let index = built.get(source);
  if (!index) {
    index = buildSearchIndex(source);
    built.set(source, index);
  }
  return index;
}

/** Rejects queries search cannot answer, with a message that says why. */
export function validateQuery(query: string): string {
  const trimmed = query.trim();
  const hint = 'Type a few words or a code, e.g. "acute on chronic systolic CHF" or "E11.22".';
  if (trimmed === '')
    throw new MedcodeError('SEARCH_QUERY_INVALID', 'the search query is empty', {
      location: { field: 'query' },
      hint,
    });
  if (trimmed.length > MAX_QUERY_LENGTH) {
    throw new MedcodeError(
      'SEARCH_QUERY_INVALID',
      `the search query is ${trimmed.length} characters long; at most ${MAX_QUERY_LENGTH} are searched`,
      {
        location: { field: 'query' },
        hint: 'Shorten the query; to find codes for a whole note use the coding engine (medcode code).',
      },
    );
  }
  if (/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(trimmed)) {
    throw new MedcodeError('SEARCH_QUERY_INVALID', 'the search query holds control or binary characters', {
      location: { field: 'query' },
      hint,
    });
  }
  return trimmed;
}

function chooseIndexes(sources: readonly SearchSource[], options: SearchOptions): SearchIndexData[] {
  const wanted = (s: CodeSystem): boolean =>
    options.system === undefined || options.system === 'all' || options.system === s;
  const bySystem = new Map<CodeSystem, SearchIndexData>();
  for (const source of sources) {
    const info = isIndex(source) ? source.info : source.info;
    if (!wanted(info.system)) continue;
    if (options.date !== undefined && (options.date < info.effectiveFrom || options.date > info.effectiveTo))
      continue;
    const cur = bySystem.get(info.system);
    if (!cur || cur.info.year < info.year) bySystem.set(info.system, searchIndexOf(source));
  }
  return [...bySystem.values()];
}

function codeHits(index: SearchIndexData, query: string, prefix: boolean): EngineHit[] {
  const code = normalizeCode(query);
  if (!/^[A-Z0-9]{3,7}$/.test(code) || !/\d/.test(code)) return [];
  const [lo, hi] = prefixRange(index.codes, code);
  const out: EngineHit[] = [];
  for (let c = lo; c < hi && (prefix || c === lo) && out.length < MAX_LIMIT; c++) {
    if (!prefix && index.codes[c] !== code) break;
    out.push({
      code: c,
      score: index.codes[c] === code ? 2 : 1.5,
      doc: index.titleDoc[c]!,
      mask: 0,
      inherited: false,
    });
  }
  return out;
}

function whyOf(index: SearchIndexData, q: ParsedQuery, hit: EngineHit): { why: string; matched: string[] } {
  const matched = q.words
    .filter((_, b) => (hit.mask & (1 << b)) !== 0)
    .map((w) => (w.correctedTo ? `${w.text}→${w.correctedTo.join('|')}` : w.text));
  const label = index.docLabel[hit.doc]!;
  const source = hit.mask === 0 ? 'code' : label >= 0 ? index.labels[label]! : 'description';
  const via = hit.inherited ? ' (narrowed by the code title)' : '';
  const expanded = q.expansions.length ? `; read as: ${q.expansions.join(', ')}` : '';
  return {
    why: `${source}${via}${matched.length ? ` — matched ${matched.join(', ')}` : ''}${expanded}`,
    matched,
  };
}

function toResult(
  index: SearchIndexData,
  q: ParsedQuery,
  hit: EngineHit,
  date: IsoDate | undefined,
): SearchHit {
  const code = index.codes[hit.code]!;
  const { why, matched } = whyOf(index, q, hit);
  return {
    system: index.info.system,
    code: displayCode(index.info.system, code),
    description: index.titles[hit.code]!,
    billable: index.billable[hit.code] === 1,
    version: index.info.versionId,
    validOnDate: date === undefined || (date >= index.info.effectiveFrom && date <= index.info.effectiveTo),
    score: Math.round(hit.score * 1000) / 1000,
    why,
    matched,
  };
}

/** At most this many readings of a query with ambiguous shorthand are tried. */
const MAX_SENSES = 3;

/**
 * The hits of a query on one index; a query holding ambiguous shorthand ("als": amyotrophic lateral
 * sclerosis, advanced life support) is read in each sense and each code keeps its best reading.
 */
function bestOfSenses(
  index: SearchIndexData,
  text: string,
  prefix: boolean,
  run: RunOptions,
): { q: ParsedQuery; hit: EngineHit }[] {
  const first = parseQuery(index, text, prefix);
  const best = new Map<number, { q: ParsedQuery; hit: EngineHit }>();
  for (let sense = 0; sense < Math.min(first.senses, MAX_SENSES); sense++) {
    const q = sense === 0 ? first : parseQuery(index, text, prefix, sense);
    for (const found of runQuery(index, q, run)) {
      // Scores are compared across systems and senses: what the index does not understand counts against it.
      const hit = { ...found, score: found.score * q.understood };
      const cur = best.get(hit.code);
      if (!cur || cur.hit.score < hit.score) best.set(hit.code, { q, hit });
    }
  }
  return [...best.values()].sort((a, b) => b.hit.score - a.hit.score || a.hit.code - b.hit.code);
}

/**
 * Searches the code sets for what a coder typed; best first.
 * @example search([cm2026], 'fx L distal radius init', { billable: true, limit: 5 })
 */
export function search(
  sources: readonly SearchSource[],
  query: string,
  options: SearchOptions = {},
): SearchHit[] {
  const text = validateQuery(query);
  const asked = Math.floor(options.limit ?? 10);
  const limit = Number.isFinite(asked) ? Math.min(MAX_LIMIT, Math.max(1, asked)) : 10;
  const prefix = options.prefix ?? false;
  const date = options.date;
  const results: SearchHit[] = [];
  for (const index of chooseIndexes(sources, options)) {
    const byCode = codeHits(index, text, prefix);
    if (byCode.length) {
      const q = parseQuery(index, text, prefix);
      for (const hit of byCode.slice(0, limit)) results.push(toResult(index, q, hit, date));
      continue;
    }
    // A code terminated before the date of service (or, without one, before the release) is not offered.
    const activeOn = dateNumber(date ?? index.info.effectiveFrom);
    const run = { billableOnly: options.billable ?? false, limit, activeOn };
    for (const { q, hit } of bestOfSenses(index, text, prefix, run).slice(0, limit))
      results.push(toResult(index, q, hit, date));
  }
  return results.sort((a, b) => b.score - a.score).slice(0, limit);
}
