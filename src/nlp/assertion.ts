/**
 * ConText-style assertion of a mention: is it negated, uncertain, historical, about a relative,
 * hypothetical, ruled out, and which section says what about it. Modifiers are found once per
 * sentence and cached per analysis, so asserting many mentions of one note stays cheap.
 */
import type { NoteAnalysis } from './analyze-note.ts';
import type { ContextCategory, ContextDirection } from './context-rule.ts';
import { findModifiers, type Modifier } from './context-matcher.ts';
import { FAMILY_SECTIONS, HISTORICAL_SECTIONS, type SectionCategory } from './section-headings.ts';
import { sectionAt, type Section } from './sections.ts';
import { sentenceIndexAt } from './sentences.ts';

/** The trigger words that modify a mention, as found in the note. */
export interface AssertionTrigger {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly category: ContextCategory;
  readonly direction: ContextDirection;
}

export interface Assertion {
  readonly negated: boolean;
  /** Possible / probable / suspected / rule out. */
  readonly uncertain: boolean;
  readonly historical: boolean;
  /** Experiencer is a relative ("mother had breast cancer", "family history of"). */
  readonly family: boolean;
  readonly hypothetical: boolean;
  /** Negated because excluded: "ruled out for MI", "MI was ruled out" (also sets negated). */
  readonly ruledOut: boolean;
  /** The strongest trigger: negation, then uncertainty, hypothetical, family, historical. */
  readonly trigger: AssertionTrigger | undefined;
  readonly triggers: readonly AssertionTrigger[];
  readonly section: Section | undefined;
  readonly sectionCategory: SectionCategory;
  /** The mention sits in a family-history section: a relative's condition unless said otherwise. */
  readonly inFamilyHistorySection: boolean;
  /** The mention sits in a past medical / surgical history section. */
  readonly inPastHistorySection: boolean;
}

const PRIORITY: readonly ContextCategory[] = [
  'NEGATED_EXISTENCE',
  'POSSIBLE_EXISTENCE',
  'HYPOTHETICAL',
  'FAMILY',
  'HISTORICAL',
];

const cache = new WeakMap<NoteAnalysis, (Modifier[] | undefined)[]>();
// The coding engine asserts many mentions of one note in a row: skip the WeakMap look-up then.
let lastAnalysis: NoteAnalysis | undefined;
let lastModifiers: (Modifier[] | undefined)[] = [];

function sentenceModifiers(analysis: NoteAnalysis, index: number): Modifier[] {
  let perSentence = analysis === lastAnalysis ? lastModifiers : cache.get(analysis);
  if (!perSentence) {
    perSentence = new Array<Modifier[] | undefined>(analysis.sentences.length);
    cache.set(analysis, perSentence);
  }
  lastAnalysis = analysis;
  lastModifiers = perSentence;
  let mods = perSentence[index];
  if (!mods) {
    const s = analysis.sentences[index]!;
    mods = findModifiers(analysis.tokens, s.tokenStart, s.tokenEnd);
    perSentence[index] = mods;
  }
  return mods;
}

/** First token index in [lo, hi) whose end is after `offset`. */
function tokenIndexAt(analysis: NoteAnalysis, lo: number, hi: number, offset: number): number {
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (analysis.tokens[mid]!.end <= offset) a = mid + 1;
    else b = mid;
  }
  return a;
}

function covers(m: Modifier, first: number, last: number): boolean {
  if (last >= m.tokStart && first < m.tokEnd) return false; // the mention is the trigger itself
  const forward = m.rule.direction !== 'BACKWARD' && first >= m.tokEnd && first < m.scopeEnd;
  const backward = m.rule.direction !== 'FORWARD' && last < m.tokStart && last >= m.scopeStart;
  return forward || backward;
}

function toTrigger(analysis: NoteAnalysis, m: Modifier, category: ContextCategory): AssertionTrigger {
  const start = analysis.tokens[m.tokStart]!.start;
  const end = analysis.tokens[m.tokEnd - 1]!.end;
  return { text: analysis.text.slice(start, end), start, end, category, direction: m.rule.direction };
}

const NONE: readonly Modifier[] = [];

function hasCategory(triggers: readonly AssertionTrigger[], category: ContextCategory): boolean {
  for (const t of triggers) if (t.category === category) return true;
  return false;
}

/** Modifiers whose scope covers the mention [spanStart, spanEnd). */
function coveringModifiers(analysis: NoteAnalysis, spanStart: number, spanEnd: number): readonly Modifier[] {
  const si = sentenceIndexAt(analysis.sentences, spanStart);
  if (si < 0) return NONE;
  const s = analysis.sentences[si]!;
  const mods = sentenceModifiers(analysis, si);
  if (mods.length === 0) return NONE;
  const first = tokenIndexAt(analysis, s.tokenStart, s.tokenEnd, spanStart);
  const last = Math.min(
    s.tokenEnd - 1,
    Math.max(first, tokenIndexAt(analysis, first, s.tokenEnd, Math.max(spanStart, spanEnd - 1))),
  );
  let covering: Modifier[] | undefined;
  for (const m of mods) {
    if (m.rule.direction !== 'TERMINATE' && covers(m, first, last)) (covering ??= []).push(m);
  }
  return covering ?? NONE;
}

/**
 * Assertion status of the mention at [spanStart, spanEnd) of the analyzed note.
 * @example
 *   const a = analyzeNote('Denies chest pain or shortness of breath.');
 *   assertionOf(a, 25, 44).negated // true
 */
export function assertionOf(analysis: NoteAnalysis, spanStart: number, spanEnd: number): Assertion {
  const covering = coveringModifiers(analysis, spanStart, spanEnd);
  const triggers: AssertionTrigger[] = [];
  let ruledOut = false;
  let trigger: AssertionTrigger | undefined;
  let rank = PRIORITY.length;
  for (const m of covering) {
    const category = m.rule.category as ContextCategory; // TERMINATE ('ALL') rules are filtered out
    if (m.rule.ruledOut) ruledOut = true;
    const t = toTrigger(analysis, m, category);
    triggers.push(t);
    const r = PRIORITY.indexOf(category);
    if (r < rank) {
      rank = r;
      trigger = t;
    }
  }
  const section = sectionAt(analysis.sections, spanStart);
  const sectionCategory = section?.category ?? 'none';
  return {
    negated: hasCategory(triggers, 'NEGATED_EXISTENCE'),
    uncertain: hasCategory(triggers, 'POSSIBLE_EXISTENCE'),
    historical: hasCategory(triggers, 'HISTORICAL'),
    family: hasCategory(triggers, 'FAMILY'),
    hypothetical: hasCategory(triggers, 'HYPOTHETICAL'),
    ruledOut,
    trigger,
    triggers,
    section,
    sectionCategory,
    inFamilyHistorySection: FAMILY_SECTIONS.has(sectionCategory),
    inPastHistorySection: HISTORICAL_SECTIONS.has(sectionCategory),
  };
}
