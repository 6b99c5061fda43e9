/**
 * The words the spelling bridge (spanish-spelling.ts) may land on, as a letter trie: the bridge spells its
 * rewrites of a word letter by letter down the trie and gives up on a rewrite as soon as no target starts
 * that way, so a word far from every target (most unknown words of a note are plain English) costs a few
 * steps, not the hundreds of rewrites it has.
 */

const LETTERS = 26;
const A = 'a'.charCodeAt(0);

export class SpellingTargets {
  /** Child of node n on letter l (0..25) at key n * LETTERS + l. */
  readonly #edges = new Map<number, number>();
  /** The target word ending at each node (undefined inside a word). */
  readonly #words: (string | undefined)[] = [undefined];

  /** Targets are lower-case words of letters a-z; other words are left out. */
  constructor(words: Iterable<string>) {
    for (const w of words) if (/^[a-z]+$/.test(w)) this.#add(w);
  }

  #add(word: string): void {
    let node = SpellingTargets.ROOT;
    for (let i = 0; i < word.length; i++) {
      const key = node * LETTERS + word.charCodeAt(i) - A;
      let child = this.#edges.get(key);
      if (child === undefined) {
        child = this.#words.length;
        this.#words.push(undefined);
        this.#edges.set(key, child);
      }
      node = child;
    }
    this.#words[node] = word;
  }

  static readonly ROOT = 0;

  /** The node reached from `node` by the letters of `text`, or -1 when no target continues that way. */
  walk(node: number, text: string): number {
    for (let i = 0; i < text.length && node >= 0; i++) {
      const code = text.charCodeAt(i) - A;
      node = code >= 0 && code < LETTERS ? (this.#edges.get(node * LETTERS + code) ?? -1) : -1;
    }
    return node;
  }

  /** The target word that ends at `node`, if any. */
  wordAt(node: number): string | undefined {
    return this.#words[node];
  }

  /** Whether `word` is a target. */
  has(word: string): boolean {
    const node = this.walk(SpellingTargets.ROOT, word);
    return node >= 0 && this.#words[node] === word;
  }
}
