/**
 * A compact NegEx/ConText-style assertion detector over the engine's tokens: a trigger before the mention
 * in the same sentence (within a window, not across a terminating conjunction) sets the flag; a few
 * post-triggers ("... was ruled out", "... negative") look after it. Lists are covered because the scope
 * runs to the end of the window: "negative for nausea, vomiting or diarrhea" negates all three.
 */
import type { NoteTokens } from '../text/note-tokens.ts';
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

const PRE_SPLIT = PRE.map(([f, p]) => [f, p.split(' ')] as const);
const POST_SPLIT = POST.map(([f, p]) => [f, p.split(' ')] as const);

/** The built-in detector. */
export const lexicalAssertion: AssertionDetector = (tokens, first, last) => {
  const flags: Record<Flag, boolean> = {
    negated: false,
    uncertain: false,
    historical: false,
    family: false,
    hypothetical: false,
  };
  const { norm, sentence } = tokens;
  const s = sentence[first];
  for (let i = first - 1; i >= 0 && i >= first - WINDOW && sentence[i] === s; i--) {
    if (TERMINATE.has(norm[i]!)) break;
    for (const [flag, words] of PRE_SPLIT) if (matchesAt(norm, i, words)) flags[flag] = true;
  }
  for (let i = last + 1; i <= last + 3 && i < norm.length && sentence[i] === s; i++) {
    for (const [flag, words] of POST_SPLIT) if (matchesAt(norm, i, words)) flags[flag] = true;
  }
  return flags;
};
