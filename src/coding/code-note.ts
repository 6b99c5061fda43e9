/**
 * codeNote: a note and its encounter in, the codes out. Candidates (dictionary + learned phrases) are
 * ranked by the reranker; the accepted ones then pass the guideline rules in order: assertion and setting,
 * history Z codes, integral symptoms and Z79 (us profile), "with" combinations, 7th character / billable
 * leaf, Excludes1. Every code keeps its evidence spans and the rule that shaped it.
 */
import { displayCode } from '../terminology/code-system.ts';
import { collectCandidates } from './candidates/collect-candidates.ts';
import type { MentionAssertion } from './assertion/assertion-flags.ts';
import type { CodingEngine } from './coding-engine.ts';
import type {
  CodedItem,
  CodingResult,
  DocumentationOpportunity,
  EncounterContext,
  EvidenceSpan,
  NotCoded,
} from './coding-result.ts';
import type { Candidate, CandidateMention } from './learned/candidate-features.ts';
import { PCS_PREFIX_LENGTH } from './learned/pcs-prefix-forms.ts';
import { rankCandidates } from './rank-candidates.ts';
import type { RankedCandidate } from './rank-candidates.ts';
import { applyAssertions } from './rules/assertion-rule.ts';
import { applyCombinations } from './rules/combination-codes.ts';
import { documentationOpportunity } from './rules/documentation-opportunities.ts';
import { resolveExcludes1 } from './rules/excludes1.ts';
import { historyCodes } from './rules/history-codes.ts';
import { dropIntegralSymptoms } from './rules/integral-symptoms.ts';
import { hcpcsDrugCodes } from './matcher/hcpcs-drugs.ts';
import { longTermDrugCodes } from './rules/long-term-drugs.ts';
import { dropSubsumedCodes } from './rules/subsumed-codes.ts';
import { completeCode } from './rules/specificity.ts';
import { workingCode } from './rules/working-code.ts';
import type { RuleOutcome, SetAside, WorkingCode } from './rules/working-code.ts';
import { detectSections, sectionAt } from '../nlp/index.ts';
import type { Section } from '../nlp/index.ts';
import { LazyWordSet } from './text/lazy-word-set.ts';
import { NoteWordSet } from './text/note-word-set.ts';
import { tokenizeNote } from './text/note-tokens.ts';
import { addSentenceWords } from './text/sentence-words.ts';
import type { NoteTokens } from './text/note-tokens.ts';

/** Section weight of the diagnosis-bearing sections (assessment, diagnoses, impression; see src/nlp). */
const STRONG_SECTION = 1;

interface NoteView {
  readonly text: string;
  readonly tokens: NoteTokens;
  readonly assertion: MentionAssertion;
  readonly sections: readonly Section[];
  /** Every word of the note. */
  readonly noteWords: ReadonlySet<string>;
}

function phraseText(view: NoteView, m: CandidateMention): string {
  return view.text.slice(view.tokens.start[m.first], view.tokens.end[m.last]);
}

function sourceOf(view: NoteView, c: Candidate): string {
  const dict = c.mentions.find((m) => m.entry);
  if (dict?.entry) return `${dict.entry.source}${dict.loose ? ' (words apart)' : ''}: ${dict.entry.path}`;
  const a = c.association;
  if (!a) return 'rule';
  const text = view.text.slice(view.tokens.start[a.first], view.tokens.end[a.first + a.n - 1]);
  return `learned phrase "${text}" (P=${a.best.toFixed(2)})`;
}

function toWorking(view: NoteView, r: RankedCandidate): WorkingCode {
  const c = r.candidate;
  return workingCode(c.system, c.code, r.confidence, c.mentions, sourceOf(view, c));
}

