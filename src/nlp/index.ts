/** The clinical-NLP layer: note structure (tokens, sentences, sections) and ConText assertion. */
export { analyzeNote, sectionOf, sentenceOf, type NoteAnalysis } from './analyze-note.ts';
export { assertionOf, type Assertion, type AssertionTrigger } from './assertion.ts';
export type { ContextCategory, ContextDirection } from './context-rule.ts';
export {
  classifyHeading,
  normalizeHeading,
  SECTION_WEIGHTS,
  SectionCategories,
  type SectionCategory,
} from './section-headings.ts';
export { detectSections, sectionAt, type Heading, type Section, type SectionLayout } from './sections.ts';
export { sentenceIndexAt, splitSentences, type Sentence, type SentenceKind } from './sentences.ts';
export { tokenize, type Token, type TokenKind } from './tokenize.ts';
