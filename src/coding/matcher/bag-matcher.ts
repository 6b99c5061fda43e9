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

interface Bag {
  readonly payload: number;
  /** The phrase's other content words (vocabulary ids). */
  readonly others: Int32Array;
}

export class BagMatcher {
  readonly #pending: { payload: number; words: number[]; group: string }[] = [];
  readonly #byKey = new Map<number, Bag[]>();
  /**
   * #byKey laid out for reading (every distinct word of a note is looked up): the bags of word id `w` are
   * #flat[#start[w], #start[w + 1]), each as payload, word count, words; contiguous, so a word's bags are read
   * in one sweep of memory.
   */
  #start = new Int32Array(1);
  #flat = new Int32Array(0);
  #built = false;

  /**
   * Adds a phrase (normalized tokens); phrases with fewer than two content words are left to the trie. Of the
   * phrases of one `group` (a code) with the same words, in whatever order, the first is kept.
   */
  add(tokens: readonly string[], payload: number, group = ''): void {
    const words = [...new Set(tokens.map(internTermWord).filter((id) => id >= STOPWORD_IDS))];
    if (words.length >= 2) this.#pending.push({ payload, words, group });
  }

  /** Indexes the phrases added so far (matchAll does it on first use otherwise). */
  build(): void {
    const frequency = new Map<number, number>();
    for (const p of this.#pending) for (const w of p.words) frequency.set(w, (frequency.get(w) ?? 0) + 1);
    const seen = new Set<string>();
    for (const { payload, words, group } of this.#pending) {
      const same = `${group}|${[...words].sort((x, y) => x - y).join(' ')}`;
      if (seen.has(same)) continue;
      seen.add(same);
      const key = words.reduce((a, b) => (frequency.get(b)! < frequency.get(a)! ? b : a));
      // Rarest first: a bag is most often rejected by its first missing word (the order changes no match).
      const others = words.filter((w) => w !== key).sort((x, y) => frequency.get(x)! - frequency.get(y)!);
      const bag = { payload, others: Int32Array.from(others) };
      const list = this.#byKey.get(key);
      if (list) list.push(bag);
      else this.#byKey.set(key, [bag]);
    }
    this.#pending.length = 0;
    this.#layOut();
    this.#built = true;
  }

  #layOut(): void {
    const start = new Int32Array(vocabularySize() + 1);
    for (const [key, bags] of this.#byKey) for (const b of bags) start[key + 1]! += 2 + b.others.length;
    for (let w = 1; w < start.length; w++) start[w]! += start[w - 1]!;
    const flat = new Int32Array(start[start.length - 1]!);
    for (const [key, bags] of this.#byKey) {
      let p = start[key]!;
      for (const b of bags) {
        flat[p] = b.payload;
        flat[p + 1] = b.others.length;
        flat.set(b.others, p + 2);
        p += 2 + b.others.length;
      }
    }
    this.#start = start;
    this.#flat = flat;
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
        if (id + 1 >= this.#start.length) continue;
        const end = this.#start[id + 1]!;
        for (let p = this.#start[id]!; p < end; p += 2 + this.#flat[p + 1]!) this.#place(p, i, firstAt, out);
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
