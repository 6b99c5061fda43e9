/**
 * A note's token ids as the dictionary matchers read them: a word no dictionary phrase has, spelled the way
 * the Spanish → English translation leaves it ("pionephrosis"), takes the id of the dictionary word the
 * spelling bridge finds for it ("pyonephrosis", spanish-spelling.ts). The learned matchers keep reading
 * tokenIds: they were trained on the words as written.
 */
import { tokenIds } from './note-tokens.ts';
import type { NoteTokens } from './note-tokens.ts';
import { MIN_LENGTH, bridgeSpelling } from './spanish-spelling.ts';
import { SpellingTargets } from './spelling-targets.ts';
import {
  STOPWORD_IDS,
  isTermWord,
  termWordCount,
  vocabularySize,
  wordId,
  wordOf,
} from './token-vocabulary.ts';

/**
 * The term words as bridge targets, and the bridged id per spelling (-1: none) and per known word id (the
 * bridged id + 2; 0: not looked up yet); all rebuilt when term words change.
 */
let targets: SpellingTargets | undefined;
const BRIDGED = new Map<string, number>();
const MAX_CACHED = 100_000;
let byId = new Int32Array(0);
let cachedFor = -1;

function termTargets(): SpellingTargets {
  const words: string[] = [];
  for (let id = STOPWORD_IDS; id < vocabularySize(); id++) if (isTermWord(id)) words.push(wordOf(id));
  return new SpellingTargets(words);
}

function dropStale(): void {
  if (cachedFor === termWordCount()) return;
  targets = undefined;
  BRIDGED.clear();
  byId = new Int32Array(0);
  cachedFor = termWordCount();
}

/** The term word id `word` (no term word itself) stands for, or -1. Cached per spelling. */
export function bridgedWordId(word: string): number {
  dropStale();
  if (BRIDGED.size >= MAX_CACHED) BRIDGED.clear();
  let id = BRIDGED.get(word);
  if (id === undefined) {
    targets ??= termTargets();
    const english = bridgeSpelling(word, targets);
    id = english === undefined ? -1 : wordId(english);
    BRIDGED.set(word, id);
  }
  return id;
}

/** bridgedWordId of a token with vocabulary id `id` (no term word), through the per-id cache when id >= 0. */
function bridgedTokenId(id: number, word: string): number {
  if (id < 0) return bridgedWordId(word);
  if (id >= byId.length) {
    const bigger = new Int32Array(Math.max(vocabularySize(), id + 1));
    bigger.set(byId);
    byId = bigger;
  }
  if (byId[id] === 0) byId[id] = bridgedWordId(word) + 2;
  return byId[id]! - 2;
}

const TERM_IDS = new WeakMap<
  NoteTokens,
  { readonly terms: number; readonly vocabulary: number; readonly ids: Int32Array }
>();

/**
 * tokenIds with bridged spellings: a token that is no term word and has a bridged spelling takes that
 * word's id. The same array as tokenIds when nothing is bridged; computed once per note (and vocabulary).
 */
export function termIds(tokens: NoteTokens): Int32Array {
  const ids = tokenIds(tokens);
  const cached = TERM_IDS.get(tokens);
  if (cached?.terms === termWordCount() && cached.vocabulary === vocabularySize()) return cached.ids;
  dropStale();
  let out = ids;
  const { norm } = tokens;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if ((id >= 0 && id < STOPWORD_IDS) || isTermWord(id) || norm[i]!.length < MIN_LENGTH) continue;
    const bridged = bridgedTokenId(id, norm[i]!);
    if (bridged < 0) continue;
    if (out === ids) out = Int32Array.from(ids);
    out[i] = bridged;
  }
  TERM_IDS.set(tokens, { terms: termWordCount(), vocabulary: vocabularySize(), ids: out });
  return out;
}
