/**
 * Training of the coding model from coded documents (pure: documents and code sets in, model out): phrase
 * associations, neighbours and prototypes; then the candidates of every document scored with those parts
 * fitted on the other folds (cross-fitted, CROSS_FITS times); then per code system a reranker (boosted trees
 * beside a logistic gate) on those rows, and the acceptance threshold, half the best micro F1 of held-out
 * scores (acceptanceThreshold; nested-validation.ts, the plain out-of-fold scores with --quick).
 */
import type { AssertionDetectorName } from '../assertion/assertion-flags.ts';
import { detectorByName } from '../assertion/detector-by-name.ts';
import type { CandidateResources } from '../candidates/collect-candidates.ts';
import { collectCandidates } from '../candidates/collect-candidates.ts';
import { alignCode } from '../eval/gold-alignment.ts';
import type { GoldDocument } from '../eval/codiesp-reader.ts';
import type { CodeDictionary } from '../matcher/code-dictionary.ts';
import { withSeventhCharacter } from '../rules/specificity.ts';
import { tokenizeNote } from '../text/note-tokens.ts';
import type { NoteTokens } from '../text/note-tokens.ts';
import type { CodeSet } from '../../terminology/code-set.ts';
import type { Candidate, CandidateSystem } from './candidate-features.ts';
import {
  BEST_TIMES_PRECISION_COLUMN,
  CODE_PRECISION_COLUMN,
  codePrecision,
  documentFeatures,
  FEATURE_NAMES,
} from './candidate-features.ts';
import type { CodingModel } from './coding-model.ts';
import { trainBoostedTrees } from './boosted-trees.ts';
import { locateEvidence } from './evidence-locator.ts';
import { rerankerConfidence } from './reranker-confidence.ts';
import type { RerankerKind } from './reranker-confidence.ts';
import type { TreeEnsemble } from './boosted-trees.ts';
import { trainLogistic } from './logistic-regression.ts';
import { trainCentroids } from './code-centroids.ts';
import { trainNeighbours } from './document-neighbours.ts';
import { trainPhraseAssociations } from './phrase-associations.ts';
import { pcsPrefix, trainPcsForms } from './pcs-prefix-forms.ts';
import type { TrainingDocument } from './phrase-associations.ts';

export const CODIESP_ATTRIBUTION =
  'Trained on CodiEsp train (Miranda-Escalada, Gonzalez-Agirre, Krallinger, CodiEsp corpus, Zenodo ' +
  '10.5281/zenodo.3837305; overview: CLEF eHealth 2020, CEUR-WS Vol-2696 paper 263), CC BY 4.0.';

/**
 * Folds of the cross-fitting, by document index. Ten rather than five: a fold's features then come from 90% of
 * the reports, nearer what the engine sees at inference (all of them); dev diagnoses F1 0.622 vs 0.616.
 */
export const FOLDS = 10;

/**
 * Cross-fittings the reranker learns from: each splits the reports into FOLDS folds another way (the first by
 * index, the others shuffled), so every report gives rows whose features were fitted on two different sets of
 * other reports, and the trees learn less of one split's accidents. Nested, seeds 0-3: diagnoses F1 +0.0004
 * to +0.0016 (mean +0.0010), MAP +0.0004 mean; procedures within noise (F1 -0.0002, MAP -0.0005 mean).
 */
export const CROSS_FITS = 2;

/** The reports in a seeded random order (Fisher-Yates over a linear congruential generator); seed 0: as given. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  if (seed === 0) return out;
  let state = seed >>> 0;
  const next = (): number => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The fold of each of `n` reports in cross-fitting `fit`: by index for the first, by a shuffled index after. */
function foldsOf(n: number, fit: number): number[] {
  const folds = new Array<number>(n);
  shuffled(
    Array.from({ length: n }, (_, d) => d),
    fit === 0 ? 0 : 1000 + fit,
  ).forEach((d, position) => (folds[d] = position % FOLDS));
  return folds;
}

