/**
 * A token trie: phrases (sequences of normalized tokens) mapped to payloads, matched greedily over a token
 * array in one left-to-right pass (longest match at each start, inside one sentence). Built once per code set.
 * Edges are vocabulary ids (text/token-vocabulary.ts), so matching a note hashes no strings; a note's word no
 * phrase has is read as the phrase word its spelling bridges to (text/term-ids.ts: "pionephrosis" as
 * "pyonephrosis").
 */
import type { NoteTokens } from '../text/note-tokens.ts';
import { termIds } from '../text/term-ids.ts';
import { STOPWORD_IDS, internTermWord, wordId } from '../text/token-vocabulary.ts';

/** Words a phrase may pass over in a note (articles, "of"), and how many per match. */
const SKIPPABLE: ReadonlySet<number> = new Set(['of', 'the', 'a', 'an'].map(wordId));
const MAX_SKIPS = 2;

interface TrieNode {
  next: Map<number, TrieNode> | undefined;
  /** The child's word id and the child when there is exactly one (most nodes): matched without the Map. */
  onlyId: number;
  only: TrieNode | undefined;
  payloads: number[] | undefined;
}

function trieNode(): TrieNode {
  return { next: undefined, onlyId: -1, only: undefined, payloads: undefined };
}

/** The child of `node` on word `id`, if any. */
function childOf(node: TrieNode, id: number): TrieNode | undefined {
  if (node.onlyId >= 0) return node.onlyId === id ? node.only : undefined;
  return node.next?.get(id);
}

/** A match: tokens first..last (inclusive) and the payload ids of the phrase. */
export interface TrieMatch {
  readonly first: number;
  readonly last: number;
  readonly payloads: readonly number[];
}

export class PhraseTrie {
  readonly #root: TrieNode = trieNode();
  /** The root's children by word id as well: every token of a note is looked up here, a dense array is fastest. */
  readonly #first: (TrieNode | undefined)[] = [];
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** Adds a phrase; an empty phrase is ignored. */
  add(tokens: readonly string[], payload: number): void {
    if (tokens.length === 0) return;
    let node = this.#root;
    for (const t of tokens) {
      const id = internTermWord(t);
      node.next ??= new Map();
      let child = node.next.get(id);
      if (!child) {
        node.next.set(id, (child = trieNode()));
        node.onlyId = node.next.size === 1 ? id : -1;
        node.only = node.next.size === 1 ? child : undefined;
        if (node === this.#root) {
          while (this.#first.length <= id) this.#first.push(undefined);
          this.#first[id] = child;
        }
      }
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
      node = node.next?.get(wordId(t));
      if (!node) return undefined;
    }
    return node.payloads;
  }

  /**
   * Every longest match starting at each token (overlapping matches from different starts are kept). Inside a
   * phrase, up to MAX_SKIPS articles and "of" the trie has no edge for are passed over: "hypoplasia of the
   * optic nerve" matches the index phrase "hypoplasia optic nerve".
   */
  matchAll(tokens: NoteTokens): TrieMatch[] {
    const out: TrieMatch[] = [];
    const first = this.#first;
    const ids = termIds(tokens);
    const { sentence } = tokens;
    for (let i = 0; i < ids.length; i++) {
      // Phrases never start on a stopword (titlePhrase trims them); unknown words (-1) start nothing either.
      const id = ids[i]!;
      if (id < STOPWORD_IDS || id >= first.length) continue;
      let node: TrieNode | undefined = first[id];
      let last = -1;
      let payloads: number[] | undefined;
      let skips = 0;
      for (let j = i; node !== undefined;) {
        if (node.payloads) {
          last = j;
          payloads = node.payloads;
        }
        let next: TrieNode | undefined;
        for (;;) {
          if (++j >= ids.length || sentence[j] !== sentence[i] || ids[j]! < 0) break;
          next = childOf(node, ids[j]!);
          if (next || !SKIPPABLE.has(ids[j]!) || ++skips > MAX_SKIPS) break;
        }
        node = next;
      }
      if (payloads) out.push({ first: i, last, payloads });
    }
    return out;
  }
}
