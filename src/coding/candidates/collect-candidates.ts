/**
 * Candidate generation: every code named by a dictionary phrase of the note, plus every code the learned
 * phrase associations point to, merged per code with their mentions and assertion flags.
 */
import type { CodeSet } from '../../terminology/code-set.ts';
import type { CodeRecord } from '../../terminology/model.ts';
import type { AssertionDetector, MentionAssertion } from '../assertion/assertion-flags.ts';
import type { Candidate, CandidateSystem } from '../learned/candidate-features.ts';
import { categoryCount, categoryNumber, keyNumber } from '../learned/candidate-features.ts';
import type { CodingModel } from '../learned/coding-model.ts';
import { splitModelCode } from '../learned/coding-model.ts';
import { centroidSimilaritiesOf } from '../learned/code-centroids.ts';
import { noteVector, tallyNeighbours } from '../learned/document-neighbours.ts';
import { associationScores } from '../learned/phrase-associations.ts';
import type { OwnCounts } from '../learned/phrase-associations.ts';
import type { CodeDictionary } from '../matcher/code-dictionary.ts';
import type { NoteTokens } from '../text/note-tokens.ts';
import { matchTables } from '../matcher/table-matcher.ts';
import { matchImaging } from '../matcher/pcs-imaging.ts';
import { matchLongTermDrugs } from '../matcher/long-term-drugs.ts';
import { matchNumericCodes } from '../matcher/numeric-codes.ts';
import type { NumericHit } from '../matcher/numeric-codes.ts';
import { matchRootOperations } from '../matcher/pcs-root-operations.ts';
import { pcsFormOf } from '../learned/pcs-prefix-forms.ts';
import { mayTradeSibling, refineBySentence } from '../rules/specificity.ts';
import { LazyWordSet } from '../text/lazy-word-set.ts';
import { addSentenceWords } from '../text/sentence-words.ts';
import { titleCoverages, titleWordIds } from './title-coverage.ts';

/**
 * Weakest association that makes a code a candidate, per system. Diagnoses, nested cross-validation F1 / MAP:
 * 0.632 / 0.600 at 0.25, 0.637 / 0.603 at 0.20, 0.634 / 0.607 at 0.15 (0.20's F1 is within the estimate's
 * noise, its MAP loss is not); 0.10 costs a third of the throughput.
 */
const MIN_ASSOCIATION = { icd10cm: 0.15, icd10pcs: 0.25 } as const;
/**
 * Weakest association that makes a diagnosis code a candidate when its category already has one (named by the
 * dictionary or associated from MIN_ASSOCIATION): "smoker" spreads over F17.200, F17.210 and F17.290, each
 * under 0.15. Nested cross-validation F1 / MAP: 0.635 / 0.610 without, 0.637 / 0.611 at 0.08 (5% more
 * candidates), 0.635 / 0.612 at 0.05.
 */
const MIN_SIBLING_ASSOCIATION = 0.08;
const MIN_ANY_ASSOCIATION = Math.min(
  MIN_ASSOCIATION.icd10cm,
  MIN_ASSOCIATION.icd10pcs,
  MIN_SIBLING_ASSOCIATION,
);
const MAX_MENTIONS = 8;
/**
 * Similarity-weighted share of the nearest training documents that makes their code a candidate. Diagnoses
 * 0.12 (nested cross-validation F1 +0.003 over 0.08 at the same MAP, with 19% fewer candidates; 0.05: -0.010;
 * 0.16: MAP -0.005); procedures 0.08 (0.12 costs 0.009 MAP).
 */
const MIN_NEIGHBOUR_SCORE = { icd10cm: 0.12, icd10pcs: 0.08 } as const;

/** What candidate generation works with; built once per engine. */
export interface CandidateResources {
  readonly cm: CodeSet;
  readonly pcs: CodeSet | undefined;
  readonly dictionary: CodeDictionary;
  readonly model: CodingModel | undefined;
  /** Training-document counts per stored model code key. */
  readonly priors: ReadonlyMap<string, number>;
  readonly assertion: AssertionDetector;
}

/** For a training document scored during training: its own contribution to remove (leave-one-out). */
export interface LeaveOneOut {
  /** Its own phrase counts, when the associations were learned with it. */
  readonly own?: OwnCounts;
  /** Its gold codes as stored model keys. */
  readonly gold: ReadonlySet<string>;
  /** Its index among the training documents (never its own neighbour). */
  readonly doc: number;
}