/**
 * Boosting for the trees-only reranker, per system. Diagnoses: depth 4 since the rows come from two
 * cross-fittings (nested seeds 0-3 against depth 3: F1 +0.0016 to +0.0041, mean +0.0029; MAP +0.0013 to
 * +0.0041, mean +0.0025; depth 5: within noise of 4; with one cross-fitting depth 4 had gained nothing).
 * Procedures keep depth 3 (depth 4, seeds 0-1: F1 +0.0015 and -0.0078, MAP -0.0066 and -0.0019). Other
 * rounds, rates and leaf sizes: within 0.001 F1, nested.
 */
const TREE_OPTIONS = {
  icd10cm: { rounds: 150, depth: 4, learningRate: 0.1, bins: 64 },
  icd10pcs: { rounds: 150, depth: 3, learningRate: 0.1, bins: 64 },
} as const;

export interface Row {
  readonly doc: number;
  /** The cross-fitting the row comes from (0 to CROSS_FITS - 1), and its document's fold there. */
  readonly fit: number;
  readonly fold: number;
  readonly key: string;
  /** The code as scored against the document's gold (gold-alignment.ts): repeats of it earn nothing. */
  readonly aligned: string;
  readonly system: CandidateSystem;
  readonly features: number[];
  readonly label: number;
}

/** The document's gold as model keys: ICD-10-CM codes as they are, PCS codes by their 4-character prefix. */
function trainingDocument(doc: GoldDocument): TrainingDocument {
  const cm = doc.icd10cm.map((c) => `icd10cm|${c}`);
  const pcs = [...new Set(doc.icd10pcs.map((c) => `icd10pcs|${pcsPrefix(c)}`))];
  const tokens = tokenizeNote(doc.text);
  const evidence = doc.evidence.map((e) => {
    const pcs = doc.icd10pcs.includes(e.code);
    const span = locateEvidence(tokens, e.text, e.at);
    const code = pcs ? `icd10pcs|${pcsPrefix(e.code)}` : `icd10cm|${e.code}`;
    return { code, at: e.at, ...(span ? { span } : {}) };
  });
  return { tokens, codes: [...cm, ...pcs], evidence };
}

/**
 * What a candidate earns against its document's gold (eval/gold-alignment.ts), the code taken as the engine
 * emits it: with its 7th character, so a header and its completed code ("T14.90", "T14.90XA"), one code in the
 * output, are one code here too and not two false positives.
 */
export function earnedCode(
  c: Candidate,
  gold: ReadonlySet<string>,
  cm: CodeSet,
  noteWords: ReadonlySet<string>,
): string {
  const emitted = c.system === 'icd10cm' ? withSeventhCharacter(cm, c.code, noteWords) : c.code;
  return alignCode(emitted, gold, c.system);
}

/** The words of a note, for the 7th character earnedCode completes. */
export function noteWordsOf(tokens: NoteTokens): ReadonlySet<string> {
  return new Set(tokens.norm);
}

/** A held-out confidence, whether its row is gold, and what it earns: (document, aligned code). */
export interface Scored {
  p: number;
  readonly correct: boolean;
  readonly earns: string;
}

/**
 * The scored rows best first, a row dropped when a better one of its document already earned its aligned code
 * (as the evaluation does: a billable child and its gold header, or two children of one, count once).
 */
function firstEarners(scored: readonly Scored[]): Scored[] {
  const earned = new Set<string>();
  const out: Scored[] = [];
  for (const s of [...scored].sort((a, b) => b.p - a.p)) {
    if (earned.has(s.earns)) continue;
    earned.add(s.earns);
    out.push(s);
  }
  return out;
}

/**
 * The acceptance threshold from the held-out scores (goldCount gold codes, for recall): half the best micro F1
 * any threshold reaches on them, and the F1 at that threshold. For calibrated confidences the F1-optimal
 * threshold is half the optimal F1 (Lipton, Elkan and Narayanaswamy, "Optimal thresholding of classifiers to
 * maximize F1 measure", 2014). The best F1's value is steady where its place is not: the F1 curve is flat at
 * its top, so where the held-out scores happen to peak moves by up to 0.07 between folds. Chosen on nine folds
 * of nested validation and applied to the tenth (seeds 0-3), the peak scored diagnoses 0.6415 and half the best
 * F1 0.6436; procedures 0.5303 and 0.5302, with half the spread.
 */
