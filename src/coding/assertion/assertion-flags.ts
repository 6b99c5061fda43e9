/**
 * The assertion interface the engine consumes: for a mention (a token span of a sentence), whether it is
 * negated, uncertain, historical, about a family member, or hypothetical. The NLP layer (src/nlp) provides
 * a ConText implementation; `lexical-assertion.ts` is the small built-in fallback.
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

/** Decides the assertion of the mention spanning tokens first..last (inclusive). */
export type AssertionDetector = (tokens: NoteTokens, first: number, last: number) => AssertionFlags;
