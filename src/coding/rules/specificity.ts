/**
 * Making a code billable: the 7th character where the category defines one (Guidelines I.A.5 and I.C.19.a:
 * A initial, D subsequent, S sequela from the note's wording; a fracture not stated open is closed,
 * I.C.19.c.1), with placeholder X (I.A.4) to reach six characters, and the "unspecified" child when the note
 * is silent on a header's axis (I.A.9.b). The `codiesp` profile stops at 7th-character completion because
 * that gold keeps codes above the leaf.
 */
import type { CodeSet } from '../../terminology/code-set.ts';
import type { CodeRecord, SeventhCharacter } from '../../terminology/model.ts';
import { isStopword, titleTokens } from '../text/note-tokens.ts';
import { recoded } from './working-code.ts';
import type { WorkingCode } from './working-code.ts';

/** seventhsFor answers per code set and code: the same codes are completed in every note. */
const SEVENTHS = new WeakMap<CodeSet, Map<string, readonly SeventhCharacter[]>>();

/** 7th-character definitions that apply to a code: on itself or its nearest ancestor that has them. */
export function seventhsFor(codeSet: CodeSet, code: string): readonly SeventhCharacter[] {
  let cache = SEVENTHS.get(codeSet);
  if (!cache) SEVENTHS.set(codeSet, (cache = new Map()));
  let defs = cache.get(code);
  if (!defs) {
    // Copied into an array literal, empty or not: one kind of array for the optimized callers (every note).
    const list: SeventhCharacter[] = [];
    for (let c = code; c.length >= 3; c = c.slice(0, -1)) {
      const own = codeSet.seventhsOf(c);
      if (own.length > 0) {
        for (const d of own) list.push(d);
        break;
      }
    }
    cache.set(code, (defs = list));
  }
  return defs;
}

/** The 7th character the wording supports, among those defined. */
export function chooseSeventh(defs: readonly SeventhCharacter[], noteWords: ReadonlySet<string>): string {
  const has = (c: string): boolean => defs.some((d) => d.char === c);
  if (noteWords.has('sequela') && has('S')) return 'S';
  if ((noteWords.has('subsequent') || noteWords.has('follow')) && has('D')) return 'D';
  if (noteWords.has('open') && has('B')) return 'B';
  return has('A') ? 'A' : defs[0]!.char;
}

/**
 * The code as every profile emits it: a code that needs a 7th character gets the one the note's words support
 * ("T14.90" is emitted as "T14.90XA"), any other code as it is.
 */
export function withSeventhCharacter(codeSet: CodeSet, code: string, noteWords: ReadonlySet<string>): string {
  return withSeventh(codeSet, code, noteWords) ?? code;
}

function withSeventh(codeSet: CodeSet, code: string, noteWords: ReadonlySet<string>): string | undefined {
  if (code.length >= 7) return undefined;
  const defs = seventhsFor(codeSet, code);
  if (defs.length === 0) return undefined;
  const full = code.padEnd(6, 'X') + chooseSeventh(defs, noteWords);
  return codeSet.get(full)?.billable ? full : undefined;
}

/** A child of a code and the words its title adds to its parent's: its value on the axis siblings differ by. */
interface ChildAxis {
  readonly code: string;
  readonly title: string;
  readonly own: readonly string[];
  /**
   * Numbers among its own words with the title word before them ("stage 2"): a number names an axis value
   * only next to its word, so "type 2 diabetes ... CKD stage 3b" does not state "stage 2".
   */
  readonly phrases: readonly string[];
}

/** Children with their own words, per code set and parent: the same headers are refined in every note. */
const CHILD_AXES = new WeakMap<CodeSet, Map<string, readonly ChildAxis[]>>();