export function acceptanceThreshold(scored: readonly Scored[], goldCount: number): { p: number; f1: number } {
  const sorted = firstEarners(scored);
  let tp = 0;
  let best = 0;
  sorted.forEach((s, i) => {
    if (s.correct) tp++;
    best = Math.max(best, (2 * tp) / (i + 1 + goldCount));
  });
  const p = best / 2;
  let accepted = 0;
  tp = 0;
  for (const s of sorted) {
    if (s.p < p) break;
    accepted++;
    if (s.correct) tp++;
  }
  return { p, f1: accepted + goldCount === 0 ? 0 : (2 * tp) / (accepted + goldCount) };
}

/**
 * Per-code precision as a candidate, and its feature filled out of fold (each fold's rows from the other
 * folds' counts), so a code often proposed but rarely gold (a frequent imaging code, say) is ranked down.
 * Leave-one-out would leak the label: for a code's own rows the value is lower exactly when the row is gold.
 */
export function fillCodePrecision(rows: Row[]): {
  codeStats: Record<string, [number, number]>;
  baseRates: Record<CandidateSystem, number>;
} {
  // Each cross-fitting fills its own rows from its own counts (every report is in each once); the first one's
  // counts are the model's.
  const perFit = Array.from({ length: CROSS_FITS }, (_, fit) =>
    codePrecisionOf(rows.filter((r) => r.fit === fit)),
  );
  return perFit[0]!;
}

function codePrecisionOf(rows: readonly Row[]): {
  codeStats: Record<string, [number, number]>;
  baseRates: Record<CandidateSystem, number>;
} {
  const codeStats: Record<string, [number, number]> = {};
  const foldStats: Record<string, [number, number]>[] = Array.from({ length: FOLDS }, () => ({}));
  const totals = { icd10cm: [0, 0], icd10pcs: [0, 0] };
  for (const r of rows) {
    const s = (codeStats[r.key] ??= [0, 0]);
    s[0] += r.label;
    s[1]++;
    const f = (foldStats[r.fold]![r.key] ??= [0, 0]);
    f[0] += r.label;
    f[1]++;
    totals[r.system][0]! += r.label;
    totals[r.system][1]!++;
  }
  const rate = (t: number[]): number => (t[1]! === 0 ? 0 : t[0]! / t[1]!);
  const baseRates = { icd10cm: rate(totals.icd10cm), icd10pcs: rate(totals.icd10pcs) };
  for (const r of rows) {
    const [pos, cand] = codeStats[r.key]!;
    const [foldPos, foldCand] = foldStats[r.fold]![r.key]!;
    r.features[CODE_PRECISION_COLUMN] = codePrecision(pos - foldPos, cand - foldCand, baseRates[r.system]);
    r.features[BEST_TIMES_PRECISION_COLUMN] = r.features[0]! * r.features[CODE_PRECISION_COLUMN]!;
  }
  return { codeStats, baseRates };
}

/** The reranker of one system, fitted on that system's rows. */
export function fitReranker(
  rows: readonly Row[],
  reranker: RerankerKind,
  system: CandidateSystem,
): { logistic: CodingModel['rerankers'][CandidateSystem]; trees: TreeEnsemble | undefined } {
  const x = rows.map((r) => r.features);
  const y = rows.map((r) => r.label);
  const logistic = trainLogistic(x, y);
  if (reranker === 'logistic') return { logistic, trees: undefined };
  // Alone, the trees order the whole candidate list (out-of-fold training MAP 0.544 vs 0.532 for the gated
  // blend, icd10cm).
  return { logistic, trees: trainBoostedTrees(x, y, reranker === 'trees' ? TREE_OPTIONS[system] : {}) };
}

/**
 * Out-of-fold confidences: the reranker trained on the other folds' rows scores each fold. The quick estimate
 * (--quick): optimistic, as the rows' features were fitted with the scored fold's gold (nested-validation.ts).
 */