function evidenceOf(view: NoteView, mentions: readonly CandidateMention[]): EvidenceSpan[] {
  const seen = new Set<number>();
  const out: EvidenceSpan[] = [];
  for (const m of mentions) {
    if (seen.has(m.first) || out.length >= 5) continue;
    seen.add(m.first);
    const start = view.tokens.start[m.first]!;
    out.push({
      start,
      end: view.tokens.end[m.last]!,
      text: phraseText(view, m),
      section: sectionAt(view.sections, start)?.category ?? 'none',
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Words of the sentences a code's mentions sit in, with their adjacent pairs (for laterality, stage, type), plus
 * `extra` (the encounter's sex). Codes often share a sentence: each sentence's words are gathered once per note
 * (`bySentence`, read-only once made), and a code in one sentence gets that set itself.
 */
function mentionWords(
  tokens: NoteTokens,
  w: WorkingCode,
  bySentence: Map<number, Set<string>>,
  extra: string | undefined,
): ReadonlySet<string> {
  const sentenceWords = (at: number): Set<string> => {
    const s = tokens.sentence[at]!;
    let words = bySentence.get(s);
    if (!words) {
      words = addSentenceWords(tokens, at);
      if (extra) words.add(extra);
      bySentence.set(s, words);
    }
    return words;
  };
  const sentences = new Set(w.mentions.map((m) => tokens.sentence[m.first]!));
  if (sentences.size === 1) return sentenceWords(w.mentions[0]!.first);
  const words = new Set<string>();
  if (extra) words.add(extra);
  for (const m of w.mentions) for (const word of sentenceWords(m.first)) words.add(word);
  return words;
}

function sectionWeight(view: NoteView, w: WorkingCode): number {
  let best = w.mentions.length === 0 ? 0.5 : -Infinity;
  for (const m of w.mentions) {
    best = Math.max(best, sectionAt(view.sections, view.tokens.start[m.first]!)?.weight ?? 0.6);
  }
  return best;
}

/** Runs the guideline rules over the accepted candidates; returns the final list and what was set aside. */
function applyRules(
  engine: CodingEngine,
  view: NoteView,
  accepted: WorkingCode[],
  context: EncounterContext,
): RuleOutcome {
  const r = engine.resources;
  const exists = (code: string): boolean => r.cm.get(code) !== undefined;
  const noteWords = view.noteWords;
  const setAside: SetAside[] = [];
  let working = accepted;
  const step = (o: RuleOutcome): void => {
    setAside.push(...o.setAside);
    working = o.kept;
  };
  const us = engine.profile === 'us';
  // The CodiEsp gold codes negated, historical and symptom mentions and ignores Excludes1 and "with"
  // (measured on train), so under that profile the reranker alone, trained on the gold, decides.
  if (us) {
    step(applyAssertions(working, context.setting));
    working.push(...historyCodes(setAside, exists));
    step(dropIntegralSymptoms(working, view.tokens));
    working.push(...longTermDrugCodes(r.dictionary.longTermDrugs, view.tokens, view.assertion));
    if (engine.hcpcs)
      working.push(...hcpcsDrugCodes(engine.hcpcs.drugs, engine.hcpcs.codeSet, view.tokens, view.assertion));
  }
  // Sex from the encounter is a stated axis value too ("female breast").
  const sexWord = context.sex === 'F' ? 'female' : context.sex === 'M' ? 'male' : undefined;
  const bySentence = new Map<number, Set<string>>();
  const wordsOf = (w: WorkingCode): ReadonlySet<string> =>
    new LazyWordSet(() => mentionWords(view.tokens, w, bySentence, sexWord));
  // Completed, then first of each code kept, pushed into an array literal (see resultOf: one hidden class
  // for empty and full lists, which the rules below are optimized for).
  const unique = new Map<string, WorkingCode>();
  for (let i = 0; i < working.length; i++) {
    const w = working[i]!;
    const done = w.system === 'icd10cm' ? completeCode(r.cm, w, noteWords, us, wordsOf(w)) : w;
    if (!unique.has(`${done.system}|${done.code}`)) unique.set(`${done.system}|${done.code}`, done);
  }
  working = [];
  for (const w of unique.values()) working.push(w);
  working.sort((a, b) => b.confidence - a.confidence);
  if (us) step(dropSubsumedCodes(working));
  if (us) step(applyCombinations(working, exists));
  if (us) step(resolveExcludes1(r.cm, working));
  return { kept: working, setAside };
}

function toItem(engine: CodingEngine, view: NoteView, w: WorkingCode): CodedItem {
  const set =
    w.system === 'icd10cm'
      ? engine.resources.cm
      : w.system === 'icd10pcs'
        ? engine.resources.pcs
        : engine.hcpcs?.codeSet;
  const title = set?.get(w.code)?.title;
  // A PCS prefix (learned from a gold that stops there) names the procedure and body part, not a full code.
  const prefix = w.system === 'icd10pcs' && w.code.length === PCS_PREFIX_LENGTH;
  return {
    system: w.system,
    code: w.code,
    display: displayCode(w.system, w.code),
    description:
      title ??
      (prefix
        ? 'ICD-10-PCS 4-character prefix: approach, device and qualifier not documented'
        : `(not a code of the loaded ${w.system} release)`),
    confidence: Number(w.confidence.toFixed(4)),
    evidence: evidenceOf(view, w.mentions),
    source: w.source,
    ...(w.guideline ? { guideline: w.guideline } : {}),
  };
}

function toNotCoded(engine: CodingEngine, view: NoteView, s: SetAside): NotCoded {
  const item = toItem(engine, view, s.item);
  return {
    system: item.system,
    code: item.code,
    display: item.display,
    description: item.description,
    reason: s.reason,
    evidence: item.evidence,
    ...(s.detail ? { detail: s.detail } : {}),
  };
}

/**
 * The result from the rules' outcome: diagnoses ordered by section-weighted confidence, the rest of the ranking.
 * A function of its own, with its lists built by pushing into array literals (not by filter/map/spread): such
 * arrays have one hidden class whether empty or not, and optimized code that met only one kind is otherwise
 * thrown away and recompiled (at tens of ms each) when the other arrives.
 */
function resultOf(
  engine: CodingEngine,
  view: NoteView,
  ranked: readonly RankedCandidate[],
  { kept, setAside }: RuleOutcome,
  context: EncounterContext,
): CodingResult {
  const byConfidence = (a: WorkingCode, b: WorkingCode): number => b.confidence - a.confidence;
  const weighted = new Map<WorkingCode, number>();
  const diagnoses: WorkingCode[] = [];
  const procedures: WorkingCode[] = [];
  for (let i = 0; i < kept.length; i++) {
    const k = kept[i]!;
    weighted.set(k, k.confidence * sectionWeight(view, k));
    if (k.system === 'icd10cm') diagnoses.push(k);
    else procedures.push(k);
  }
  diagnoses.sort((a, b) => weighted.get(b)! - weighted.get(a)!);
  procedures.sort(byConfidence);
  const documentation: DocumentationOpportunity[] = [];
  const final: WorkingCode[] = [];
  const items: CodedItem[] = [];
  for (let i = 0; i < diagnoses.length; i++) {
    const d = diagnoses[i]!;
    const opportunity = documentationOpportunity(engine.resources.cm, d.code, view.noteWords);
    if (opportunity) documentation.push(opportunity);
    final.push(d);
    items.push(toItem(engine, view, d));
  }
  const procedureItems: CodedItem[] = [];
  for (let i = 0; i < procedures.length; i++) {
    final.push(procedures[i]!);
    procedureItems.push(toItem(engine, view, procedures[i]!));
  }
  final.sort(byConfidence);
  // Codes already listed or set aside are left out of the tail of the ranking (codes do not collide across
  // systems in practice; a PCS and a CM code never share all characters).
  const skip = new Set<string>();
  const ranking: CodingResult['ranked'][number][] = [];
  for (let i = 0; i < final.length; i++) {
    const f = final[i]!;
    skip.add(f.code);
    ranking.push({ code: f.code, system: f.system, confidence: f.confidence });
  }
  const notCoded: NotCoded[] = [];
  for (let i = 0; i < setAside.length; i++) {
    skip.add(setAside[i]!.item.code);
    notCoded.push(toNotCoded(engine, view, setAside[i]!));
  }
  for (let i = 0; i < ranked.length; i++) {
    const r = ranked[i]!;
    if (r.accepted || skip.has(r.candidate.code)) continue;
    ranking.push({ code: r.candidate.code, system: r.candidate.system, confidence: r.confidence });
  }
  return { context, diagnoses: items, procedures: procedureItems, notCoded, documentation, ranked: ranking };
}

/** Codes one note. Pure: the same engine, text and context give the same result. */
export function codeNote(engine: CodingEngine, text: string, context: EncounterContext): CodingResult {
  const tokens = tokenizeNote(text);
  const view: NoteView = {
    text,
    tokens,
    sections: detectSections(text).sections,
    assertion: engine.resources.assertion(tokens),
    noteWords: new NoteWordSet(tokens),
  };
  const candidates = collectCandidates(engine.resources, tokens, undefined, view.assertion);
  const strongAt = (token: number): boolean =>
    (sectionAt(view.sections, tokens.start[token]!)?.weight ?? 0) >= STRONG_SECTION;
  const ranked = rankCandidates(engine.resources, candidates, tokens, engine.profile, strongAt);
  const accepted = ranked.filter((r) => r.accepted).map((r) => toWorking(view, r));
  return resultOf(engine, view, ranked, applyRules(engine, view, accepted, context), context);
}