/**
 * What the engine knows of a candidate key (record, prior, neighbour code, category), looked up once per key
 * and engine instead of once per note; `candidate` holds the key's candidate in the note being collected
 * (stale unless KeyTable.noteOfKey says the current note), in place of a per-note Map.
 */
interface KeyInfo {
  readonly key: string;
  readonly keyNumber: number;
  readonly system: CandidateSystem;
  readonly code: string;
  readonly record: CodeRecord | undefined;
  /**
   * Whether the code is in the release, and billable there: read off the record once, so a candidate is made
   * from the info alone (records are spread over the heap, a cache miss each).
   */
  readonly known: boolean;
  readonly billable: boolean;
  readonly prior: number;
  /** Index in the model's neighbour codes (-1: none). */
  readonly neighbourCode: number;
  readonly category: number;
  /** titleWordIds of a known diagnosis code's title, read on first use. */
  titleWords: Int32Array | undefined;
  /** mayTradeSibling of a billable diagnosis code, read on first use. */
  mayTrade: boolean | undefined;
  candidate: Candidate | undefined;
}

interface KeyTable {
  readonly byKey: Map<string, KeyInfo>;
  /** Per system, by code (the dictionary's codes are ICD-10-CM codes without the key prefix). */
  readonly cmByCode: Map<string, KeyInfo>;
  /** By index into the model's neighbour codes. */
  readonly neighbour: KeyInfo[];
  /**
   * By index into the model's neighbour codes, what a note's tally reads of each of the few hundred codes its
   * neighbours carry: the category number, and the weakest score that makes the code a candidate (per system).
   * Typed arrays, so the tally touches no KeyInfo (objects spread over the heap) but the candidates'.
   */
  readonly neighbourCategory: Int32Array;
  readonly neighbourMinimum: Float64Array;
  readonly neighbourKey: Int32Array;
  /** Per key number, the note whose candidate it last was (KeyInfo.candidate is that candidate). */
  noteOfKey: Int32Array;
  /** By index into the model's association codes, and by dictionary entry id (filled as they occur). */
  readonly association: (KeyInfo | undefined)[];
  readonly entry: (KeyInfo | undefined)[];
  note: number;
  /** The infos of the note's candidates, in candidate order (scratch, emptied after each note). */
  readonly infos: KeyInfo[];
}

const TABLES = new WeakMap<CandidateResources, KeyTable>();

function keyTable(r: CandidateResources): KeyTable {
  let t = TABLES.get(r);
  if (!t) {
    // Filled arrays (not grown by index), so they stay dense.
    const none = (n: number): (KeyInfo | undefined)[] => new Array<KeyInfo | undefined>(n).fill(undefined);
    t = {
      byKey: new Map(),
      cmByCode: new Map(),
      neighbour: [],
      neighbourCategory: new Int32Array(r.model?.neighbours.codes.length ?? 0),
      neighbourMinimum: new Float64Array(r.model?.neighbours.codes.length ?? 0),
      neighbourKey: new Int32Array(r.model?.neighbours.codes.length ?? 0),
      // Room for many keys: growing is a path the optimized collection code has not seen.
      noteOfKey: new Int32Array(1 << 16),
      association: none(r.model?.associations.codes.length ?? 0),
      entry: none(r.dictionary.entries.length),
      note: 0,
      infos: [],
    };
    TABLES.set(r, t);
    const codes = r.model?.neighbours.codes ?? [];
    for (let i = 0; i < codes.length; i++) {
      const info = infoOf(r, t, codes[i]!, i);
      t.neighbour.push(info);
      t.neighbourCategory[i] = info.category;
      t.neighbourMinimum[i] = MIN_NEIGHBOUR_SCORE[info.system];
      t.neighbourKey[i] = info.keyNumber;
    }
  }
  return t;
}

function infoOf(r: CandidateResources, t: KeyTable, key: string, neighbourCode = -1): KeyInfo {
  let info = t.byKey.get(key);
  if (!info) {
    const split = splitModelCode(key);
    const system = split.system;
    // PCS codes are learned and matched per 4-character prefix; the candidate is the full code emitted for it.
    const code =
      system === 'icd10pcs'
        ? pcsFormOf(r.model?.pcsForms ?? {}, split.code, (full) => r.pcs?.get(full) !== undefined)
        : split.code;
    const number = keyNumber(key);
    // A new key may bring a new category, in the middle of a note: the scratch arrays keep their values. They
    // are assigned only when they grow: V8 treats a module variable never assigned again as a constant in
    // optimized code, and the first assignment, even of the same array, throws that code away.
    if (categoryScores.length < categoryCount()) {
      categoryScores = withRoom(categoryScores, categoryCount());
      categoryAssociations = withRoom(categoryAssociations, categoryCount());
    }
    if (number >= t.noteOfKey.length) {
      const bigger = new Int32Array(2 * number);
      bigger.set(t.noteOfKey);
      t.noteOfKey = bigger;
    }
    const record = (system === 'icd10cm' ? r.cm : r.pcs)?.get(code);
    info = {
      key,
      keyNumber: number,
      system,
      code,
      record,
      known: !!record,
      billable: !!record?.billable,
      prior: r.priors.get(key) ?? 0,
      neighbourCode,
      category: categoryNumber(number),
      titleWords: undefined,
      mayTrade: undefined,
      candidate: undefined,
    };
    t.byKey.set(key, info);
    if (system === 'icd10cm') t.cmByCode.set(code, info);
  }
  return info;
}

