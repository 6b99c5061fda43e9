/**
 * The assertion interface the engine consumes: for a note, a function that tells for a mention (a token span
 * of a sentence) whether it is negated, uncertain, historical, about a family member, or hypothetical. The
 * detector prepares once per note (one pass over its tokens) so each mention is answered in constant time.
 * The NLP layer (src/nlp) can provide a ConText implementation; `lexical-assertion.ts` is the built-in one.
 */
import type { NoteTokens } from '../text/note-tokens.ts';

export interface AssertionFlags {
  readonly negated: boolean;
  readonly uncertain: boolean;
  readonly historical: boolean;
  readonly family: boolean;
  readonly hypothetical: boolean;
}

export const AFFIRMED: AssertionFlags = {
  negated: false,
  uncertain: false,
  historical: false,
  family: false,
  hypothetical: false,
};

/** Assertion of the mention spanning tokens first..last (inclusive) of the prepared note. */
export type MentionAssertion = (first: number, last: number) => AssertionFlags;

/** Prepares a note's tokens for assertion questions. */
export type AssertionDetector = (tokens: NoteTokens) => MentionAssertion;

/** The assertion detectors the engine ships: the built-in lexical one and the NLP layer's ConText. */
export const ASSERTION_DETECTORS = ['lexical', 'context'] as const;
export type AssertionDetectorName = (typeof ASSERTION_DETECTORS)[number];
