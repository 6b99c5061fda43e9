/**
 * Candidate generation: every code named by a dictionary phrase of the note, plus every code the learned
 * phrase associations point to, merged per code with their mentions and assertion flags.
 */
import type { CodeSet } from '../../terminology/code-set.ts';
import type { CodeRecord } from '../../terminology/model.ts';
import type { AssertionDetector, MentionAssertion } from '../assertion/assertion-flags.ts';
import type { Candidate, CandidateSystem } from '../learned/candidate-features.ts';
import { keyCategory } from '../learned/candidate-features.ts';
import type { CodingModel } from '../learned/coding-model.ts';
import { splitModelCode } from '../learned/coding-model.ts';
import { centroidSimilaritiesOf } from '../learned/code-centroids.ts';
import { neighbourCodes, noteVector } from '../learned/document-neighbours.ts';
import { associate } from '../learned/phrase-associations.ts';
import { pcsFormOf } from '../learned/pcs-prefix-forms.ts';
import type { OwnCounts } from '../learned/phrase-associations.ts';
import type { CodeDictionary } from '../matcher/code-dictionary.ts';
import type { NoteTokens } from '../text/note-tokens.ts';
import { matchTables } from '../matcher/table-matcher.ts';
import { matchImaging } from '../matcher/pcs-imaging.ts';
import { matchRootOperations } from '../matcher/pcs-root-operations.ts';
import { refineBySentence } from '../rules/specificity.ts';
import { addSentenceWords } from '../text/sentence-words.ts';

const MIN_ASSOCIATION = 0.25;
const MAX_MENTIONS = 8;
/** Similarity-weighted share of the nearest training documents that makes their code a candidate. */
const MIN_NEIGHBOUR_SCORE = 0.08;

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

/** Release records per candidate key, cached per engine: the same few thousand codes recur in every note. */
const RECORDS = new WeakMap<CandidateResources, Map<string, CodeRecord | null>>();

function recordOf(
  r: CandidateResources,
  system: CandidateSystem,
  code: string,
  key: string,
): CodeRecord | undefined {
  let cache = RECORDS.get(r);
  if (!cache) RECORDS.set(r, (cache = new Map()));
  let rec = cache.get(key);
  if (rec === undefined) {
    rec = (system === 'icd10cm' ? r.cm : r.pcs)?.get(code) ?? null;
    cache.set(key, rec);
  }
  return rec ?? undefined;
}

/** Candidate keys by system and code, built once per code (not once per mention). */
const KEYS: Readonly<Record<CandidateSystem, Map<string, string>>> = {
  icd10cm: new Map(),
  icd10pcs: new Map(),
};

function candidateKey(system: CandidateSystem, code: string): string {
  let key = KEYS[system].get(code);
  if (key === undefined) KEYS[system].set(code, (key = `${system}|${code}`));
  return key;
}

/** Model keys split once per key (not once per note). */
const SPLIT = new Map<string, { readonly system: CandidateSystem; readonly code: string }>();

function splitKey(key: string): { readonly system: CandidateSystem; readonly code: string } {
  let split = SPLIT.get(key);
  if (!split) SPLIT.set(key, (split = splitModelCode(key)));
  return split;
}

function candidateFor(
  r: CandidateResources,
  byKey: Map<string, Candidate>,
  system: CandidateSystem,
  code: string,
  loo: LeaveOneOut | undefined,
  key = candidateKey(system, code),
): Candidate {
  let c = byKey.get(key);
  if (!c) {
    // PCS codes are learned and matched per 4-character prefix; the candidate is the full code emitted for it.
    if (system === 'icd10pcs') {
      code = pcsFormOf(r.model?.pcsForms ?? {}, code, (full) => r.pcs?.get(full) !== undefined);
    }
    const rec = recordOf(r, system, code, key);
    const prior = (r.priors.get(key) ?? 0) - (loo?.gold.has(key) ? 1 : 0);
    c = {
      code,
      system,
      key,
      association: undefined,
      neighbour: undefined,
      neighbourCategory: 0,
      centroid: 0,
      mentions: [],
      prior,
      known: !!rec,
      billable: !!rec?.billable,
      refined: false,
    };
    byKey.set(key, c);
  }
  return c;
}

/** Category numbers (keyCategory of a key), shared by every model: ids into a per-note score array. */
const CATEGORY_IDS = new Map<string, number>();
const KEY_CATEGORY = new Map<string, number>();
let categoryScores = new Float64Array(1024);

function categoryId(key: string): number {
  let id = KEY_CATEGORY.get(key);
  if (id === undefined) {
    const cat = keyCategory(key);
    id = CATEGORY_IDS.get(cat);
    if (id === undefined) CATEGORY_IDS.set(cat, (id = CATEGORY_IDS.size));
    KEY_CATEGORY.set(key, id);
    if (id >= categoryScores.length) {
      const bigger = new Float64Array(categoryScores.length * 2);
      bigger.set(categoryScores);
      categoryScores = bigger;
    }
  }
  return id;
}

const NEIGHBOUR_CATEGORIES = new WeakMap<CodingModel, Int32Array>();

/** categoryId of each of the neighbour data's codes, built once per model. */
function neighbourCategories(model: CodingModel): Int32Array {
  let ids = NEIGHBOUR_CATEGORIES.get(model);
  if (!ids) NEIGHBOUR_CATEGORIES.set(model, (ids = Int32Array.from(model.neighbours.codes, categoryId)));
  return ids;
}

