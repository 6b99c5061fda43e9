import type { CodeSet } from '../terminology/code-set.ts';
import type { DocKind, SourceDocument } from './index-documents.ts';
import { allDocuments, DOC_KINDS } from './index-documents.ts';
import type { SearchIndexData } from './search-index.ts';
import { dateNumber, prefixRange, wordWeight } from './search-index.ts';
import { buildDeletionTable } from './spelling-corrector.ts';
import { useTermTable } from './use-terms.ts';
import { dropNegated, FREE_WORDS, splitWords, stem, STOP_WORDS } from './text-normalizer.ts';

/**
 * The 7th-character clause of a title (", initial encounter for closed fracture", ", subsequent
 * encounter for fracture with nonunion", ", sequela"). Its words are optional: they match when the
 * query names the episode, and cost nothing when it does not, so the tabular order (A before D before
 * S) picks the default, as Guidelines I.C.19.a (initial encounter) and I.C.19.c.1 (closed) expect.
 */
const EPISODE = /,\s*(initial encounter|subsequent encounter|sequela)\b.*$/i;

/**
 * The approach clause of an ICD-10-PCS title (", Percutaneous Endoscopic Approach"). Optional like the
 * episode: it matches when the query names the approach; when the query does not, the codes of one
 * procedure tie and the least invasive approach is offered first (search-engine.ts).
 */
const APPROACH =
  /,\s*(?:open|external|percutaneous(?: endoscopic)?|via natural or artificial opening(?: endoscopic)?)(?: approach)?(?=,|$)/i;

/** A title split into its required words and its optional (episode, approach, negated) words. */
export function titleParts(title: string): { text: string; optional: string } {
  const episode = EPISODE.exec(title);
  let body = episode ? title.slice(0, episode.index) : title;
  const approach = APPROACH.exec(body);
  if (approach) body = body.slice(0, approach.index) + body.slice(approach.index + approach[0].length);
  const kept = dropNegated(body);
  const optional = [episode?.[0], approach?.[0], kept.negated ? 'without' : ''].join(' ');
  return { text: kept.text, optional };
}

/** Stems of the meaningful words of a text, in order, without repeats; `surface` collects word -> stem. */
export function textStems(text: string, surface?: Map<string, string>): string[] {
  const out = new Set<string>();
  for (const w of splitWords(text)) {
    if (STOP_WORDS.has(w)) continue;
    let s = surface?.get(w);
    if (s === undefined) {
      s = stem(w);
      surface?.set(w, s);
    }
    out.add(s);
  }
  return [...out];
}

interface Draft {
  lo: number;
  hi: number;
  kind: DocKind;
  label: number;
  required: string[];
  optional: string[];
}

const KIND_INDEX = new Map<DocKind, number>(DOC_KINDS.map((k, i) => [k, i]));

/** Where a document leads: the code itself, or every code under the prefix (a header or a PCS table row). */
function targetRange(codes: readonly string[], doc: SourceDocument): [number, number] | undefined {
  // The index prints "C79.8-" for "more characters needed": the dash only confirms a header.
  const target = doc.target.replace(/-+$/, '');
  if (target === '') return undefined;
  const [lo, hi] = prefixRange(codes, target);
  if (hi === lo) return undefined; // a code no longer in this version: no hits
  if (doc.kind === 'title' || doc.kind === 'short' || doc.kind === 'inclusion') {
    return codes[lo] === target ? [lo, lo + 1] : undefined;
  }
  return [lo, hi];
}

function drafts(
  codeSet: CodeSet,
  codes: readonly string[],
  labels: string[],
  surface: Map<string, string>,
): Draft[] {
  const out: Draft[] = [];
  const labelIds = new Map<string, number>();
  for (const doc of allDocuments(codeSet)) {
    const range = targetRange(codes, doc);
    if (!range) continue;
    const titleLike = doc.kind === 'title' || doc.kind === 'short' || doc.kind === 'inclusion';
    const req = titleLike ? titleParts(doc.text) : { text: doc.text, optional: '' };
    const opt = dropNegated(doc.optional);
    const required = textStems(req.text, surface);
    const optional = textStems(`${req.optional} ${opt.text} ${opt.negated ? 'without' : ''}`, surface).filter(
      (w) => !required.includes(w),
    );
    if (required.length + optional.length === 0) continue;
    let label = -1;
    if (doc.label !== undefined) {
      label = labelIds.get(doc.label) ?? labels.length;
      if (label === labels.length) {
        labels.push(doc.label);
        labelIds.set(doc.label, label);
      }
    }
    out.push({ lo: range[0], hi: range[1], kind: doc.kind, label, required, optional });
  }
  return out;
}

