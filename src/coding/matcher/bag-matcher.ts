/**
 * Loose phrase matching: a dictionary phrase of two or more content words matches where all its words occur
 * in one sentence, in any order, within a short stretch ("carcinoma ... of the soft palate" for "soft palate
 * carcinoma", "dilatation of the ventricular system" for "ventricular system dilatation"). Each phrase is
 * keyed by its rarest word, so a note's token only wakes the few phrases it is the rarest word of. Matches
 * are marked loose: the reranker weighs them apart from contiguous ones. A word is read at its first
 * occurrence in the sentence; words are read through the spelling bridge (text/term-ids.ts). Built once per
 * dictionary.
 */
import type { NoteTokens } from '../text/note-tokens.ts';
import { termIds } from '../text/term-ids.ts';
import { STOPWORD_IDS, internTermWord, vocabularySize } from '../text/token-vocabulary.ts';

/** Longest stretch of a sentence (in tokens) a loose match may span. */
export const MAX_SPAN = 8;

const PRESENT_MASK = (1 << 15) - 1;

export interface BagMatch {
  readonly first: number;
  readonly last: number;
  readonly payload: number;
}

/** An order-independent hash of a word set and its group (the sum of mixed ids). */
function setHash(words: readonly number[], from: number, to: number, group: number): number {
  let h = Math.imul(group + 1, 0x85ebca6b);
  for (let i = from; i < to; i++) {
    const x = Math.imul(words[i]! + 1, 0x9e3779b1);
    h = (h + (x ^ (x >>> 16))) | 0;
  }
  return h;
}

export class BagMatcher {
  /**
   * The phrases added, until build: their words flat (phrase i is #words[#from[i], #from[i + 1])), payloads
   * and group numbers. Plain integer arrays, not an object per phrase: the dictionary adds some 400,000.
   */
  #words: number[] = [];
  #from: number[] = [0];
  #payloads: number[] = [];
  #groups: number[] = [];
  readonly #groupIds = new Map<string, number>();
  /**
   * The bags by key word, laid out for reading (every distinct word of a note is looked up): each bag as
   * payload, word count, its other words (rarest first), a key word's bags side by side in #flat. The bags of
   * word id `w` are listed at #bagStart[w] up to #bagStart[w + 1] by their rarest other word (#firstOther) and
   * their place in #flat (#bagAt): a note reads some 6,000 bags for a dozen matches, nearly all rejected by
   * that word, and reads them there, an integer each, side by side.
   */
  #flat = new Int32Array(0);
  #bagStart = new Int32Array(1);
  #firstOther = new Int32Array(0);
  #bagAt = new Int32Array(0);
  #built = false;

  /**
   * Adds a phrase (normalized tokens); phrases with fewer than two content words are left to the trie. Of the
   * phrases of one `group` (a code) with the same words, in whatever order, the first is kept.
   */
  add(tokens: readonly string[], payload: number, group = ''): void {
    const words = [...new Set(tokens.map(internTermWord).filter((id) => id >= STOPWORD_IDS))];
    if (words.length < 2) return;
    let groupId = this.#groupIds.get(group);
    if (groupId === undefined) this.#groupIds.set(group, (groupId = this.#groupIds.size));
    for (const w of words) this.#words.push(w);
    this.#from.push(this.#words.length);
    this.#payloads.push(payload);
    this.#groups.push(groupId);
  }

  /**
   * Indexes the phrases added so far (matchAll does it on first use otherwise). Call it once, after the last
   * add: the phrases are then kept only in the flat layout.
   */
  build(): void {
    const words = this.#words;
    const from = this.#from;
    const count = this.#payloads.length;
    const frequency = new Int32Array(vocabularySize());
    for (const w of words) frequency[w]!++;
    // Each phrase's key word (its rarest; the first of equals), or -1 for a repeat of a kept phrase.
    const keys = this.#keyWords(frequency);
    const start = new Int32Array(vocabularySize() + 1);
    for (let i = 0; i < count; i++) if (keys[i]! >= 0) start[keys[i]! + 1]! += 1 + from[i + 1]! - from[i]!;
    for (let w = 1; w < start.length; w++) start[w]! += start[w - 1]!;
    const flat = new Int32Array(start[start.length - 1]!);
    const at = start.slice(0, -1);
    const bagStart = new Int32Array(vocabularySize() + 1);
    for (let i = 0; i < count; i++) if (keys[i]! >= 0) bagStart[keys[i]! + 1]!++;
    for (let w = 1; w < bagStart.length; w++) bagStart[w]! += bagStart[w - 1]!;
    const firstOther = new Int32Array(bagStart[bagStart.length - 1]!);
    const bagAt = new Int32Array(firstOther.length);
    const nextBag = bagStart.slice(0, -1);
    for (let i = 0; i < count; i++) {
      const key = keys[i]!;
      if (key < 0) continue;
      // Rarest first: a bag is most often rejected by its first missing word (the order changes no match).
      const others = words
        .slice(from[i], from[i + 1])
        .filter((w) => w !== key)
        .sort((x, y) => frequency[x]! - frequency[y]!);
      const q = nextBag[key]!++;
      firstOther[q] = others[0]!;
      bagAt[q] = at[key]!;
      let p = at[key]!;
      flat[p++] = this.#payloads[i]!;
      flat[p++] = others.length;
      for (const w of others) flat[p++] = w;
      at[key] = p;
    }
    this.#flat = flat;
    this.#bagStart = bagStart;
    this.#firstOther = firstOther;
    this.#bagAt = bagAt;
    this.#words = [];
    this.#from = [0];
    this.#payloads = [];
    this.#groups = [];
    this.#built = true;
  }