function childAxes(codeSet: CodeSet, parent: string): readonly ChildAxis[] {
  let cache = CHILD_AXES.get(codeSet);
  if (!cache) CHILD_AXES.set(codeSet, (cache = new Map()));
  let axes = cache.get(parent);
  if (!axes) {
    // Parenthesised words are nonessential ("stage 4 (severe)"): the note need not say them.
    const essential = (title: string): string => title.replace(/\([^)]*\)/g, ' ');
    const base = new Set(titleTokens(essential(codeSet.get(parent)?.title ?? '')));
    // Lists pushed into array literals (not mapped or filtered): one kind of array whether empty or not, so the
    // optimized walks over them (statedChild, every note) meet no other kind.
    const list: ChildAxis[] = [];
    for (const k of codeSet.children(parent)) {
      const tokens = titleTokens(essential(k.title));
      const own: string[] = [];
      for (const t of tokens) if (!base.has(t) && !isStopword(t)) own.push(t);
      const phrases: string[] = [];
      tokens.forEach((t, i) => {
        if (/\d/.test(t) && i > 0 && own.includes(t) && !/\d/.test(tokens[i - 1]!))
          phrases.push(`${tokens[i - 1]} ${t}`);
      });
      list.push({ code: k.code, title: k.title, own, phrases });
    }
    cache.set(parent, (axes = list));
  }
  return axes;
}

/**
 * Whether the sentence states a word of a title. A number also stands for its lettered values: the note's
 * "stage 3b" states the header "stage 3" on the way down to "stage 3b".
 */
function stated(word: string, words: ReadonlySet<string>): boolean {
  if (words.has(word)) return true;
  if (!/\d$/.test(word)) return false;
  for (const w of words)
    if (w.length === word.length + 1 && w.startsWith(word) && /[a-z]$/.test(w)) return true;
  return false;
}

/**
 * The child whose own words all occur in the sentence (the most words wins), if any. `words` holds the
 * sentence's words and its adjacent word pairs ("stage 3b").
 */
function statedChild(codeSet: CodeSet, parent: string, words: ReadonlySet<string>): string | undefined {
  let best: { code: string; n: number } | undefined;
  for (const { code, own, phrases } of childAxes(codeSet, parent)) {
    if (own.length === 0 || own.includes('unspecified') || !own.every((t) => stated(t, words))) continue;
    if (!phrases.every((p) => stated(p, words))) continue;
    if (!best || own.length > best.n) best = { code, n: own.length };
  }
  return best?.code;
}

/**
 * The default child (I.A.9.b): the canonical unspecified child ("Unspecified acute appendicitis",
 * "Chronic kidney disease, unspecified"), else the ".9" child unless it is an "Other ..." code (by convention
 * ".9" is unspecified, ".8" other), else a child whose own words say "unspecified" or "not specified", else
 * the first child. A child whose own words hold a number is a value of a numeric axis ("9 weeks gestation of
 * pregnancy", "BMI 19.9 or less"), never the default: the note that does not state the value has none.
 * Cached per code set and parent: the same headers are completed in every note.
 */
const DEFAULT_CHILDREN = new WeakMap<CodeSet, Map<string, string | undefined>>();

function defaultChild(codeSet: CodeSet, parent: string): string | undefined {
  let cache = DEFAULT_CHILDREN.get(codeSet);
  if (!cache) DEFAULT_CHILDREN.set(codeSet, (cache = new Map()));
  if (cache.has(parent)) return cache.get(parent);
  const child = findDefaultChild(codeSet, parent);
  cache.set(parent, child);
  return child;
}

function findDefaultChild(codeSet: CodeSet, parent: string): string | undefined {
  const kids = childAxes(codeSet, parent);
  const valued = (k: ChildAxis): boolean => k.own.some((t) => /\d/.test(t));
  const silent = (k: ChildAxis): boolean =>
    k.own.includes('unspecified') || (k.own.includes('not') && k.own.includes('specified'));
  return (
    kids.find((k) => /^unspecified\b|,\s*unspecified$/i.test(k.title)) ??
    kids.find((k) => k.code.endsWith('9') && !/^other\b/i.test(k.title) && !valued(k)) ??
    kids.find(silent) ??
    kids.find((k, i) => i === 0 && !valued(k))
  )?.code;
}