function vocabularyOf(docs: readonly Draft[]): {
  vocabulary: string[];
  ids: Map<string, number>;
  df: Uint32Array;
} {
  const counts = new Map<string, number>();
  for (const d of docs)
    for (const w of [...d.required, ...d.optional]) counts.set(w, (counts.get(w) ?? 0) + 1);
  const vocabulary = [...counts.keys()].sort();
  const ids = new Map(vocabulary.map((w, i) => [w, i]));
  const df = Uint32Array.from(vocabulary, (w) => counts.get(w)!);
  return { vocabulary, ids, df };
}

function postingsOf(
  docs: readonly Draft[],
  ids: Map<string, number>,
  df: Uint32Array,
): [Uint32Array, Uint32Array] {
  const start = new Uint32Array(df.length + 1);
  for (let i = 0; i < df.length; i++) start[i + 1] = start[i]! + df[i]!;
  const fill = start.slice(0, df.length);
  const postings = new Uint32Array(start[df.length]!);
  docs.forEach((d, docId) => {
    for (const w of [...d.required, ...d.optional]) postings[fill[ids.get(w)!]!++] = docId;
  });
  return [start, postings];
}

/** The flat token arrays of the documents: required words then optional ones, and each document's weight. */
function tokensOf(docs: readonly Draft[], ids: Map<string, number>, df: Uint32Array, codeCount: number) {
  const n = docs.length;
  const tokStart = new Uint32Array(n + 1);
  const reqEnd = new Uint32Array(n);
  const docWeight = new Float32Array(n);
  const tokens: number[] = [];
  const titleDoc = new Uint32Array(codeCount);
  docs.forEach((d, i) => {
    tokStart[i] = tokens.length;
    let weight = 0;
    for (const w of d.required) {
      tokens.push(ids.get(w)!);
      if (!FREE_WORDS.has(w)) weight += wordWeight(df[ids.get(w)!]!, n);
    }
    docWeight[i] = weight;
    reqEnd[i] = tokens.length;
    for (const w of d.optional) tokens.push(ids.get(w)!);
    if (d.kind === 'title') titleDoc[d.lo] = i;
  });
  tokStart[n] = tokens.length;
  return { tokStart, reqEnd, docWeight, titleDoc, tokens: Uint32Array.from(tokens) };
}

/** Builds the search index of one code set version from everything it holds. */
export function buildSearchIndex(codeSet: CodeSet): SearchIndexData {
  const records = [...codeSet.codes()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const codes = records.map((r) => r.code);
  const labels: string[] = [];
  const surface = new Map<string, string>();
  const docs = drafts(codeSet, codes, labels, surface);
  const { vocabulary, ids, df } = vocabularyOf(docs);
  const surfaceWords = [...surface.keys()].filter((w) => ids.has(surface.get(w)!)).sort();
  const [postingStart, postings] = postingsOf(docs, ids, df);
  const { info } = codeSet;
  return {
    info: {
      system: info.system,
      year: info.year,
      versionId: info.versionId,
      effectiveFrom: info.effectiveFrom,
      effectiveTo: info.effectiveTo,
    },
    codes,
    titles: records.map((r) => r.title),
    billable: Uint8Array.from(records, (r) => (r.billable ? 1 : 0)),
    codeEnd: Uint32Array.from(records, (r) => dateNumber(codeSet.hcpcs(r.code)?.terminationDate)),
    vocabulary,
    df,
    postingStart,
    postings,
    docKind: Uint8Array.from(docs, (d) => KIND_INDEX.get(d.kind)!),
    docLo: Uint32Array.from(docs, (d) => d.lo),
    docHi: Uint32Array.from(docs, (d) => d.hi),
    docLabel: Int32Array.from(docs, (d) => d.label),
    ...tokensOf(docs, ids, df, codes.length),
    labels,
    useTerms: useTermTable(codeSet.indexTerms('pcs-index')),
    surfaceWords,
    surfaceStem: Uint32Array.from(surfaceWords, (w) => ids.get(surface.get(w)!)!),
    deletions: buildDeletionTable(surfaceWords),
  };
}
