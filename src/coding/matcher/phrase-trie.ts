/**
 * A token trie: phrases (sequences of normalized tokens) mapped to payloads, matched greedily over a token
 * array in one left-to-right pass (longest match at each start, inside one sentence). Built once per code set.
 * Edges are vocabulary ids (text/token-vocabulary.ts), so matching a note hashes no strings; a note's word no
 * phrase has is read as the phrase word its spelling bridges to (text/term-ids.ts: "pionephrosis" as
 * "pyonephrosis").
 *
 * The dictionary's trie holds some 430,000 nodes: as objects with a Map of children each they made a large
 * share of the engine's heap, and every major garbage collection walked them while notes were coded. Here
 * nodes are integers and everything lives in typed arrays (edges in one open-addressing table, payloads in
 * linked lists), which the collector never walks.
 */
import type { NoteTokens } from '../text/note-tokens.ts';
import { termIds } from '../text/term-ids.ts';
import { STOPWORD_IDS, internTermWord, wordId } from '../text/token-vocabulary.ts';

/** Words a phrase may pass over in a note (articles, "of"), and how many per match. */
const SKIPPABLE: ReadonlySet<number> = new Set(['of', 'the', 'a', 'an'].map(wordId));
const MAX_SKIPS = 2;

/** The root node; a child is never 0, so 0 also means "no node". */
const ROOT = 0;
const NONE = 0;

/** A match: tokens first..last (inclusive) and the payload ids of the phrase. */
export interface TrieMatch {
  readonly first: number;
  readonly last: number;
  readonly payloads: readonly number[];
}

/** `array` with room for index `at`, grown by doubling (the contents kept, the rest zero). */
function withRoom(array: Int32Array<ArrayBuffer>, at: number): Int32Array<ArrayBuffer> {
  if (at < array.length) return array;
  let length = Math.max(array.length, 16);
  while (length <= at) length *= 2;
  const bigger = new Int32Array(length);
  bigger.set(array);
  return bigger;
}

function edgeHash(parent: number, word: number): number {
  const h = Math.imul(parent, 0x9e3779b1) ^ Math.imul(word + 1, 0x85ebca6b);
  return h ^ (h >>> 15);
}

export class PhraseTrie {
  #nodes = 1;
  /** The root's children by word id (a dense array: every token of a note is looked up here). */
  #first = new Int32Array(0);
  /**
   * The other edges: open addressing, three entries per slot side by side (parent + 1, word id, child), so a
   * probe reads one cache line; parent + 1 is 0 in an empty slot.
   */
  #edges = new Int32Array(3 << 10);
  #edgeCount = 0;
  /**
   * One bit per edge hash (a Bloom filter, 8 bits per edge at most): a note's word most often continues no
   * phrase, and the edge table (tens of megabytes) would answer that at a cache miss each; these bits, an
   * eighth of its size, answer it for all but about one in nine such words.
   */
  #edgeBits = new Int32Array(1 << 10);
  /** Per node, 1 + its first and last payload cell (0: none); per cell its payload and 1 + the next cell. */
  #payloadHead = new Int32Array(0);
  #payloadTail = new Int32Array(0);
  #cellPayload = new Int32Array(0);
  #cellNext = new Int32Array(0);
  #cells = 0;
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** Adds a phrase; an empty phrase is ignored. */
  add(tokens: readonly string[], payload: number): void {
    if (tokens.length === 0) return;
    let node = ROOT;
    for (const t of tokens) {
      const id = internTermWord(t);
      let child = this.#child(node, id);
      if (child === NONE) {
        child = this.#nodes++;
        // Every node has a payload head, read by matchAll without a bounds check.
        this.#payloadHead = withRoom(this.#payloadHead, child);
        this.#payloadTail = withRoom(this.#payloadTail, child);
        this.#link(node, id, child);
      }
      node = child;
    }
    this.#addPayload(node, payload);
    this.#size++;
  }

  /** Payloads of exactly this phrase, if it is in the trie. */
  lookup(tokens: readonly string[]): readonly number[] | undefined {
    let node = ROOT;
    for (const t of tokens) {
      node = this.#child(node, wordId(t));
      if (node === NONE) return undefined;
    }
    return this.#payloadHead[node] ? this.#payloadsOf(node) : undefined;
  }

