/**
 * A compact NegEx/ConText-style assertion detector over the engine's tokens: a trigger before the mention
 * in the same sentence (within a window, not across a terminating conjunction) sets the flag; a few
 * post-triggers ("... was ruled out", "... negative") look after it. Lists are covered because the scope
 * runs to the end of the window: "negative for nausea, vomiting or diarrhea" negates all three.
 */
import { tokenIds } from '../text/note-tokens.ts';
import type { NoteTokens } from '../text/note-tokens.ts';
import { internWord } from '../text/token-vocabulary.ts';
import type { AssertionDetector, AssertionFlags } from './assertion-flags.ts';

type Flag = keyof AssertionFlags;

/** Pre-triggers as folded token sequences (see foldToken: "denies" -> "deny"). */
const PRE: readonly (readonly [Flag, string])[] = [
  ['negated', 'no'],
  ['negated', 'not'],
  ['negated', 'without'],
  ['negated', 'deny'],
  ['negated', 'denied'],
  ['negated', 'negative for'],
  ['negated', 'absence of'],
  ['negated', 'free of'],
  ['negated', 'rule out'],
  ['negated', 'ruled out'],
  ['negated', 'nor'],
  ['uncertain', 'possible'],
  ['uncertain', 'probable'],
  ['uncertain', 'suspected'],
  ['uncertain', 'suspicion of'],
  ['uncertain', 'likely'],
  ['uncertain', 'presumed'],
  ['uncertain', 'questionable'],
  ['uncertain', 'r o'],
  ['historical', 'history of'],
  ['historical', 'past medical history'],
  ['historical', 'status post'],
  ['historical', 'previous'],
  ['family', 'family history'],
  ['family', 'mother'],
  ['family', 'father'],
  ['family', 'sister'],
  ['family', 'brother'],
  ['hypothetical', 'if'],
  ['hypothetical', 'risk of'],
  ['hypothetical', 'return for'],
];

const POST: readonly (readonly [Flag, string])[] = [
  ['negated', 'was ruled out'],
  ['negated', 'ruled out'],
  ['negated', 'was negative'],
  ['negated', 'was excluded'],
  ['negated', 'unlikely'],
  ['uncertain', 'suspected'],
  ['uncertain', 'was suspected'],
];

/** Words that close a trigger's scope (ConText "terminate"). */
const TERMINATE = new Set([
  'but',
  'however',
  'although',
  'which',
  'who',
  'except',
  'presented',
  'showed',
  'with',
  'was',
]);
const WINDOW = 6;

function matchesAt(norm: readonly string[], at: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k++) if (norm[at + k] !== phrase[k]) return false;
  return true;
}

type Trigger = readonly [Flag, readonly string[]];

/** Triggers by the vocabulary id of their first word. */
/** Triggers by the vocabulary id of their first word, in an array: every token of a note is looked up. */
function byFirstWord(list: readonly (readonly [Flag, string])[]): (Trigger[] | undefined)[] {
  const m: (Trigger[] | undefined)[] = [];
  for (const [flag, phrase] of list) {
    const words = phrase.split(' ');
    const id = internWord(words[0]!);
    while (m.length <= id) m.push(undefined);
    m[id] = [...(m[id] ?? []), [flag, words]];
  }
  return m;
}

const PRE_BY_WORD = byFirstWord(PRE);
const POST_BY_WORD = byFirstWord(POST);
const BITS: Readonly<Record<Flag, number>> = {
  negated: 1,
  uncertain: 2,
  historical: 4,
  family: 8,
  hypothetical: 16,
};

/** Marks the scope of the pre-triggers starting at token `i`: forward to a terminator or the window's end. */
function markAfter(tokens: NoteTokens, bits: Uint8Array, i: number, triggers: readonly Trigger[]): void {
  const { norm, sentence } = tokens;
  for (const [flag, words] of triggers) {
    if (!matchesAt(norm, i, words)) continue;
    for (let j = i + words.length; j < norm.length && j <= i + words.length + WINDOW; j++) {
      if (sentence[j] !== sentence[i] || TERMINATE.has(norm[j]!)) break;
      bits[j]! |= BITS[flag];
    }
  }
}

/** Marks the scope of the post-triggers starting at token `i`: back over at most four tokens. */
function markBefore(tokens: NoteTokens, bits: Uint8Array, i: number, triggers: readonly Trigger[]): void {
  const { norm, sentence } = tokens;
  for (const [flag, words] of triggers) {
    if (!matchesAt(norm, i, words)) continue;
    for (let j = i - 1; j >= 0 && j >= i - 4 && sentence[j] === sentence[i]; j--) bits[j]! |= BITS[flag];
  }
}

/** One pass: each trigger marks the tokens in its scope (forward to a terminator, or back for post-triggers). */
function scopeBits(tokens: NoteTokens): Uint8Array {
  const { norm } = tokens;
  const ids = tokenIds(tokens);
  const bits = new Uint8Array(norm.length);
  for (let i = 0; i < norm.length; i++) {
    const id = ids[i]!;
    if (id < 0) continue;
    const pre = id < PRE_BY_WORD.length ? PRE_BY_WORD[id] : undefined;
    if (pre) markAfter(tokens, bits, i, pre);
    const post = id < POST_BY_WORD.length ? POST_BY_WORD[id] : undefined;
    if (post) markBefore(tokens, bits, i, post);
  }
  return bits;
}

/** The flags of every bit combination, built once (one object shape, no lookup by key per mention). */
const FLAGS_BY_BITS: readonly AssertionFlags[] = Array.from({ length: 32 }, (_, b) => ({
  negated: (b & BITS.negated) !== 0,
  uncertain: (b & BITS.uncertain) !== 0,
  historical: (b & BITS.historical) !== 0,
  family: (b & BITS.family) !== 0,
  hypothetical: (b & BITS.hypothetical) !== 0,
}));

function flagsOf(b: number): AssertionFlags {
  return FLAGS_BY_BITS[b]!;
}

/** The built-in detector: a mention takes the flags of its first token. */
export const lexicalAssertion: AssertionDetector = (tokens) => {
  const bits = scopeBits(tokens);
  return (first) => flagsOf(bits[first] ?? 0);
};