function cmInfoOf(r: CandidateResources, t: KeyTable, code: string): KeyInfo {
  return t.cmByCode.get(code) ?? infoOf(r, t, `icd10cm|${code}`);
}

/** The info of dictionary entry `id`'s code. */
function entryInfoOf(r: CandidateResources, t: KeyTable, id: number): KeyInfo {
  return (t.entry[id] ??= cmInfoOf(r, t, r.dictionary.entries[id]!.code));
}

/** The note's candidate of a key, created (and listed) on first use. */
function candidateFor(
  t: KeyTable,
  list: Candidate[],
  info: KeyInfo,
  loo: LeaveOneOut | undefined,
): Candidate {
  if (t.noteOfKey[info.keyNumber] === t.note) return info.candidate!;
  const c: Candidate = {
    code: info.code,
    system: info.system,
    key: info.key,
    keyNumber: info.keyNumber,
    association: undefined,
    neighbour: undefined,
    neighbourCategory: 0,
    categoryAssociation: 0,
    centroid: 0,
    titleCoverage: 0,
    mentions: [],
    prior: info.prior - (loo?.gold.has(info.key) ? 1 : 0),
    known: info.known,
    billable: info.billable,
    refined: false,
  };
  t.noteOfKey[info.keyNumber] = t.note;
  info.candidate = c;
  list.push(c);
  t.infos.push(info);
  return c;
}

/**
 * Per category number (candidate-features.ts), the note's neighbour share (zeroed after each note). Sized for
 * every ICD-10-CM and ICD-10-PCS category at once: growing is a path the optimized code has not seen.
 */
let categoryScores = new Float64Array(1 << 13);
/** Per category number, the note's best association of any of its codes (zeroed after each note). */
let categoryAssociations = new Float64Array(1 << 13);

/** The array at twice the length `count` needs, its values kept (the rest zero). */
function withRoom(array: Float64Array<ArrayBuffer>, count: number): Float64Array<ArrayBuffer> {
  if (array.length >= count) return array;
  const bigger = new Float64Array(count * 2);
  bigger.set(array);
  return bigger;
}

/** Codes of the nearest training documents: evidence for existing candidates, new candidates when strong. */
function addNeighbours(
  model: CodingModel,
  t: KeyTable,
  list: Candidate[],
  tokens: NoteTokens,
  loo: LeaveOneOut | undefined,
): void {
  const touched: number[] = [];
  const vector = noteVector(model.neighbours, tokens);
  const tally = tallyNeighbours(model.neighbours, vector, loo?.doc);
  for (let i = 0; i < tally.count; i++) {
    const id = tally.order[i]!;
    const cat = t.neighbourCategory[id]!;
    const score = tally.score[id]!;
    if (categoryScores[cat] === 0) touched.push(cat);
    categoryScores[cat] = Math.min(1, categoryScores[cat]! + score);
    if (score < t.neighbourMinimum[id]! && t.noteOfKey[t.neighbourKey[id]!] !== t.note) continue;
    candidateFor(t, list, t.neighbour[id]!, loo).neighbour = {
      score,
      votes: tally.votes[id]!,
      nearest: tally.nearest[id]!,
    };
  }
  // Prototype similarity is a feature of the candidates found so far; as a source it added nothing (measured).
  const withCode: Candidate[] = [];
  const codes: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    const info = t.infos[i]!;
    c.neighbourCategory = categoryScores[info.category]!;
    if (info.neighbourCode < 0) continue;
    withCode.push(c);
    codes.push(info.neighbourCode);
  }
  const sims = centroidSimilaritiesOf(model.centroids, vector, codes);
  withCode.forEach((c, i) => (c.centroid = sims[i]!));
  for (const cat of touched) categoryScores[cat] = 0;
}

