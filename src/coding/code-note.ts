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
import type { CodedItem, CodingResult, EncounterContext, EvidenceSpan, NotCoded } from './coding-result.ts';
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
import type { RuleOutcome, SetAside, WorkingCode } from './rules/working-code.ts';
import { detectSections, sectionAt } from '../nlp/index.ts';
import type { Section } from '../nlp/index.ts';
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
  if (dict?.entry) return `${dict.entry.source}: ${dict.entry.path}`;
  const a = c.association;
  if (!a) return 'rule';
  const text = view.text.slice(view.tokens.start[a.first], view.tokens.end[a.first + a.n - 1]);
  return `learned phrase "${text}" (P=${a.best.toFixed(2)})`;
}

function toWorking(view: NoteView, r: RankedCandidate): WorkingCode {
  const c = r.candidate;
  return {
    system: c.system,
    code: c.code,
    confidence: r.confidence,
    mentions: c.mentions,
    source: sourceOf(view, c),
  };
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

/** Words of the sentences a code's mentions sit in, with their adjacent pairs (for laterality, stage, type). */
function mentionWords(tokens: NoteTokens, w: WorkingCode): Set<string> {
  const words = new Set<string>();
  const done = new Set<number>();
  for (const m of w.mentions) {
    const s = tokens.sentence[m.first]!;
    if (done.has(s)) continue;
    done.add(s);
    addSentenceWords(tokens, m.first, words);
  }
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
    working.push(...longTermDrugCodes(view.tokens, view.assertion, exists));
    if (engine.hcpcs)
      working.push(...hcpcsDrugCodes(engine.hcpcs.drugs, engine.hcpcs.codeSet, view.tokens, view.assertion));
  }
  // Sex from the encounter is a stated axis value too ("female breast").
  const sexWord = context.sex === 'F' ? 'female' : context.sex === 'M' ? 'male' : undefined;
  const wordsOf = (w: WorkingCode): Set<string> => {
    const words = mentionWords(view.tokens, w);
    if (sexWord) words.add(sexWord);
    return words;
  };
  working = working.map((w) =>
    w.system === 'icd10cm' ? completeCode(r.cm, w, noteWords, us, wordsOf(w)) : w,
  );
  const unique = new Map<string, WorkingCode>();
  for (const w of working) if (!unique.has(`${w.system}|${w.code}`)) unique.set(`${w.system}|${w.code}`, w);
  working = [...unique.values()].sort((a, b) => b.confidence - a.confidence);
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

/** Codes one note. Pure: the same engine, text and context give the same result. */
export function codeNote(engine: CodingEngine, text: string, context: EncounterContext): CodingResult {
  const tokens = tokenizeNote(text);
  const view: NoteView = {
    text,
    tokens,
    sections: detectSections(text).sections,
    assertion: engine.resources.assertion(tokens),
    noteWords: new Set(tokens.norm),
  };
  const candidates = collectCandidates(engine.resources, tokens, undefined, view.assertion);
  const strongAt = (token: number): boolean =>
    (sectionAt(view.sections, tokens.start[token]!)?.weight ?? 0) >= STRONG_SECTION;
  const ranked = rankCandidates(engine.resources, candidates, tokens.norm.length, engine.profile, strongAt);
  const accepted = ranked.filter((r) => r.accepted).map((r) => toWorking(view, r));
  const { kept, setAside } = applyRules(engine, view, accepted, context);
  const weighted = new Map(kept.map((k) => [k, k.confidence * sectionWeight(view, k)]));
  const order = (a: WorkingCode, b: WorkingCode): number => weighted.get(b)! - weighted.get(a)!;
  const diagnoses = kept.filter((k) => k.system === 'icd10cm').sort(order);
  const procedures = kept.filter((k) => k.system !== 'icd10cm').sort((a, b) => b.confidence - a.confidence);
  const documentation = diagnoses.flatMap(
    (d) => documentationOpportunity(engine.resources.cm, d.code, view.noteWords) ?? [],
  );
  const final = [...diagnoses, ...procedures].sort((a, b) => b.confidence - a.confidence);
  // Codes already listed or set aside are left out of the tail of the ranking (codes do not collide across
  // systems in practice; a PCS and a CM code never share all characters).
  const skip = new Set([...final.map((f) => f.code), ...setAside.map((s) => s.item.code)]);
  const rest = ranked.filter((r) => !r.accepted && !skip.has(r.candidate.code));
  return {
    context,
    diagnoses: diagnoses.map((d) => toItem(engine, view, d)),
    procedures: procedures.map((p) => toItem(engine, view, p)),
    notCoded: setAside.map((s) => toNotCoded(engine, view, s)),
    documentation,
    ranked: [
      ...final.map((f) => ({ code: f.code, system: f.system, confidence: f.confidence })),
      ...rest.map((r) => ({ code: r.candidate.code, system: r.candidate.system, confidence: r.confidence })),
    ],
  };
}
