/**
 * The NLP entry point: tokens, sentences and sections of a note in one linear pass each.
 */
import type { Heading, Section } from './sections.ts';
import { detectSections, sectionAt } from './sections.ts';
import type { Sentence } from './sentences.ts';
import { sentenceIndexAt, splitSentences } from './sentences.ts';
import type { Token } from './tokenize.ts';
import { tokenize } from './tokenize.ts';

/** Structure of one note. Offsets everywhere are UTF-16 indices into `text`. */
export interface NoteAnalysis {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  readonly sections: readonly Section[];
  readonly headings: readonly Heading[];
}

/**
 * Analyzes a note: never throws on any string (empty, megabytes, NUL bytes, U+FFFD), linear time.
 * @example analyzeNote('ASSESSMENT: Pneumonia.').sections[0]?.category // 'assessment_and_plan'
 */
export function analyzeNote(text: string): NoteAnalysis {
  const tokens = tokenize(text);
  const { sections, headings } = detectSections(text);
  const sentences = splitSentences(text, tokens, headings);
  return { text, tokens, sentences, sections, headings };
}

/** The section containing character `offset`. */
export function sectionOf(analysis: NoteAnalysis, offset: number): Section | undefined {
  return sectionAt(analysis.sections, offset);
}

/** The sentence containing character `offset`. */
export function sentenceOf(analysis: NoteAnalysis, offset: number): Sentence | undefined {
  return analysis.sentences[sentenceIndexAt(analysis.sentences, offset)];
}
