/**
 * General-purpose full-text engines the search benchmark compares medcode with, behind one narrow
 * interface, on the same documents: one document per code holding its long title, its short title and
 * every index entry / table cell / cross-reference that names that code directly.
 */
import Database from 'better-sqlite3';
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import type { SearchIndexData } from '../../src/search/search-index.ts';

export interface PeerDocument {
  readonly id: number;
  readonly code: string;
  readonly text: string;
}

export interface SearchPeer {
  readonly name: string;
  /** Codes best first. */
  search(query: string, limit: number): string[];
}

/** The documents a peer indexes for one code set, built from medcode's own index (same source text). */
export function peerDocuments(index: SearchIndexData): PeerDocument[] {
  const texts = index.titles.map((t) => [t]);
  for (let d = 0; d < index.docKind.length; d++) {
    const label = index.docLabel[d]!;
    if (label >= 0 && index.docHi[d]! - index.docLo[d]! === 1)
      texts[index.docLo[d]!]!.push(index.labels[label]!);
  }
  return index.codes.map((code, id) => ({ id, code, text: texts[id]!.join(' | ') }));
}

/** MiniSearch with fuzzy (0.2) and prefix matching, the configuration its docs recommend for typed queries. */
export function miniSearchPeer(docs: readonly PeerDocument[]): SearchPeer {
  const ms = new MiniSearch<PeerDocument>({ fields: ['text'], storeFields: ['code'] });
  ms.addAll(docs);
  return {
    name: 'MiniSearch',
    search: (q, limit) =>
      ms
        .search(q, { fuzzy: 0.2, prefix: true })
        .slice(0, limit)
        .map((r) => docs[r.id as number]!.code),
  };
}

/** FlexSearch Index with forward tokenization and suggestions (partial matches allowed). */
export function flexSearchPeer(docs: readonly PeerDocument[]): SearchPeer {
  const index = new FlexSearch.Index({ tokenize: 'forward' });
  for (const d of docs) index.add(d.id, d.text);
  return {
    name: 'FlexSearch',
    search: (q, limit) => (index.search(q, { limit, suggest: true }) as number[]).map((id) => docs[id]!.code),
  };
}

/** SQLite FTS5 (porter stemming), in memory, the query's words ORed and ranked by bm25. */
export function fts5Peer(docs: readonly PeerDocument[]): SearchPeer & { close(): void } {
  const db = new Database(':memory:');
  db.exec("CREATE VIRTUAL TABLE docs USING fts5(code UNINDEXED, text, tokenize='porter')");
  const insert = db.prepare('INSERT INTO docs (rowid, code, text) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const d of docs) insert.run(d.id, d.code, d.text);
  })();
  const query = db.prepare('SELECT code FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?').pluck();
  return {
    name: 'SQLite FTS5',
    search: (q, limit) => {
      const words = q.toLowerCase().match(/[a-z0-9]+/g) ?? [];
      if (words.length === 0) return [];
      return query.all(words.map((w) => `"${w}"`).join(' OR '), limit) as string[];
    },
    close: () => db.close(),
  };
}