function crossValidated(rows: readonly Row[], reranker: RerankerKind, system: CandidateSystem): Scored[] {
  const out: Scored[] = rows.map((r) => ({ p: 0, correct: r.label === 1, earns: `${r.doc}|${r.aligned}` }));
  for (let fold = 0; fold < FOLDS; fold++) {
    const fit = fitReranker(
      rows.filter((r) => r.fold !== fold),
      reranker,
      system,
    );
    rows.forEach((r, i) => {
      if (r.fold === fold) out[i]!.p = rerankerConfidence(reranker, fit.logistic, fit.trees, r.features);
    });
  }
  return out;
}

/** Mean over documents with gold codes of the average precision of the candidates ranked by `scored`. */
export function meanAveragePrecision(
  rows: readonly Row[],
  scored: readonly Scored[],
  docs: readonly GoldDocument[],
  system: CandidateSystem,
): number {
  const byDoc = new Map<number, Scored[]>();
  rows.forEach((r, i) => {
    const list = byDoc.get(r.doc);
    if (list) list.push(scored[i]!);
    else byDoc.set(r.doc, [scored[i]!]);
  });
  let sum = 0;
  let n = 0;
  docs.forEach((doc, d) => {
    if (doc[system].length === 0) return;
    n++;
    const list = firstEarners(byDoc.get(d) ?? []);
    let hits = 0;
    list.forEach((s, k) => {
      if (s.correct) sum += ++hits / (k + 1) / doc[system].length;
    });
  });
  return n === 0 ? 0 : sum / n;
}

type PartialModel = Omit<CodingModel, 'rerankers' | 'thresholds' | 'codeStats' | 'baseRates'>;

/** Candidate resources over a fold's fitted parts (no reranker yet). */
export function foldResourcesOf(
  partial: PartialModel,
  codeSets: { cm: CodeSet; pcs: CodeSet | undefined },
  dictionary: CodeDictionary,
  assertion: CandidateResources['assertion'],
): CandidateResources {
  const flat = { mean: [], scale: [], weights: [] };
  const associations = partial.associations;
  return {
    ...codeSets,
    dictionary,
    model: {
      ...partial,
      rerankers: { icd10cm: flat, icd10pcs: flat },
      thresholds: { icd10cm: 1, icd10pcs: 1 },
      codeStats: {},
      baseRates: { icd10cm: 0, icd10pcs: 0 },
    },
    priors: new Map(associations.codes.map((c, i) => [c, associations.codeDocs[i]!])),
    assertion,
  };
}

/** The model's parts fitted before the reranker, and the cross-fitted candidate rows the reranker learns from. */
interface TrainingRows {
  readonly partial: PartialModel;
  readonly rows: Row[];
}

/**
 * Fits phrase associations, neighbours and prototypes on all documents, and scores every training document's
 * candidates with the parts fitted on the other folds (cross-fitting), so the rows look like unseen notes.
 */
