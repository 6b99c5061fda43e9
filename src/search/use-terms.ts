/**
 * ICD-10-PCS index "use" terms: the index tells the coder to code "Abdominal cavity" as "Peritoneal
 * Cavity" and "Accessory cephalic vein" as "Cephalic Vein, Right/Left". Search does the same on the
 * query: the words of a use term are read as the body part or device the index names. Laterality stays
 * with the query: only the words every named value shares are kept ("Cephalic Vein").
 */
import type { IndexTerm } from '../terminology/model.ts';
import type { QueryToken } from './query-abbreviations.ts';
import type { SearchIndexData } from './search-index.ts';
import { splitWords, stem } from './text-normalizer.ts';

/** "use" terms of a PCS index as "term words\tvalue words" (normalized), one per distinct term. */
export function useTermTable(terms: readonly IndexTerm[]): string[] {
  const byId = new Map(terms.map((t) => [t.id, t]));
  const values = new Map<string, string[][]>();
  for (const t of terms) {
    if (!t.use) continue;
    const title = t.title || (t.parent === undefined ? '' : (byId.get(t.parent)?.title ?? ''));
    const key = splitWords(title).join(' ');
    if (key === '') continue;
    values.set(key, [...(values.get(key) ?? []), splitWords(t.use)]);
  }
  const out: string[] = [];
  for (const [key, variants] of values) {
    const shared = variants[0]!.filter((w) => variants.every((v) => v.includes(w)));
    const value = (shared.length ? shared : variants[0]!).join(' ');
    if (value !== key) out.push(`${key}\t${value}`);
  }
  return out.sort();
}

interface UseTerm {
  readonly stems: readonly string[];
  readonly value: readonly string[];
}

const tables = new WeakMap<SearchIndexData, Map<string, UseTerm[]>>();

/** The use terms of an index keyed by the stem of their first word, longest first. */
function tableOf(index: SearchIndexData): Map<string, UseTerm[]> {
  let table = tables.get(index);
  if (!table) {
    table = new Map();
    for (const line of index.useTerms) {
      const [key = '', value = ''] = line.split('\t');
      const stems = key.split(' ').map((w) => stem(w));
      const list = table.get(stems[0]!) ?? [];
      list.push({ stems, value: value.split(' ') });
      table.set(stems[0]!, list);
    }
    for (const list of table.values()) list.sort((a, b) => b.stems.length - a.stems.length);
    tables.set(index, table);
  }
  return table;
}

/** The query tokens with each use term replaced by what the index says to use; `expanded` says which. */
export function applyUseTerms(
  index: SearchIndexData,
  tokens: readonly QueryToken[],
  expanded: string[],
): QueryToken[] {
  if (index.useTerms.length === 0) return [...tokens];
  const table = tableOf(index);
  const out: QueryToken[] = [];
  let group = 2000;
  for (let i = 0; i < tokens.length; i++) {
    const found = (table.get(stem(tokens[i]!.text)) ?? []).find((u) =>
      u.stems.every((s, k) => tokens[i + k] !== undefined && stem(tokens[i + k]!.text) === s),
    );
    if (!found) {
      out.push(tokens[i]!);
      continue;
    }
    const typed = tokens.slice(i, i + found.stems.length);
    expanded.push(`${typed.map((t) => t.text).join(' ')} → use ${found.value.join(' ')}`);
    for (const text of found.value) out.push({ text, group, typed: found.stems.length });
    group++;
    i += found.stems.length - 1;
  }
  return out;
}