  /** Per phrase, its key word, or -1 when an earlier phrase of its group has the same words. */
  #keyWords(frequency: Int32Array): Int32Array {
    const words = this.#words;
    const from = this.#from;
    const count = this.#payloads.length;
    const keys = new Int32Array(count);
    // Open addressing over the kept phrases' set hashes (phrase index + 1; 0: empty), at most half full.
    let size = 2;
    while (size < count * 2) size *= 2;
    const table = new Int32Array(size);
    for (let i = 0; i < count; i++) {
      const a = from[i]!;
      const b = from[i + 1]!;
      let s = setHash(words, a, b, this.#groups[i]!) & (size - 1);
      while (table[s] !== 0 && !this.#sameSet(table[s]! - 1, i)) s = (s + 1) & (size - 1);
      if (table[s] !== 0) {
        keys[i] = -1;
        continue;
      }
      table[s] = i + 1;
      let key = words[a]!;
      for (let j = a + 1; j < b; j++) if (frequency[words[j]!]! < frequency[key]!) key = words[j]!;
      keys[i] = key;
    }
    return keys;
  }

  /** Whether phrases i and j have the same group and the same (distinct) words. */
  #sameSet(i: number, j: number): boolean {
    const words = this.#words;
    const from = this.#from;
    if (this.#groups[i] !== this.#groups[j] || from[i + 1]! - from[i]! !== from[j + 1]! - from[j]!)
      return false;
    for (let x = from[i]!; x < from[i + 1]!; x++) {
      let found = false;
      for (let y = from[j]!; y < from[j + 1]! && !found; y++) found = words[x] === words[y];
      if (!found) return false;
    }
    return true;
  }

  /** Per word id, 1 + its first position in the sentence being read (0: absent); reset after each sentence. */
  #firstAt = new Int32Array(0);
  /**
   * The sentence's words hashed to bits (id & PRESENT_MASK), small enough to stay in cache: most bags miss a
   * word, seen here without reading #firstAt; reset after each sentence.
   */
  readonly #present = new Uint8Array((PRESENT_MASK + 1) >> 3);

  /** Every phrase whose words all occur within MAX_SPAN tokens of one sentence (first occurrences). */
  matchAll(tokens: NoteTokens): BagMatch[] {
    if (!this.#built) this.build();
    const ids = termIds(tokens);
    const { sentence } = tokens;
    const out: BagMatch[] = [];
    if (this.#firstAt.length < vocabularySize()) this.#firstAt = new Int32Array(vocabularySize() * 2);
    const firstAt = this.#firstAt;
    for (let a = 0; a < ids.length;) {
      let b = a;
      while (b < ids.length && sentence[b] === sentence[a]) b++;
      const present = this.#present;
      for (let i = a; i < b; i++) {
        const id = ids[i]!;
        if (id >= STOPWORD_IDS && firstAt[id] === 0) {
          firstAt[id] = i + 1;
          present[(id & PRESENT_MASK) >> 3]! |= 1 << (id & 7);
        }
      }
      for (let i = a; i < b; i++) {
        const id = ids[i]!;
        // Each distinct word once: at its first occurrence.
        if (id < STOPWORD_IDS || firstAt[id] !== i + 1) continue;
        if (id + 1 >= this.#bagStart.length) continue;
        const end = this.#bagStart[id + 1]!;
        for (let q = this.#bagStart[id]!; q < end; q++) {
          const w = this.#firstOther[q]!;
          if ((present[(w & PRESENT_MASK) >> 3]! & (1 << (w & 7))) === 0 || firstAt[w] === 0) continue;
          this.#place(this.#bagAt[q]!, i, firstAt, out);
        }
      }
      for (let i = a; i < b; i++) {
        if (ids[i]! < 0) continue;
        firstAt[ids[i]!] = 0;
        present[(ids[i]! & PRESENT_MASK) >> 3] = 0;
      }
      a = b;
    }
    return out;
  }

  /** Adds the bag at #flat[p] keyed by the word at token `k` when its other words are near enough. */
  #place(p: number, k: number, firstAt: Int32Array, out: BagMatch[]): void {
    let first = k;
    let last = k;
    const flat = this.#flat;
    const present = this.#present;
    const end = p + 2 + flat[p + 1]!;
    for (let j = p + 2; j < end; j++) {
      const w = flat[j]!;
      if ((present[(w & PRESENT_MASK) >> 3]! & (1 << (w & 7))) === 0) return;
      const at = firstAt[w]! - 1;
      if (at < 0) return;
      if (at < first) first = at;
      else if (at > last) last = at;
      if (last - first >= MAX_SPAN) return;
    }
    out.push({ first, last, payload: flat[p]! });
  }
}