/** Titles that name a side: a code proposed for one side is traded for the side the sentence states. */
const SIDED = /\b(right|left|bilateral)\b/i;

/**
 * Whether a billable code may be traded for a sibling the sentence states: an "unspecified" code, or one
 * whose side the sentence does not state (a phrase learned from a right eye proposes the right-eye code).
 */
function tradable(
  codeSet: CodeSet,
  parent: string,
  code: string,
  title: string,
  words: ReadonlySet<string>,
): boolean {
  if (/unspecified/i.test(title)) return true;
  if (!SIDED.test(title)) return false;
  const own = childAxes(codeSet, parent).find((k) => k.code === code)?.own ?? [];
  return !own.every((t) => stated(t, words));
}

const TRADES = new WeakMap<CodeSet, Map<string, boolean>>();

/**
 * Whether a billable code is worth a sibling trade in a note: one for a side, or the unspecified one of sided
 * siblings (another axis is named by its own phrase, which the dictionary matches directly). Cached per code
 * set and code: every note asks it of its candidates.
 */
export function mayTradeSibling(codeSet: CodeSet, code: string): boolean {
  let cache = TRADES.get(codeSet);
  if (!cache) TRADES.set(codeSet, (cache = new Map()));
  let may = cache.get(code);
  if (may === undefined) {
    const rec = codeSet.get(code);
    const sided = (c: string): boolean => SIDED.test(codeSet.get(c)?.title ?? '');
    may =
      rec?.parent !== undefined &&
      (sided(code) ||
        (/unspecified/i.test(rec.title) && codeSet.children(rec.parent).some((k) => sided(k.code))));
    cache.set(code, may);
  }
  return may;
}

/**
 * Walks down from a code to the most specific one the sentence supports: at each level the child whose
 * distinguishing words (its axis value: "left", "stage 3", "female") all occur in the sentence, else the
 * default child; an "unspecified" leaf, or one for a side the sentence does not state, is first traded for a
 * stated sibling. Axes come from the child titles, not a hand list. Stops at a billable code, or where only the
 * 7th character remains. `rec`: the code's record, when the caller has it.
 */
export function refineBySentence(
  codeSet: CodeSet,
  code: string,
  words: ReadonlySet<string>,
  rec: CodeRecord | undefined = codeSet.get(code),
): string {
  let current = code;
  let r = rec;
  if (rec?.billable && rec.parent && tradable(codeSet, rec.parent, code, rec.title, words)) {
    current = statedChild(codeSet, rec.parent, words) ?? code;
    if (current !== code) r = codeSet.get(current);
  }
  for (let guard = 0; guard < 6; guard++) {
    if (!r || r.billable || codeSet.children(current).length === 0) break;
    if (current.length === 6 && seventhsFor(codeSet, current).length > 0) break;
    const next = statedChild(codeSet, current, words) ?? defaultChild(codeSet, current);
    if (!next) break;
    current = next;
    r = codeSet.get(current);
  }
  return current;
}

/** Completes one code per the profile; returns the item unchanged when nothing applies. */
export function completeCode(
  codeSet: CodeSet,
  item: WorkingCode,
  noteWords: ReadonlySet<string>,
  toLeaf: boolean,
  sentenceWords: ReadonlySet<string> = noteWords,
): WorkingCode {
  if (toLeaf) {
    const refined = refineBySentence(codeSet, item.code, sentenceWords);
    if (refined !== item.code) {
      const silent = /unspecified/i.test(codeSet.get(refined)?.title ?? '');
      const guideline = silent
        ? "I.A.9.b 'unspecified' where the note is silent"
        : 'I.A.4 most specific code the text supports';
      item = recoded(item, refined, guideline);
    }
  }
  const seventh = withSeventh(codeSet, item.code, noteWords);
  if (!seventh) return item;
  return recoded(item, seventh, 'I.A.5 7th character, I.A.4 placeholder X');
}
