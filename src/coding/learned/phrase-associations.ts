/**
 * Phrase → code associations learned from coded documents (CodiEsp train): for every n-gram, how many
 * training documents contain it (df) and, per code, how many of those were given the code (co). The
 * estimate P(code | phrase) = co / (df + 1) turns "the phrase appears" into evidence for the code.
 * Training documents can be scored leave-one-out (their own counts removed) so a reranker trained on
 * them sees the same feature distribution as an unseen document.
 */
import { forEachNgram, tokenIds } from '../text/note-tokens.ts';
import type { NoteTokens } from '../text/note-tokens.ts';
import { STOPWORD_IDS, internWord, vocabularySize } from '../text/token-vocabulary.ts';

export const MAX_NGRAM = 3;
const MAX_CODES_PER_PHRASE = 10;
const MIN_PAIR = 0.05;

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
  /**
   * P(code | phrase) read from the longest model phrase around each occurrence of the best phrase, the best
   * over its occurrences: "heart disease" rather than "disease" (an occurrence no longer phrase covers keeps
   * `best`).
   */
  specific: number;
  /**
   * The least and the mean of those readings over the occurrences: a note that says "abdominal pain" and
   * later "the pain" is read apart from one that only ever says "pain" (nested validation, seeds 0-3: micro F1
   * +0.0005 to +0.0016 at the acceptance threshold).
   */
  specificMin: number;
  specificMean: number;
}

export interface TrainingDocument {
  readonly tokens: NoteTokens;
  readonly codes: readonly string[];
  /**
   * Where a code's evidence sits: its English phrase when it was located (token span, evidence-locator.ts),
   * else its position (fraction of the text). The phrases there are credited, not the whole text.
   */
  readonly evidence?: readonly TrainingEvidence[];
}

