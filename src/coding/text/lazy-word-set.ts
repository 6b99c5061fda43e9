/**
 * A set of words built on first use. The rules ask a note's or a sentence's words only for some codes (a
 * 7th character, an axis to refine), so most notes never need most of the sets they could ask.
 */
export class LazyWordSet implements ReadonlySet<string> {
  #words: ReadonlySet<string> | undefined;
  readonly #build: () => ReadonlySet<string>;

  constructor(build: () => ReadonlySet<string>) {
    this.#build = build;
  }

  get #set(): ReadonlySet<string> {
    return (this.#words ??= this.#build());
  }

  get size(): number {
    return this.#set.size;
  }

  has(word: string): boolean {
    return this.#set.has(word);
  }

  forEach(visit: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const w of this.#set) visit.call(thisArg, w, w, this);
  }

  entries(): SetIterator<[string, string]> {
    return this.#set.entries();
  }

  keys(): SetIterator<string> {
    return this.#set.keys();
  }

  values(): SetIterator<string> {
    return this.#set.values();
  }

  [Symbol.iterator](): SetIterator<string> {
    return this.#set[Symbol.iterator]();
  }
}
