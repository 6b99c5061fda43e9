/**
 * Candidate generation: every code named by a dictionary phrase of the note, plus every code the learned
 * phrase associations point to, merged per code with their mentions and assertion flags.
 */
import type { CodeSet } from '../../terminology/code-set.ts';
import type { CodeRecord } from '../../terminology/model.ts';
import type { AssertionDetector, MentionAssertion } from '../assertion/assertion-flags.ts';
import type { Candidate, CandidateSystem } from '../learned/candidate-features.ts';
import type { CodingModel } from '../learned/coding-model.ts';
import { splitModelCode } from '../learned/coding-model.ts';
import { associate } from '../learned/phrase-associations.ts';
import type { OwnCounts } from '../learned/phrase-associations.ts';
import type { CodeDictionary } from '../matcher/code-dictionary.ts';
import type { NoteTokens } from '../text/note-tokens.ts';
import { matchTables } from '../matcher/table-matcher.ts';

const MIN_ASSOCIATION = 0.25;
const MAX_MENTIONS = 8;

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
  readonly own: OwnCounts;
  /** Its gold codes as stored model keys. */
  readonly gold: ReadonlySet<string>;
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
    const rec = recordOf(r, system, code, key);
    const prior = (r.priors.get(key) ?? 0) - (loo?.gold.has(key) ? 1 : 0);
    c = {
      code,
      system,
      key,
      association: undefined,
      mentions: [],
      prior,
      known: !!rec,
      billable: !!rec?.billable,
    };
    byKey.set(key, c);
  }
  return c;
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
  }
  return [...byKey.values()];
}
