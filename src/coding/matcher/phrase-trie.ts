/**
 * A token trie: phrases (sequences of normalized tokens) mapped to payloads, matched greedily over a token
 * array in one left-to-right pass (longest match at each start, inside one sentence). Built once per code set.
 */
import { isStopword } from '../text/note-tokens.ts';
import type { NoteTokens } from '../text/note-tokens.ts';

interface TrieNode {
  next: Map<string, TrieNode> | undefined;
  payloads: number[] | undefined;
}

/** A match: tokens first..last (inclusive) and the payload ids of the phrase. */
export interface TrieMatch {
  readonly first: number;
  readonly last: number;
  readonly payloads: readonly number[];
}

export class PhraseTrie {
  readonly #root: TrieNode = { next: undefined, payloads: undefined };
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** Adds a phrase; an empty phrase is ignored. */
  add(tokens: readonly string[], payload: number): void {
    if (tokens.length === 0) return;
    let node = this.#root;
    for (const t of tokens) {
      node.next ??= new Map();
      let child = node.next.get(t);
      if (!child) node.next.set(t, (child = { next: undefined, payloads: undefined }));
      node = child;
    }
    node.payloads ??= [];
    if (!node.payloads.includes(payload)) node.payloads.push(payload);
    this.#size++;
  }

  /** Payloads of exactly this phrase, if it is in the trie. */
  lookup(tokens: readonly string[]): readonly number[] | undefined {
    let node: TrieNode | undefined = this.#root;
    for (const t of tokens) {
      node = node.next?.get(t);
      if (!node) return undefined;
    }
    return node.payloads;
  }

  /** Every longest match starting at each token (overlapping matches from different starts are kept). */
  matchAll(tokens: NoteTokens): TrieMatch[] {
    const out: TrieMatch[] = [];
    const { norm, sentence } = tokens;
    for (let i = 0; i < norm.length; i++) {
      // Phrases never start on a stopword (titlePhrase trims them), so most starts end here at once.
      if (isStopword(norm[i]!)) continue;
      let node: TrieNode | undefined = this.#root;
      let best: TrieMatch | undefined;
      for (let j = i; j < norm.length && sentence[j] === sentence[i]; j++) {
        node = node.next?.get(norm[j]!);
        if (!node) break;
        if (node.payloads) best = { first: i, last: j, payloads: node.payloads };
      }
      if (best) out.push(best);
    }
    return out;
  }
}
