/**
 * Phrase → code associations learned from coded documents (CodiEsp train): for every n-gram, how many
 * training documents contain it (df) and, per code, how many of those were given the code (co). The
 * estimate P(code | phrase) = co / (df + 1) turns "the phrase appears" into evidence for the code.
 * Training documents can be scored leave-one-out (their own counts removed) so a reranker trained on
 * them sees the same feature distribution as an unseen document.
 */
import { forEachNgram } from '../text/note-tokens.ts';
import type { NoteTokens } from '../text/note-tokens.ts';

export const MAX_NGRAM = 3;

/** Serializable form: codes by index; per n-gram its df then (code index, co) pairs. */
export interface PhraseAssociationData {
  readonly documents: number;
  readonly codes: readonly string[];
  /** Number of training documents carrying each code (same order as `codes`). */
  readonly codeDocs: readonly number[];
  readonly ngrams: Readonly<Record<string, readonly number[]>>;
}

/** What the associations say about one candidate code in one document. */
export interface AssociationEvidence {
  readonly code: string;
  /** Highest P(code | phrase) over the phrases of the document. */
  best: number;
  /** Sum of P(code | phrase) over supporting phrases. */
  sum: number;
  support: number;
  /** The phrase that gave `best`: first token index (of its first occurrence) and length. */
  first: number;
  /** Every occurrence (first token index) of that phrase in the document. */
  occurrences: readonly number[];
  n: number;
  bestDf: number;
}

export interface TrainingDocument {
  readonly tokens: NoteTokens;
  readonly codes: readonly string[];
  /** Where a code's evidence sits (fraction of the text); the phrases near it are credited, not the whole text. */
  readonly evidence?: readonly { readonly code: string; readonly at: number }[];
}

/** Sentences credited per evidence: the one at the position and this many either side. */
const WINDOW = 1;

function windowNgrams(tokens: NoteTokens, at: readonly number[]): Set<string> {
  const out = new Set<string>();
  const n = tokens.norm.length;
  if (n === 0) return out;
  const keep = new Set<number>();
  for (const f of at) {
    const s = tokens.sentence[Math.min(n - 1, Math.floor(f * n))]!;
    for (let k = s - WINDOW; k <= s + WINDOW; k++) keep.add(k);
  }
  forEachNgram(tokens, MAX_NGRAM, (key, first) => {
    if (keep.has(tokens.sentence[first]!)) out.add(key);
  });
  return out;
}

/** The phrases credited to each code of a training document. */
function creditedNgrams(doc: TrainingDocument, all: Map<string, number[]>): Map<string, Iterable<string>> {
  const out = new Map<string, Iterable<string>>();
  for (const code of new Set(doc.codes)) {
    const at = (doc.evidence ?? []).filter((e) => e.code === code).map((e) => e.at);
    out.set(code, at.length === 0 ? all.keys() : windowNgrams(doc.tokens, at));
  }
  return out;
}

/** Each distinct n-gram of a document with the token index of every occurrence. */
function documentNgrams(tokens: NoteTokens): Map<string, number[]> {
  const out = new Map<string, number[]>();
  forEachNgram(tokens, MAX_NGRAM, (key, first) => {
    const list = out.get(key);
    if (list) list.push(first);
    else out.set(key, [first]);
  });
  return out;
}

/** Counts associations over training documents, keeping phrases seen in >= 2 documents. */
export function trainPhraseAssociations(docs: readonly TrainingDocument[]): PhraseAssociationData {
  const grams = docs.map((d) => documentNgrams(d.tokens));
  const df = new Map<string, number>();
  for (const g of grams) for (const key of g.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const codeIndex = new Map<string, number>();
  const codeDocs: number[] = [];
  const co = new Map<string, Map<number, number>>();
  docs.forEach((doc, d) => {
    for (const [code, keys] of creditedNgrams(doc, grams[d]!)) {
      let id = codeIndex.get(code);
      if (id === undefined) {
        id = codeIndex.size;
        codeIndex.set(code, id);
        codeDocs.push(0);
      }
      codeDocs[id]!++;
      for (const key of keys) {
        if ((df.get(key) ?? 0) < 2) continue;
        let m = co.get(key);
        if (!m) co.set(key, (m = new Map()));
        m.set(id, (m.get(id) ?? 0) + 1);
      }
    }
  });
  const ngrams: Record<string, number[]> = {};
  for (const [key, m] of co) {
    const f = df.get(key)!;
    const pairs: number[] = [];
    for (const [id, c] of m) if (c / (f + 1) >= 0.05 && (c >= 2 || f <= 8)) pairs.push(id, c);
    if (pairs.length > 0) ngrams[key] = [f, ...pairs];
  }
  return { documents: docs.length, codes: [...codeIndex.keys()], codeDocs, ngrams };
}

/** A training document's own contribution, removed when scoring it (leave-one-out). */
export interface OwnCounts {
  /** Whether the document credited phrase `key` to `code`. */
  credited(key: string, code: string): boolean;
}

/** The leave-one-out view of a training document, for features that match unseen documents. */
export function ownCounts(doc: TrainingDocument): OwnCounts {
  const credited = creditedNgrams(doc, documentNgrams(doc.tokens));
  const sets = new Map([...credited].map(([code, keys]) => [code, new Set(keys)]));
  return { credited: (key, code) => sets.get(code)?.has(key) ?? false };
}

/**
 * Candidate codes of a document with their association evidence. With `own` (when the document was part
 * of training) its own contribution is removed from every count.
 */
export function associate(
  data: PhraseAssociationData,
  tokens: NoteTokens,
  own?: OwnCounts,
): Map<string, AssociationEvidence> {
  const out = new Map<string, AssociationEvidence>();
  for (const [key, occurrences] of documentNgrams(tokens)) {
    const row = data.ngrams[key];
    const first = occurrences[0]!;
    if (!row) continue;
    const n = key.split(' ').length;
    const df = row[0]! - (own ? 1 : 0);
    for (let i = 1; i < row.length; i += 2) {
      const code = data.codes[row[i]!]!;
      const co = row[i + 1]! - (own?.credited(key, code) ? 1 : 0);
      if (co <= 0) continue;
      const p = co / (df + 1);
      const e = out.get(code);
      if (!e) {
        out.set(code, { code, best: p, sum: p, support: 1, first, occurrences, n, bestDf: df });
        continue;
      }
      e.sum += p;
      e.support++;
      if (p > e.best || (p === e.best && n > e.n))
        Object.assign(e, { best: p, first, occurrences, n, bestDf: df });
    }
  }
  return out;
}