/** Codes of the nearest training documents: evidence for existing candidates, new candidates when strong. */
function addNeighbours(
  r: CandidateResources,
  model: CodingModel,
  byKey: Map<string, Candidate>,
  tokens: NoteTokens,
  loo: LeaveOneOut | undefined,
): void {
  const touched: number[] = [];
  const vector = noteVector(model.neighbours, tokens);
  for (const [id, ev] of neighbourCodes(model.neighbours, vector, loo?.doc)) {
    const key = model.neighbours.codes[id]!;
    const cat = neighbourCategories(model)[id]!;
    if (categoryScores[cat] === 0) touched.push(cat);
    categoryScores[cat] = Math.min(1, categoryScores[cat]! + ev.score);
    if (ev.score < MIN_NEIGHBOUR_SCORE && !byKey.has(key)) continue;
    const { system, code } = splitKey(key);
    candidateFor(r, byKey, system, code, loo, key).neighbour = ev;
  }
  // Prototype similarity is a feature of the candidates found so far; as a source it added nothing (measured).
  const info = keyInfoOf(model);
  const withCode: Candidate[] = [];
  const codes: number[] = [];
  for (const c of byKey.values()) {
    let k = info.get(c.key);
    if (k === undefined) info.set(c.key, (k = { code: -1, category: categoryId(c.key) }));
    // categoryScores read after categoryId: a new category may grow it.
    c.neighbourCategory = categoryScores[k.category]!;
    if (k.code < 0) continue;
    withCode.push(c);
    codes.push(k.code);
  }
  const sims = centroidSimilaritiesOf(model.centroids, vector, codes);
  withCode.forEach((c, i) => (c.centroid = sims[i]!));
  for (const cat of touched) categoryScores[cat] = 0;
}

const KEY_INFO = new WeakMap<
  CodingModel,
  Map<string, { readonly code: number; readonly category: number }>
>();

/** Per candidate key its index in the model's neighbour codes (-1: none) and its category id, cached per model. */
function keyInfoOf(model: CodingModel): Map<string, { readonly code: number; readonly category: number }> {
  let info = KEY_INFO.get(model);
  if (!info) {
    const codes = model.neighbours.codes;
    info = new Map(codes.map((k, i) => [k, { code: i, category: categoryId(k) }]));
    KEY_INFO.set(model, info);
  }
  return info;
}

/**
 * PCS prefixes named by a procedure word and a body part, as dictionary mentions: imaging by modality and
 * region (pcs-imaging.ts), biopsy / excision / resection / drainage by body part (pcs-root-operations.ts).
 */
function addProcedures(
  r: CandidateResources,
  pcs: CodeSet,
  byKey: Map<string, Candidate>,
  tokens: NoteTokens,
  loo: LeaveOneOut | undefined,
  assertion: MentionAssertion,
): void {
  for (const hit of [...matchImaging(pcs, tokens), ...matchRootOperations(pcs, tokens)]) {
    const c = candidateFor(r, byKey, 'icd10pcs', hit.prefix, loo);
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
 * A dictionary phrase often names a header ("myopia": H52.1) where the coder gives the billable code below it
 * (H52.10): each header the dictionary named also proposes the child its sentence states, else the default
 * (unspecified) child, as the specificity rule would complete it (rules/specificity.ts), with the header's
 * mentions. Headers completed only by a 7th character are left to that rule.
 */
function addRefinedChildren(
  r: CandidateResources,
  byKey: Map<string, Candidate>,
  tokens: NoteTokens,
  loo: LeaveOneOut | undefined,
): void {
  for (const c of [...byKey.values()]) {
    if (!c.known || c.billable || c.system !== 'icd10cm' || c.mentions.length === 0) continue;
    const code = refineBySentence(r.cm, c.code, addSentenceWords(tokens, c.mentions[0]!.first));
    if (code === c.code) continue;
    const child = candidateFor(r, byKey, 'icd10cm', code, loo);
    if (child.mentions.length > 0) continue;
    child.refined = true;
    child.mentions.push(...c.mentions);
  }
}

/** Collects and merges the candidates of one note. */
export function collectCandidates(
  r: CandidateResources,
  tokens: NoteTokens,
  loo?: LeaveOneOut,
  assertion: MentionAssertion = r.assertion(tokens),
): Candidate[] {
  const byKey = new Map<string, Candidate>();
  for (const m of r.dictionary.trie.matchAll(tokens)) {
    const flags = assertion(m.first, m.last);
    for (const id of m.payloads) {
      const entry = r.dictionary.entries[id]!;
      const c = candidateFor(r, byKey, 'icd10cm', entry.code, loo);
      if (!c.mentions.some((x) => x.first === m.first && x.entry)) {
        c.mentions.push({ first: m.first, last: m.last, flags, entry });
      }
    }
  }
  for (const hit of matchTables(r.dictionary.tables, tokens)) {
    const c = candidateFor(r, byKey, 'icd10cm', hit.entry.code, loo);
    c.mentions.push({
      first: hit.first,
      last: hit.last,
      flags: assertion(hit.first, hit.last),
      entry: hit.entry,
    });
  }
  addRefinedChildren(r, byKey, tokens, loo);
  if (r.pcs) addProcedures(r, r.pcs, byKey, tokens, loo, assertion);
  if (r.model) {
    // Weak associations alone (every phrase of the note votes for many codes) are not worth ranking.
    for (const [key, ev] of associate(r.model.associations, tokens, loo?.own, MIN_ASSOCIATION)) {
      const { system, code } = splitKey(key);
      const c = candidateFor(r, byKey, system, code, loo, key);
      c.association = ev;
      for (let k = 0; k < ev.occurrences.length && k < MAX_MENTIONS; k++) {
        const first = ev.occurrences[k]!;
        const last = first + ev.n - 1;
        if (c.mentions.some((m) => m.first === first)) continue;
        c.mentions.push({ first, last, flags: assertion(first, last) });
      }
    }
    addNeighbours(r, r.model, byKey, tokens, loo);
  }
  return [...byKey.values()];
}
