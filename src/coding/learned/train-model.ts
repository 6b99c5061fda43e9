/**
 * Training of the coding model from coded documents (pure: documents and code sets in, model out):
 * phrase associations, then leave-one-out candidate features on the same documents, then one logistic
 * reranker per code system and the acceptance threshold that maximises micro F1 on the training documents.
 */
import type { AssertionDetectorName } from '../assertion/assertion-flags.ts';
import { detectorByName } from '../assertion/detector-by-name.ts';
import type { CandidateResources } from '../candidates/collect-candidates.ts';
import { collectCandidates } from '../candidates/collect-candidates.ts';
import { alignCode } from '../eval/gold-alignment.ts';
import type { GoldDocument } from '../eval/codiesp-reader.ts';
import type { CodeDictionary } from '../matcher/code-dictionary.ts';
import { tokenizeNote } from '../text/note-tokens.ts';
import type { CodeSet } from '../../terminology/code-set.ts';
import type { CandidateSystem } from './candidate-features.ts';
import {
  CODE_PRECISION_COLUMN,
  codePrecision,
  documentFeatures,
  FEATURE_NAMES,
} from './candidate-features.ts';
import type { CodingModel } from './coding-model.ts';
import { trainBoostedTrees } from './boosted-trees.ts';
import { rerankerConfidence } from './reranker-confidence.ts';
import type { TreeEnsemble } from './boosted-trees.ts';
import { trainLogistic } from './logistic-regression.ts';
import { ownCounts, trainPhraseAssociations } from './phrase-associations.ts';
import type { TrainingDocument } from './phrase-associations.ts';

export const CODIESP_ATTRIBUTION =
  'Trained on CodiEsp train (Miranda-Escalada, Gonzalez-Agirre, Krallinger, CodiEsp corpus, Zenodo ' +
  '10.5281/zenodo.3837305; overview: CLEF eHealth 2020, CEUR-WS Vol-2696 paper 263), CC BY 4.0.';

interface Row {
  readonly doc: number;
  readonly key: string;
  readonly system: CandidateSystem;
  readonly features: number[];
  readonly label: number;
}

function trainingDocument(doc: GoldDocument): TrainingDocument {
  const cm = doc.icd10cm.map((c) => `icd10cm|${c}`);
  const pcs = doc.icd10pcs.map((c) => `icd10pcs|${c}`);
  const evidence = doc.evidence.map((e) => ({
    code: `${doc.icd10pcs.includes(e.code) ? 'icd10pcs' : 'icd10cm'}|${e.code}`,
    at: e.at,
  }));
  return { tokens: tokenizeNote(doc.text), codes: [...cm, ...pcs], evidence };
}

/** Best-F1 threshold over (confidence, correct) pairs, with the number of gold codes for recall. */
function bestThreshold(scored: { p: number; correct: boolean }[], goldCount: number): number {
  const sorted = [...scored].sort((a, b) => b.p - a.p);
  let tp = 0;
  let best = { f1: -1, p: 0.5 };
  sorted.forEach((s, i) => {
    if (s.correct) tp++;
    const f1 = (2 * tp) / (i + 1 + goldCount);
    if (f1 > best.f1) best = { f1, p: s.p };
  });
  return best.p;
}

/**
 * Per-code precision as a candidate, and its feature filled in leave-one-out (each row's own label removed),
 * so a code often proposed but rarely gold (a frequent imaging code, say) is ranked down.
 */