  /**
   * Every longest match starting at each token (overlapping matches from different starts are kept). Inside a
   * phrase, up to MAX_SKIPS articles and "of" the trie has no edge for are passed over: "hypoplasia of the
   * optic nerve" matches the index phrase "hypoplasia optic nerve".
   */
  matchAll(tokens: NoteTokens): TrieMatch[] {
    const out: TrieMatch[] = [];
    const first = this.#first;
    const head = this.#payloadHead;
    const ids = termIds(tokens);
    const { sentence } = tokens;
    for (let i = 0; i < ids.length; i++) {
      // Phrases never start on a stopword (titlePhrase trims them); unknown words (-1) start nothing either.
      const id = ids[i]!;
      if (id < STOPWORD_IDS || id >= first.length) continue;
      let node = first[id]!;
      let last = -1;
      let found = NONE;
      let skips = 0;
      for (let j = i; node !== NONE;) {
        if (head[node] !== 0) {
          last = j;
          found = node;
        }
        let next = NONE;
        for (;;) {
          if (++j >= ids.length || sentence[j] !== sentence[i] || ids[j]! < 0) break;
          next = this.#child(node, ids[j]!);
          if (next !== NONE || !SKIPPABLE.has(ids[j]!) || ++skips > MAX_SKIPS) break;
        }
        node = next;
      }
      if (found !== NONE) out.push({ first: i, last, payloads: this.#payloadsOf(found) });
    }
    return out;
  }

  /** The child of `node` on word `id`, or NONE. */
  #child(node: number, id: number): number {
    if (node === ROOT) return id >= 0 && id < this.#first.length ? this.#first[id]! : NONE;
    const h = edgeHash(node, id);
    const bits = this.#edgeBits;
    const bit = h & (bits.length * 32 - 1);
    if ((bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return NONE;
    const edges = this.#edges;
    const mask = edges.length / 3 - 1;
    for (let s = h & mask; edges[3 * s] !== 0; s = (s + 1) & mask) {
      if (edges[3 * s] === node + 1 && edges[3 * s + 1] === id) return edges[3 * s + 2]!;
    }
    return NONE;
  }

  #link(parent: number, id: number, child: number): void {
    if (parent === ROOT) {
      this.#first = withRoom(this.#first, id);
      this.#first[id] = child;
      return;
    }
    // At most half full: probes stay short.
    if (++this.#edgeCount * 2 > this.#edges.length / 3) this.#rehash();
    this.#place(this.#edges, parent, id, child);
    if (this.#edgeCount * 8 > this.#edgeBits.length * 32) this.#rebit();
    else this.#setBit(this.#edgeBits, edgeHash(parent, id));
  }

  #setBit(bits: Int32Array, h: number): void {
    const bit = h & (bits.length * 32 - 1);
    bits[bit >>> 5]! |= 1 << (bit & 31);
  }

  /** The edge bits at twice the size, from the edge table. */
  #rebit(): void {
    const bits = new Int32Array(this.#edgeBits.length * 2);
    const edges = this.#edges;
    for (let s = 0; s < edges.length; s += 3) {
      if (edges[s] !== 0) this.#setBit(bits, edgeHash(edges[s]! - 1, edges[s + 1]!));
    }
    this.#edgeBits = bits;
  }

  #place(edges: Int32Array, parent: number, id: number, child: number): void {
    const mask = edges.length / 3 - 1;
    let s = edgeHash(parent, id) & mask;
    while (edges[3 * s] !== 0) s = (s + 1) & mask;
    edges[3 * s] = parent + 1;
    edges[3 * s + 1] = id;
    edges[3 * s + 2] = child;
  }

  #rehash(): void {
    const old = this.#edges;
    const edges = new Int32Array(old.length * 2);
    for (let s = 0; s < old.length; s += 3) {
      if (old[s] !== 0) this.#place(edges, old[s]! - 1, old[s + 1]!, old[s + 2]!);
    }
    this.#edges = edges;
  }

  /** Appends `payload` to the node's payloads unless it is there already (insertion order kept). */
  #addPayload(node: number, payload: number): void {
    for (let c = this.#payloadHead[node]!; c !== 0; c = this.#cellNext[c - 1]!) {
      if (this.#cellPayload[c - 1] === payload) return;
    }
    const cell = this.#cells++;
    this.#cellPayload = withRoom(this.#cellPayload, cell);
    this.#cellNext = withRoom(this.#cellNext, cell);
    this.#cellPayload[cell] = payload;
    const tail = this.#payloadTail[node]!;
    if (tail === 0) this.#payloadHead[node] = cell + 1;
    else this.#cellNext[tail - 1] = cell + 1;
    this.#payloadTail[node] = cell + 1;
  }

  #payloadsOf(node: number): number[] {
    const out: number[] = [];
    for (let c = this.#payloadHead[node]!; c !== 0; c = this.#cellNext[c - 1]!)
      out.push(this.#cellPayload[c - 1]!);
    return out;
  }
}