/**
 * A dictionary phrase often names a header ("myopia": H52.1) where the coder gives the billable code below it
 * (H52.10): each header the dictionary named also proposes the child its sentence states, else the default
 * (unspecified) child, as the specificity rule would complete it (rules/specificity.ts), with the header's
 * mentions. Headers completed only by a 7th character are left to that rule, and headers under which the
 * note's numbers already chose a code ("weeks of gestation": Z3A.23 from "23 weeks") to those.
 */
function addRefinedChildren(
  r: CandidateResources,
  t: KeyTable,
  list: Candidate[],
  tokens: NoteTokens,
  loo: LeaveOneOut | undefined,
  valued: readonly NumericHit[],
): void {
  // Headers often share a sentence: its words are gathered once, and only when the walk reads them.
  const bySentence = new Map<number, ReadonlySet<string>>();
  const wordsAt = (at: number): ReadonlySet<string> => {
    const s = tokens.sentence[at]!;
    let words = bySentence.get(s);
    if (!words) bySentence.set(s, (words = new LazyWordSet(() => addSentenceWords(tokens, at))));
    return words;
  };
  // The children are added to the list (and their infos to t.infos): the walk stops at the list's length now.
  const count = list.length;
  for (let i = 0; i < count; i++) {
    const c = list[i]!;
    if (!c.known || c.system !== 'icd10cm' || c.mentions.length === 0) continue;
    const info = t.infos[i]!;
    if (c.billable && !(info.mayTrade ??= mayTradeSibling(r.cm, c.code))) continue;
    if (valued.some((h) => h.code.startsWith(c.code))) continue;
    const code = refineBySentence(r.cm, c.code, wordsAt(c.mentions[0]!.first), info.record);
    if (code === c.code) continue;
    const child = candidateFor(t, list, cmInfoOf(r, t, code), loo);
    if (child.mentions.length > 0) continue;
    child.refined = true;
    child.mentions.push(...c.mentions);
  }
}

/**
 * PCS prefixes named by a procedure word and a body part, as dictionary mentions: imaging by modality and
 * region (pcs-imaging.ts), biopsy / excision / resection / drainage by body part (pcs-root-operations.ts).
 */
function addProcedures(
  r: CandidateResources,
  pcs: CodeSet,
  t: KeyTable,
  list: Candidate[],
  tokens: NoteTokens,
  loo: LeaveOneOut | undefined,
  assertion: MentionAssertion,
): void {
  for (const hit of [...matchImaging(pcs, tokens), ...matchRootOperations(pcs, tokens)]) {
    const c = candidateFor(t, list, infoOf(r, t, `icd10pcs|${hit.prefix}`), loo);
    if (c.mentions.some((m) => m.first === hit.first && m.entry)) continue;
    c.mentions.push({
      first: hit.first,
      last: hit.last,
      flags: assertion(hit.first, hit.last),
      entry: { code: hit.prefix, source: 'title', path: hit.path },
    });
  }
}

/**
 * Diagnosis categories the note already names: by a candidate so far (the dictionary's), or by an association
 * strong enough alone. Fills the association infos of `ids` on the way.
 */
function namedCategories(
  r: CandidateResources,
  t: KeyTable,
  codes: readonly string[],
  ids: readonly number[],
  best: readonly number[],
): Set<number> {
  const named = new Set<number>();
  for (const info of t.infos) if (info.system === 'icd10cm') named.add(info.category);
  for (let i = 0; i < ids.length; i++) {
    const info = (t.association[ids[i]!] ??= infoOf(r, t, codes[ids[i]!]!));
    if (info.system === 'icd10cm' && best[i]! >= MIN_ASSOCIATION.icd10cm) named.add(info.category);
  }
  return named;
}

/** Each diagnosis candidate's titleCoverage (title words read once per key). */
function addTitleCoverages(t: KeyTable, list: Candidate[], tokens: NoteTokens): void {
  // Pushed into an array literal, not mapped: one kind of array whatever the note (see resultOf in code-note.ts).
  const titles: (Int32Array | undefined)[] = [];
  for (const info of t.infos)
    titles.push(
      info.system === 'icd10cm' && info.record
        ? (info.titleWords ??= titleWordIds(info.record.title))
        : undefined,
    );
  const coverages = titleCoverages(tokens, titles);
  for (let i = 0; i < list.length; i++) list[i]!.titleCoverage = coverages[i]!;
}