function fillCodePrecision(rows: Row[]): {
  codeStats: Record<string, [number, number]>;
  baseRates: Record<CandidateSystem, number>;
} {
  const codeStats: Record<string, [number, number]> = {};
  const totals = { icd10cm: [0, 0], icd10pcs: [0, 0] };
  for (const r of rows) {
    const s = (codeStats[r.key] ??= [0, 0]);
    s[0] += r.label;
    s[1]++;
    totals[r.system][0]! += r.label;
    totals[r.system][1]!++;
  }
  const rate = (t: number[]): number => (t[1]! === 0 ? 0 : t[0]! / t[1]!);
  const baseRates = { icd10cm: rate(totals.icd10cm), icd10pcs: rate(totals.icd10pcs) };
  for (const r of rows) {
    const [pos, cand] = codeStats[r.key]!;
    r.features[CODE_PRECISION_COLUMN] = codePrecision(pos - r.label, cand - 1, baseRates[r.system]);
    r.features[r.features.length - 1] = r.features[0]! * r.features[CODE_PRECISION_COLUMN]!;
  }
  return { codeStats, baseRates };
}

/** Trains the whole model from CodiEsp-style documents. */
export function trainCodingModel(
  docs: readonly GoldDocument[],
  codeSets: { cm: CodeSet; pcs: CodeSet | undefined },
  dictionary: CodeDictionary,
  assertion: AssertionDetectorName = 'lexical',
  reranker: 'logistic' | 'blend' = 'blend',
): CodingModel {
  const training = docs.map(trainingDocument);
  const associations = trainPhraseAssociations(training);
  const priors = new Map(associations.codes.map((c, i) => [c, associations.codeDocs[i]!]));
  const base = { format: 'medcode-coding-model/1', attribution: CODIESP_ATTRIBUTION, assertion } as const;
  const partial = { ...base, featureNames: FEATURE_NAMES, associations } as const;
  const flat = { mean: [], scale: [], weights: [] };
  const resources: CandidateResources = {
    ...codeSets,
    dictionary,
    model: {
      ...partial,
      rerankers: { icd10cm: flat, icd10pcs: flat },
      thresholds: { icd10cm: 1, icd10pcs: 1 },
      codeStats: {},
      baseRates: { icd10cm: 0, icd10pcs: 0 },
    },
    priors,
    assertion: detectorByName(assertion),
  };
  const rows: Row[] = [];
  training.forEach((t, d) => {
    const doc = docs[d]!;
    const gold = { icd10cm: new Set(doc.icd10cm), icd10pcs: new Set(doc.icd10pcs) };
    const candidates = collectCandidates(resources, t.tokens, { own: ownCounts(t), gold: new Set(t.codes) });
    const features = documentFeatures(candidates, docs.length - 1, t.tokens.norm.length, () => 0);
    candidates.forEach((c, i) => {
      const label = gold[c.system].has(alignCode(c.code, gold[c.system], c.system)) ? 1 : 0;
      rows.push({ doc: d, key: `${c.system}|${c.code}`, system: c.system, features: features[i]!, label });
    });
  });
  const { codeStats, baseRates } = fillCodePrecision(rows);
  const rerankers = {} as Record<CandidateSystem, CodingModel['rerankers'][CandidateSystem]>;
  const boosted = {} as Record<CandidateSystem, TreeEnsemble>;
  const thresholds = {} as Record<CandidateSystem, number>;
  for (const system of ['icd10cm', 'icd10pcs'] as const) {
    const mine = rows.filter((r) => r.system === system);
    const x = mine.map((r) => r.features);
    const y = mine.map((r) => r.label);
    const logistic = trainLogistic(x, y);
    rerankers[system] = logistic;
    if (reranker === 'blend') boosted[system] = trainBoostedTrees(x, y);
    const trees = reranker === 'blend' ? boosted[system] : undefined;
    const predict = (f: readonly number[]): number => rerankerConfidence(logistic, trees, f);
    const goldCount = docs.reduce((n, d) => n + d[system].length, 0);
    const scored = mine.map((r) => ({ p: predict(r.features), correct: r.label === 1 }));
    thresholds[system] = bestThreshold(scored, goldCount);
  }
  return {
    ...partial,
    rerankers,
    thresholds,
    codeStats,
    baseRates,
    ...(reranker === 'blend' ? { boosted } : {}),
  };
}