export function trainingRows(
  docs: readonly GoldDocument[],
  codeSets: { cm: CodeSet; pcs: CodeSet | undefined },
  dictionary: CodeDictionary,
  assertion: AssertionDetectorName = 'lexical',
): TrainingRows {
  const training = docs.map(trainingDocument);
  const associations = trainPhraseAssociations(training);
  const base = { format: 'medcode-coding-model/1', attribution: CODIESP_ATTRIBUTION, assertion } as const;
  const neighbours = trainNeighbours(training);
  const centroids = trainCentroids(neighbours);
  const pcsForms = trainPcsForms(
    docs.map((d) => d.icd10pcs),
    (code) => codeSets.pcs?.get(code) !== undefined,
  );
  const partial = {
    ...base,
    featureNames: FEATURE_NAMES,
    associations,
    pcsForms,
    neighbours,
    centroids,
  } as const;
  const detector = detectorByName(assertion);
  const rows: Row[] = [];
  for (let fit = 0; fit < CROSS_FITS; fit++) {
    const folds = foldsOf(docs.length, fit);
    // Cross-fitting: each fold's documents are scored with phrase associations and prototypes learned on the
    // other folds, so their feature values look like an unseen note's (neighbours are exact leave-one-out).
    const foldResources = Array.from({ length: FOLDS }, (_, fold) => {
      const rest = training.filter((_, d) => folds[d] !== fold);
      const fitted = {
        ...partial,
        associations: trainPhraseAssociations(rest),
        centroids: trainCentroids(neighbours, (d) => folds[d] !== fold),
      };
      return foldResourcesOf(fitted, codeSets, dictionary, detector);
    });
    training.forEach((t, d) => {
      const doc = docs[d]!;
      const gold = { icd10cm: new Set(doc.icd10cm), icd10pcs: new Set(doc.icd10pcs) };
      const fold = folds[d]!;
      const resources = foldResources[fold]!;
      const candidates = collectCandidates(resources, t.tokens, { gold: new Set(), doc: d });
      const documents = resources.model!.associations.documents;
      const features = documentFeatures(candidates, documents, t.tokens, () => 0, resources.priors);
      const words = noteWordsOf(t.tokens);
      candidates.forEach((c, i) => {
        const aligned = earnedCode(c, gold[c.system], codeSets.cm, words);
        const label = gold[c.system].has(aligned) ? 1 : 0;
        rows.push({
          doc: d,
          fit,
          fold,
          key: c.key,
          aligned,
          system: c.system,
          features: features[i]!,
          label,
        });
      });
    });
  }
  return { partial, rows };
}

/** A held-out estimate of one system's scores and the acceptance threshold it chose. */
export interface HeldOutScore {
  /** Micro F1 at the best threshold over all held-out documents. */
  readonly f1: number;
  readonly threshold: number;
  readonly map: number;
}

/** Trains the whole model from CodiEsp-style documents. */
export function trainCodingModel(
  docs: readonly GoldDocument[],
  codeSets: { cm: CodeSet; pcs: CodeSet | undefined },
  dictionary: CodeDictionary,
  assertion: AssertionDetectorName = 'lexical',
  reranker: RerankerKind = 'trees',
  heldOut?: Readonly<Record<CandidateSystem, HeldOutScore>>,
): CodingModel {
  const { partial, rows } = trainingRows(docs, codeSets, dictionary, assertion);
  const { codeStats, baseRates } = fillCodePrecision(rows);
  const rerankers = {} as Record<CandidateSystem, CodingModel['rerankers'][CandidateSystem]>;
  const boosted = {} as Record<CandidateSystem, TreeEnsemble>;
  const thresholds = {} as Record<CandidateSystem, number>;
  const trainingF1 = {} as Record<CandidateSystem, number>;
  const trainingMap = {} as Record<CandidateSystem, number>;
  for (const system of ['icd10cm', 'icd10pcs'] as const) {
    const mine = rows.filter((r) => r.system === system);
    const fit = fitReranker(mine, reranker, system);
    rerankers[system] = fit.logistic;
    if (fit.trees) boosted[system] = fit.trees;
    // The threshold and the reported scores: from nested validation when given (nested-validation.ts, the
    // honest estimate), else from the plain out-of-fold scores of these rows.
    const given = heldOut?.[system];
    if (given) {
      thresholds[system] = given.threshold;
      trainingF1[system] = Number(given.f1.toFixed(4));
      trainingMap[system] = Number(given.map.toFixed(4));
      continue;
    }
    const goldCount = docs.reduce((n, d) => n + d[system].length, 0);
    // One cross-fitting's rows: another one's rows of a scored report would be in the reranker's training.
    const first = mine.filter((r) => r.fit === 0);
    const held = crossValidated(first, reranker, system);
    const accept = acceptanceThreshold(held, goldCount);
    thresholds[system] = accept.p;
    trainingF1[system] = Number(accept.f1.toFixed(4));
    trainingMap[system] = Number(meanAveragePrecision(first, held, docs, system).toFixed(4));
  }
  return {
    ...partial,
    rerankers,
    thresholds,
    trainingF1,
    trainingMap,
    codeStats,
    baseRates,
    reranker,
    ...(reranker === 'logistic' ? {} : { boosted }),
  };
}
