/**
 * Every word of a note as a set, read through the tokens' vocabulary ids instead of a Set of some 500 strings
 * per note: a word the vocabulary knows is looked up by its id in an array of marks, any other word among the
 * note's unknown tokens. The rules ask it a handful of words per note (a 7th character's "sequela", a sibling
 * axis's values); iterating it builds the plain Set (LazyWordSet).
 */
import { LazyWordSet } from './lazy-word-set.ts';
import { tokenIds } from './note-tokens.ts';
import type { NoteTokens } from './note-tokens.ts';
import { vocabularySize, wordId } from './token-vocabulary.ts';

/** Per vocabulary id, the set whose note has the word (shared scratch: one set marks at a time). */
let marks = new Int32Array(0);
let marksFor = 0;
let sets = 0;

export class NoteWordSet extends LazyWordSet {
  readonly #tokens: NoteTokens;
  readonly #number = ++sets;
  /** The note's words the vocabulary does not know, read on first use. */
  #unknown: Set<string> | undefined;

  constructor(tokens: NoteTokens) {
    super(() => new Set(tokens.norm));
    this.#tokens = tokens;
  }

  override has(word: string): boolean {
    const id = wordId(word);
    if (id < 0) return (this.#unknown ??= this.#unknownWords()).has(word);
    if (marksFor !== this.#number) this.#mark();
    return id < marks.length && marks[id] === this.#number;
  }

  /** Marks the note's word ids (again, when another set marked since). */
  #mark(): void {
    if (marks.length < vocabularySize()) marks = new Int32Array(vocabularySize() * 2);
    const ids = tokenIds(this.#tokens);
    for (let i = 0; i < ids.length; i++) if (ids[i]! >= 0) marks[ids[i]!] = this.#number;
    marksFor = this.#number;
  }

  #unknownWords(): Set<string> {
    const ids = tokenIds(this.#tokens);
    const out = new Set<string>();
    for (let i = 0; i < ids.length; i++) if (ids[i]! < 0) out.add(this.#tokens.norm[i]!);
    return out;
  }
}