export interface TrainingEvidence {
  readonly code: string;
  readonly at: number;
  readonly span?: { readonly first: number; readonly last: number };
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

/**
 * The n-grams that overlap one of the spans (a phrase reaching one word beyond the evidence counts too); those
 * wholly inside a span are also added to `exact`.
 */
function spanNgrams(
  tokens: NoteTokens,
  spans: readonly { first: number; last: number }[],
  exact: Set<string>,
): Set<string> {
  const out = new Set<string>();
  forEachNgram(tokens, MAX_NGRAM, (key, first, n) => {
    const last = first + n - 1;
    if (!spans.some((s) => first <= s.last && last >= s.first)) return;
    out.add(key);
    if (spans.some((s) => first >= s.first && last <= s.last)) exact.add(key);
  });
  return out;
}

/**
 * The phrases credited to each code of a training document; `exact` collects those inside a located evidence
 * span (kept even when no other document has them: the coder pointed at them).
 */
function creditedNgrams(
  doc: TrainingDocument,
  all: Map<string, number[]>,
  exact: Set<string> = new Set(),
): Map<string, Iterable<string>> {
  const out = new Map<string, Iterable<string>>();
  for (const code of new Set(doc.codes)) {
    const mine = (doc.evidence ?? []).filter((e) => e.code === code);
    const spans = mine.flatMap((e) => (e.span ? [e.span] : []));
    if (mine.length === 0) out.set(code, all.keys());
    else if (spans.length > 0) out.set(code, spanNgrams(doc.tokens, spans, exact));
    else
      out.set(
        code,
        windowNgrams(
          doc.tokens,
          mine.map((e) => e.at),
        ),
      );
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

/**
 * Counts associations over training documents, keeping phrases seen in >= 2 documents or inside a located
 * evidence span.
 */
export function trainPhraseAssociations(docs: readonly TrainingDocument[]): PhraseAssociationData {
  const grams = docs.map((d) => documentNgrams(d.tokens));
  const df = new Map<string, number>();
  for (const g of grams) for (const key of g.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const codeIndex = new Map<string, number>();
  const codeDocs: number[] = [];
  const co = new Map<string, Map<number, number>>();
  docs.forEach((doc, d) => {
    const exact = new Set<string>();
    for (const [code, keys] of creditedNgrams(doc, grams[d]!, exact)) {
      let id = codeIndex.get(code);
      if (id === undefined) {
        id = codeIndex.size;
        codeIndex.set(code, id);
        codeDocs.push(0);
      }
      codeDocs[id]!++;
      for (const key of keys) {
        if ((df.get(key) ?? 0) < 2 && !exact.has(key)) continue;
        let m = co.get(key);
        if (!m) co.set(key, (m = new Map()));
        m.set(id, (m.get(id) ?? 0) + 1);
      }
    }
  });
  const ngrams: Record<string, number[]> = {};
  for (const [key, m] of co) {
    const f = df.get(key)!;
    const kept = [...m].filter(([, c]) => c / (f + 1) >= MIN_PAIR && (c >= 2 || f <= 8));
    // The 20 most associated codes of a phrase carry nearly all its signal and bound candidates per note.
    kept.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const pairs = kept.slice(0, MAX_CODES_PER_PHRASE).flat();
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
 * The model's phrases as a token trie over vocabulary ids (text/token-vocabulary.ts: a note's tokens carry
 * theirs), built once per model, so a note is matched without building n-grams. Nodes are numbers (0: none)
 * and live in typed arrays, not objects with a Map of children each: every token of every note walks them,
 * and objects spread over the heap cost a cache miss per step.
 */
interface PhraseIndex {
  /** The root's children by word id. */
  readonly first: Int32Array;
  /** The other edges: open addressing, (parent, word id, child) side by side; parent 0 in an empty slot. */
  readonly edges: Int32Array;
  /** Per node: its phrase's row (undefined: a prefix only), key ("renal colic") and length in tokens. */
  readonly rows: (readonly number[] | undefined)[];
  readonly keys: string[];
  readonly lengths: Int32Array;
  /** Per node, the note (notePhrases call) that last matched it and its place in that note's list. */
  readonly noteOf: Int32Array;
  readonly slotOf: Int32Array;
}

const INDEXES = new WeakMap<PhraseAssociationData, PhraseIndex>();

function edgeSlot(parent: number, word: number, mask: number): number {
  const h = Math.imul(parent, 0x9e3779b1) ^ Math.imul(word + 1, 0x85ebca6b);
  return (h ^ (h >>> 15)) & mask;
}

/** The child of a node below the root on word `word`, or 0. */
function childOf(ix: PhraseIndex, parent: number, word: number): number {
  const edges = ix.edges;
  const mask = edges.length / 3 - 1;
  for (let s = edgeSlot(parent, word, mask); edges[3 * s] !== 0; s = (s + 1) & mask) {
    if (edges[3 * s] === parent && edges[3 * s + 1] === word) return edges[3 * s + 2]!;
  }
  return 0;
}

function phraseIndex(data: PhraseAssociationData): PhraseIndex {
  const index = INDEXES.get(data);
  if (index) return index;
  // Nodes as (parent, word) pairs first, numbered from 1 in the order the phrases name them.
  const children = new Map<string, number>();
  const rootChildren = new Map<number, number>();
  const rows: (readonly number[] | undefined)[] = [undefined];
  const keys: string[] = [''];
  const lengths: number[] = [0];
  const edgeList: number[] = [];
  for (const [key, row] of Object.entries(data.ngrams)) {
    let node = 0;
    for (const t of key.split(' ')) {
      const id = internWord(t);
      let child = node === 0 ? rootChildren.get(id) : children.get(`${node} ${id}`);
      if (child === undefined) {
        child = rows.length;
        rows.push(undefined);
        keys.push(node === 0 ? t : `${keys[node]!} ${t}`);
        lengths.push(lengths[node]! + 1);
        if (node === 0) rootChildren.set(id, child);
        else {
          children.set(`${node} ${id}`, child);
          edgeList.push(node, id, child);
        }
      }
      node = child;
    }
    rows[node] = row;
  }
  const first = new Int32Array(vocabularySize());
  for (const [id, node] of rootChildren) first[id] = node;
  // At most a quarter full: probes stay short.
  let slots = 16;
  while (slots < (edgeList.length / 3) * 4) slots *= 2;
  const edges = new Int32Array(slots * 3);
  for (let e = 0; e < edgeList.length; e += 3) {
    let s = edgeSlot(edgeList[e]!, edgeList[e + 1]!, slots - 1);
    while (edges[3 * s] !== 0) s = (s + 1) & (slots - 1);
    edges[3 * s] = edgeList[e]!;
    edges[3 * s + 1] = edgeList[e + 1]!;
    edges[3 * s + 2] = edgeList[e + 2]!;
  }
  const ix: PhraseIndex = {
    first,
    edges,
    rows,
    keys,
    lengths: Int32Array.from(lengths),
    noteOf: new Int32Array(rows.length),
    slotOf: new Int32Array(rows.length),
  };
  INDEXES.set(data, ix);
  return ix;
}

let noteNumber = 0;

/** Per token position and length - 1, the model phrase (node) starting there in the current note (notePhrases). */
// Sized for notes of some 8,000 tokens from the start: a module variable assigned again costs its optimized
// readers a recompilation.
let phraseAt = new Int32Array(MAX_NGRAM << 13);
let phraseAtNote = new Int32Array(MAX_NGRAM << 13);

/**
 * The model phrases (nodes of the index) present in a note, in order of first occurrence; `occurrences`
 * receives, in the same order, the first token of each phrase's every occurrence.
 */
function notePhrases(ix: PhraseIndex, tokens: NoteTokens, occurrences: number[][]): number[] {
  const { first, rows, lengths, noteOf, slotOf } = ix;
  const { sentence } = tokens;
  const ids = tokenIds(tokens);
  const note = ++noteNumber;
  const out: number[] = [];
  if (phraseAtNote.length < ids.length * MAX_NGRAM) {
    phraseAtNote = new Int32Array(ids.length * MAX_NGRAM * 2);
    phraseAt = new Int32Array(phraseAtNote.length);
  }
  for (let i = 0; i < ids.length; i++) {
    if (ids[i]! < STOPWORD_IDS || ids[i]! >= first.length) continue; // a stopword, or a word no phrase has
    let node = 0;
    for (let j = i; j < i + MAX_NGRAM && j < ids.length && sentence[j] === sentence[i]; j++) {
      node = j === i ? first[ids[j]!]! : ids[j]! < 0 ? 0 : childOf(ix, node, ids[j]!);
      if (node === 0) break;
      if (rows[node] === undefined || ids[j]! < STOPWORD_IDS) continue;
      phraseAt[i * MAX_NGRAM + lengths[node]! - 1] = node;
      phraseAtNote[i * MAX_NGRAM + lengths[node]! - 1] = note;
      if (noteOf[node] === note) occurrences[slotOf[node]!]!.push(i);
      else {
        noteOf[node] = note;
        slotOf[node] = out.length;
        out.push(node);
        occurrences.push([i]);
      }
    }
  }
  return out;
}

/**
 * P(code | phrase) of the (code, count) pair at `i` in a phrase's row: co / (df + 1), without the document's
 * own counts when it was part of training (leave-one-out); 0 when nothing is left.
 */
function pairProbability(
  data: PhraseAssociationData,
  ix: PhraseIndex,
  node: number,
  i: number,
  own?: OwnCounts,
): number {
  const row = ix.rows[node]!;
  const co = row[i + 1]! - (own?.credited(ix.keys[node]!, data.codes[row[i]!]!) ? 1 : 0);
  return co <= 0 ? 0 : co / (row[0]! - (own ? 1 : 0) + 1);
}

/** P(code `id` | phrase) from one phrase's row (pairProbability), 0 when the row does not name the code. */
function rowProbability(
  data: PhraseAssociationData,
  ix: PhraseIndex,
  node: number,
  id: number,
  own?: OwnCounts,
): number {
  const row = ix.rows[node]!;
  for (let i = 1; i < row.length; i += 2) if (row[i] === id) return pairProbability(data, ix, node, i, own);
  return 0;
}

/** P(code | phrase) read around the occurrences of a code's best phrase: the most, least and mean over them. */
interface SpecificReadings {
  readonly most: number;
  readonly least: number;
  readonly mean: number;
}

/**
 * The association of code `id` read from the longest model phrase of the note that covers each occurrence of
 * its best phrase (first token `at`, `n` tokens), `best` where none is longer; the most, least and mean over
 * the occurrences. Reads the phrase starts notePhrases recorded for the current note: call it after
 * notePhrases, for that note.
 */
function specificAssociation(
  data: PhraseAssociationData,
  ix: PhraseIndex,
  id: number,
  n: number,
  best: number,
  occurrences: readonly number[],
  own: OwnCounts | undefined,
): SpecificReadings {
  // A best phrase was found in the note, so it has an occurrence; none would leave nothing to read around.
  if (occurrences.length === 0) return { most: best, least: best, mean: best };
  const note = noteNumber;
  let most = 0;
  let least = Infinity;
  let sum = 0;
  for (const at of occurrences) {
    let p = best;
    for (let length = MAX_NGRAM; length > n; length--) {
      let found = false;
      let top = 0;
      for (let start = Math.max(0, at + n - length); start <= at; start++) {
        const slot = start * MAX_NGRAM + length - 1;
        if (phraseAtNote[slot] !== note) continue;
        found = true;
        top = Math.max(top, rowProbability(data, ix, phraseAt[slot]!, id, own));
      }
      if (found) {
        p = top;
        break;
      }
    }
    most = Math.max(most, p);
    least = Math.min(least, p);
    sum += p;
  }
  return { most, least, mean: sum / occurrences.length };
}

/** Per-model scratch arrays, reused across notes so scoring a note allocates only its result. */
interface Scratch {
  readonly best: Float64Array;
  readonly sum: Float64Array;
  readonly support: Int32Array;
  /** The node of the best phrase (0: none yet). */
  readonly bestNode: Int32Array;
  readonly bestOcc: (number[] | undefined)[];
  readonly bestDf: Int32Array;
  /** The codes the last note supported (their sums are cleared when the next note is scored). */
  readonly touched: number[];
}

const SCRATCH = new WeakMap<PhraseAssociationData, Scratch>();

function scratchOf(data: PhraseAssociationData): Scratch {
  let s = SCRATCH.get(data);
  if (!s) {
    const n = data.codes.length;
    s = {
      best: new Float64Array(n),
      sum: new Float64Array(n),
      support: new Int32Array(n),
      bestNode: new Int32Array(n),
      bestOcc: new Array<number[] | undefined>(n),
      bestDf: new Int32Array(n),
      touched: [],
    };
    SCRATCH.set(data, s);
  }
  return s;
}

/**
 * Candidate codes of a document with their association evidence, keeping codes whose best P(code | phrase)
 * reaches `minBest`. With `own` (when the document was part of training) its own contribution is removed.
 */
export function associate(
  data: PhraseAssociationData,
  tokens: NoteTokens,
  own?: OwnCounts,
  minBest = 0,
): Map<string, AssociationEvidence> {
  const out = new Map<string, AssociationEvidence>();
  for (const ev of associateByIndex(data, tokens, own, minBest).evidence) out.set(ev.code, ev);
  return out;
}

/**
 * A note's associations before their evidence is read: the codes whose best P(code | phrase) reaches the
 * minimum, in order of first support, with that best. The evidence of one (its sums, phrase, occurrences and
 * specific readings) is read on demand: most codes a note supports never become candidates. Valid until the
 * next associationScores call (the sums live in per-model scratch arrays, and the specific readings read the
 * phrase starts notePhrases recorded for this note).
 */
export interface AssociationScores {
  /** Indexes into `data.codes`. */
  readonly ids: readonly number[];
  readonly best: readonly number[];
  evidence(k: number): AssociationEvidence;
}

/**
 * The codes of a document whose best P(code | phrase) reaches `minBest` (associationScores). With `own` (when
 * the document was part of training) its own contribution is removed.
 */
export function associationScores(
  data: PhraseAssociationData,
  tokens: NoteTokens,
  own?: OwnCounts,
  minBest = 0,
): AssociationScores {
  const s = scratchOf(data);
  // The previous note's sums are cleared now, not when it was scored: its evidence may be read after.
  for (const id of s.touched) {
    s.best[id] = 0;
    s.sum[id] = 0;
    s.support[id] = 0;
    s.bestNode[id] = 0;
    s.bestOcc[id] = undefined;
  }
  s.touched.length = 0;
  const touched = s.touched;
  const phraseOccurrences: number[][] = [];
  const ix = phraseIndex(data);
  const phrases = notePhrases(ix, tokens, phraseOccurrences);
  for (let k = 0; k < phrases.length; k++) {
    const node = phrases[k]!;
    const occurrences = phraseOccurrences[k]!;
    const row = ix.rows[node]!;
    const df = row[0]! - (own ? 1 : 0);
    for (let i = 1; i < row.length; i += 2) {
      const id = row[i]!;
      const p = pairProbability(data, ix, node, i, own);
      if (p === 0) continue;
      if (s.support[id] === 0) touched.push(id);
      s.sum[id]! += p;
      s.support[id]!++;
      const prev = s.bestNode[id]!;
      if (p > s.best[id]! || (p === s.best[id] && prev !== 0 && ix.lengths[node]! > ix.lengths[prev]!)) {
        s.best[id] = p;
        s.bestNode[id] = node;
        s.bestOcc[id] = occurrences;
        s.bestDf[id] = df;
      }
    }
  }
  const ids: number[] = [];
  const best: number[] = [];
  for (const id of touched) {
    if (s.best[id]! < minBest) continue;
    ids.push(id);
    best.push(s.best[id]!);
  }
  const evidence = (k: number): AssociationEvidence => {
    const id = ids[k]!;
    const occurrences = s.bestOcc[id]!;
    const n = ix.lengths[s.bestNode[id]!]!;
    const specific = specificAssociation(data, ix, id, n, s.best[id]!, occurrences, own);
    return {
      code: data.codes[id]!,
      best: s.best[id]!,
      sum: s.sum[id]!,
      support: s.support[id]!,
      first: occurrences[0]!,
      occurrences,
      n,
      bestDf: s.bestDf[id]!,
      specific: specific.most,
      specificMin: specific.least,
      specificMean: specific.mean,
    };
  };
  return { ids, best, evidence };
}

/**
 * associationScores with every code's evidence, as a list with each code's index in `data.codes` (`ids`, same
 * order).
 */
export function associateByIndex(
  data: PhraseAssociationData,
  tokens: NoteTokens,
  own?: OwnCounts,
  minBest = 0,
): { readonly ids: readonly number[]; readonly evidence: readonly AssociationEvidence[] } {
  const scores = associationScores(data, tokens, own, minBest);
  const evidence: AssociationEvidence[] = [];
  for (let k = 0; k < scores.ids.length; k++) evidence.push(scores.evidence(k));
  return { ids: scores.ids, evidence };
}
