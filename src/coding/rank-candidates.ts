/**
 * Scores candidates with the trained reranker (or, without a model, a transparent fallback that trusts
 * affirmed dictionary phrases by their length) and ranks them best first.
 */
import type { CandidateResources } from './candidates/collect-candidates.ts';
import type { CodingProfile } from './coding-result.ts';
import type { Candidate, CandidateMention } from './learned/candidate-features.ts';
import { featureRows, precisionFromStats, seenInTraining } from './learned/candidate-features.ts';
import { rerankerConfidence } from './learned/reranker-confidence.ts';
import type { NoteTokens } from './text/note-tokens.ts';

export interface RankedCandidate {
  readonly candidate: Candidate;
  readonly confidence: number;
  readonly accepted: boolean;
}

/**
 * The dictionary's own confidence in a candidate, from its contiguous dictionary mentions that `accept` takes:
 * the longer the longest phrase the surer, an index phrase a little surer (0 without such a mention).
 */
function matchConfidence(c: Candidate, accept: (m: CandidateMention) => boolean): number {
  let longest = 0;
  let fromIndex = false;
  for (const m of c.mentions) {
    if (!m.entry || m.loose || !accept(m)) continue;
    longest = Math.max(longest, m.last - m.first + 1);
    fromIndex ||= m.entry.source === 'index';
  }
  return longest === 0 ? 0 : Math.min(0.9, 0.35 + 0.15 * longest + (fromIndex ? 0.1 : 0));
}

function fallbackConfidence(c: Candidate): number {
  return matchConfidence(c, () => true);
}

/**
 * Under the `us` profile the trained reranker (fitted to the CodiEsp gold) is not the only judge of a
 * dictionary match: an affirmed dictionary phrase keeps the dictionary's own confidence when the model never
 * saw the code as a candidate in training (CodiEsp covers a small part of ICD-10-CM), or when the phrase sits
 * in a diagnosis-bearing section (assessment, diagnoses, impression: `strongAt` says which tokens do), where
 * the physician states what is to be coded.
 */
function dictionaryConfidence(
  r: CandidateResources,
  c: Candidate,
  strongAt: (token: number) => boolean,
): number {
  // Most candidates come from learned phrases only: nothing to trust, and no lookups to make.
  if (!c.mentions.some((m) => m.entry && !m.loose)) return 0;
  const unseen = !r.model || !seenInTraining(r.model.codeStats, c);
  const affirmed = (m: CandidateMention): boolean =>
    !m.flags.negated &&
    !m.flags.family &&
    !m.flags.hypothetical &&
    !m.flags.uncertain &&
    (unseen || strongAt(m.first));
  return 0.8 * matchConfidence(c, affirmed);
}

export function rankCandidates(
  r: CandidateResources,
  candidates: readonly Candidate[],
  tokens: NoteTokens,
  profile: CodingProfile,
  strongAt: (token: number) => boolean = () => false,
): RankedCandidate[] {
  const model = r.model;
  const rows = model
    ? featureRows(
        candidates,
        model.associations.documents,
        tokens,
        precisionFromStats(model.codeStats, model.baseRates),
        r.priors,
      )
    : undefined;
  // Pushed into an array literal, not mapped: one hidden class whether a note has candidates or none.
  const out: RankedCandidate[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i]!;
    const learned = model
      ? rerankerConfidence(
          model.reranker ?? 'blend',
          model.rerankers[candidate.system],
          model.boosted?.[candidate.system],
          rows![i]!,
        )
      : 0;
    const confidence = !model
      ? fallbackConfidence(candidate)
      : profile === 'us'
        ? Math.max(learned, dictionaryConfidence(r, candidate, strongAt))
        : learned;
    const threshold = model ? model.thresholds[candidate.system] : 0.5;
    out.push({ candidate, confidence, accepted: confidence >= threshold });
  }
  return out.sort((a, b) => b.confidence - a.confidence || (a.candidate.code < b.candidate.code ? -1 : 1));
}
