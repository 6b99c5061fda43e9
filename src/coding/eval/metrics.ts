/**
 * CodiEsp-style scores for one code system: micro precision / recall / F1 on exact (aligned) codes and on
 * 3-character categories, MAP over each document's ranked list, precision of the most confident half
 * (the share that could go straight to billing) and a per-code error table. Pure.
 */
import { alignCode, alignRanked } from './gold-alignment.ts';
import type { GoldSystem } from './gold-alignment.ts';

/** One predicted code of a document: its rank is its position in the list. */
export interface ScoredPrediction {
  readonly code: string;
  readonly confidence: number;
  /** Whether the engine emits it (above its threshold); only accepted codes count for P/R/F1. */
  readonly accepted: boolean;
}

export interface DocumentOutcome {
  readonly id: string;
  readonly gold: readonly string[];
  /** Ranked best first. */
  readonly predicted: readonly ScoredPrediction[];
}

export interface Prf {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface CodeErrors {
  readonly code: string;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

export interface BillingCut {
  /** Confidence at or above which a code would go straight to billing. */
  readonly threshold: number;
  /** Share of accepted codes at or above the threshold (>= 0.5 by construction). */
  readonly coverage: number;
  readonly precision: number;
}

export interface SystemScores {
  readonly system: GoldSystem;
  readonly documents: number;
  readonly exact: Prf;
  /** Exact match with no alignment: the predicted code string equals a gold code. */
  readonly strict: Prf;
  readonly category: Prf;
  /** Mean over documents that have gold codes of this system (trec_eval MAP, no cut-off). */
  readonly map: number;
  readonly billing: BillingCut | undefined;
  readonly errors: readonly CodeErrors[];
}

export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** Average precision of one ranked list: sum of precision@k at each relevant rank, over |relevant|. */
export function averagePrecision(ranked: readonly string[], relevant: ReadonlySet<string>): number {
  if (relevant.size === 0) return 0;
  let hits = 0;
  let sum = 0;
  ranked.forEach((code, i) => {
    if (relevant.has(code)) {
      hits++;
      sum += hits / (i + 1);
    }
  });
  return sum / relevant.size;
}

function countSets(gold: ReadonlySet<string>, predicted: ReadonlySet<string>): [number, number, number] {
  let tp = 0;
  for (const c of predicted) if (gold.has(c)) tp++;
  return [tp, predicted.size - tp, gold.size - tp];
}

/** The confidence cut keeping the most confident half (at least) of accepted codes, and its precision. */
export function billingCut(
  items: readonly { confidence: number; correct: boolean }[],
): BillingCut | undefined {
  if (items.length === 0) return undefined;
  const sorted = [...items].sort((a, b) => b.confidence - a.confidence);
  const threshold = sorted[Math.ceil(sorted.length / 2) - 1]!.confidence;
  const kept = sorted.filter((i) => i.confidence >= threshold);
  const correct = kept.filter((i) => i.correct).length;
  return { threshold, coverage: kept.length / sorted.length, precision: correct / kept.length };
}

interface Tally {
  exact: [number, number, number];
  strict: [number, number, number];
  category: [number, number, number];
  apSum: number;
  apDocs: number;
  billing: { confidence: number; correct: boolean }[];
  perCode: Map<string, { tp: number; fp: number; fn: number }>;
}

function bump(t: Tally, code: string, key: 'tp' | 'fp' | 'fn'): void {
  const e = t.perCode.get(code) ?? { tp: 0, fp: 0, fn: 0 };
  e[key]++;
  t.perCode.set(code, e);
}

function add(a: [number, number, number], b: [number, number, number]): void {
  for (let i = 0; i < 3; i++) a[i]! += b[i]!;
}

function scoreDocument(t: Tally, doc: DocumentOutcome, system: GoldSystem): void {
  const gold = new Set(doc.gold);
  const ranked = alignRanked(
    doc.predicted.map((p) => p.code),
    gold,
    system,
  );
  if (gold.size > 0) {
    t.apSum += averagePrecision(ranked, gold);
    t.apDocs++;
  }
  const acceptedAligned = new Map<string, number>();
  for (const p of doc.predicted) {
    const code = alignCode(p.code, gold, system);
    if (p.accepted && !acceptedAligned.has(code)) acceptedAligned.set(code, p.confidence);
  }
  const accepted = new Set(acceptedAligned.keys());
  add(t.exact, countSets(gold, accepted));
  add(t.strict, countSets(gold, new Set(doc.predicted.filter((p) => p.accepted).map((p) => p.code))));
  const cat = (s: Iterable<string>): Set<string> => new Set([...s].map((c) => c.slice(0, 3)));
  add(t.category, countSets(cat(gold), cat(accepted)));
  for (const [code, confidence] of acceptedAligned) {
    t.billing.push({ confidence, correct: gold.has(code) });
    bump(t, code, gold.has(code) ? 'tp' : 'fp');
  }
  for (const code of gold) if (!accepted.has(code)) bump(t, code, 'fn');
}

/** Scores every document of one system. Documents without gold codes count for P/R/F1 but not for MAP. */
export function scoreSystem(docs: readonly DocumentOutcome[], system: GoldSystem): SystemScores {
  const t: Tally = {
    exact: [0, 0, 0],
    strict: [0, 0, 0],
    category: [0, 0, 0],
    apSum: 0,
    apDocs: 0,
    billing: [],
    perCode: new Map(),
  };
  for (const doc of docs) scoreDocument(t, doc, system);
  const errors = [...t.perCode].map(([code, e]) => ({ code, ...e }));
  return {
    system,
    documents: docs.length,
    exact: prf(...t.exact),
    strict: prf(...t.strict),
    category: prf(...t.category),
    map: t.apDocs === 0 ? 0 : t.apSum / t.apDocs,
    billing: billingCut(t.billing),
    errors,
  };
}