/** Collects and merges the candidates of one note. */
export function collectCandidates(
  r: CandidateResources,
  tokens: NoteTokens,
  loo?: LeaveOneOut,
  assertion: MentionAssertion = r.assertion(tokens),
): Candidate[] {
  const t = keyTable(r);
  t.note++;
  const list: Candidate[] = [];
  for (const m of r.dictionary.trie.matchAll(tokens)) {
    const flags = assertion(m.first, m.last);
    for (const id of m.payloads) {
      const entry = r.dictionary.entries[id]!;
      const c = candidateFor(t, list, entryInfoOf(r, t, id), loo);
      if (!c.mentions.some((x) => x.first === m.first && x.entry)) {
        c.mentions.push({ first: m.first, last: m.last, flags, entry });
      }
    }
  }
  for (const m of r.dictionary.bags.matchAll(tokens)) {
    const c = candidateFor(t, list, entryInfoOf(r, t, m.payload), loo);
    // Where the phrase is also written out, the contiguous match says it.
    if (c.mentions.some((x) => x.entry && x.first <= m.last && x.last >= m.first)) continue;
    const entry = r.dictionary.entries[m.payload]!;
    c.mentions.push({ first: m.first, last: m.last, flags: assertion(m.first, m.last), entry, loose: true });
  }
  for (const hit of matchTables(r.dictionary.tables, tokens)) {
    const c = candidateFor(t, list, cmInfoOf(r, t, hit.entry.code), loo);
    c.mentions.push({
      first: hit.first,
      last: hit.last,
      flags: assertion(hit.first, hit.last),
      entry: hit.entry,
    });
  }
  for (const hit of matchLongTermDrugs(r.dictionary.longTermDrugs, tokens)) {
    const c = candidateFor(t, list, cmInfoOf(r, t, hit.entry.code), loo);
    if (c.mentions.some((x) => x.first === hit.first && x.entry)) continue;
    c.mentions.push({
      first: hit.first,
      last: hit.last,
      flags: assertion(hit.first, hit.last),
      entry: hit.entry,
    });
  }
  const valued = matchNumericCodes(r.cm, tokens);
  for (const hit of valued) {
    const c = candidateFor(t, list, cmInfoOf(r, t, hit.code), loo);
    c.mentions.push({
      first: hit.first,
      last: hit.last,
      flags: assertion(hit.first, hit.last),
      entry: { code: hit.code, source: 'number', path: hit.path },
    });
  }
  if (r.pcs) addProcedures(r, r.pcs, t, list, tokens, loo, assertion);
  const associatedCategories: number[] = [];
  if (r.model) {
    // Weak associations alone (every phrase of the note votes for many codes) are not worth ranking.
    // Their evidence is read only for the codes that become candidates (scores.evidence).
    const scores = associationScores(r.model.associations, tokens, loo?.own, MIN_ANY_ASSOCIATION);
    const { ids, best } = scores;
    const named = namedCategories(r, t, r.model.associations.codes, ids, best);
    for (let i = 0; i < ids.length; i++) {
      const category = t.association[ids[i]!]!.category;
      if (categoryAssociations[category] === 0) associatedCategories.push(category);
      categoryAssociations[category] = Math.max(categoryAssociations[category]!, best[i]!);
    }
    for (let i = 0; i < ids.length; i++) {
      const info = t.association[ids[i]!]!;
      if (best[i]! < MIN_ASSOCIATION[info.system]) {
        if (info.system !== 'icd10cm' || best[i]! < MIN_SIBLING_ASSOCIATION) continue;
        if (!named.has(info.category)) continue;
      }
      const ev = scores.evidence(i);
      const c = candidateFor(t, list, info, loo);
      c.association = ev;
      for (let k = 0; k < ev.occurrences.length && k < MAX_MENTIONS; k++) {
        const first = ev.occurrences[k]!;
        const last = first + ev.n - 1;
        if (c.mentions.some((m) => m.first === first)) continue;
        c.mentions.push({ first, last, flags: assertion(first, last) });
      }
    }
  }
  // After the associations: a code learned from another note's right eye is traded for this note's side.
  addRefinedChildren(r, t, list, tokens, loo, valued);
  if (r.model) addNeighbours(r.model, t, list, tokens, loo);
  addTitleCoverages(t, list, tokens);
  if (associatedCategories.length > 0) {
    for (let i = 0; i < list.length; i++)
      list[i]!.categoryAssociation = categoryAssociations[t.infos[i]!.category]!;
    for (const category of associatedCategories) categoryAssociations[category] = 0;
  }
  // The engine's tables must not keep a note's candidates alive.
  for (const info of t.infos) info.candidate = undefined;
  t.infos.length = 0;
  return list;
}
