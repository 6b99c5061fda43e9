/**
 * Nested cross-validation of the whole training procedure, the honest estimate of what a model trained on
 * all of CodiEsp train scores on new reports. Each outer fold's reports are coded by a model whose every part
 * (phrase associations, neighbours, prototypes, code precision, reranker) was fitted on the other folds
 * only, with the same inner cross-fitting training uses. The plain out-of-fold score (training --quick)
 * does not do this: the rows the reranker learns from carry features fitted with the held-out fold's gold,
 * and a reranker with more capacity learns that (300 depth-4 trees on the rows of one cross-fitting: +0.012 F1
 * out of fold, no gain nested and -0.007 on dev; depth 4 gains nested only since the rows come from two).
 * Pure; slow (the training rows are built once per outer fold).
 */
import type { AssertionDetectorName } from '../assertion/assertion-flags.ts';
import { detectorByName } from '../assertion/detector-by-name.ts';
import { collectCandidates } from '../candidates/collect-candidates.ts';
import type { GoldDocument } from '../eval/codiesp-reader.ts';
import type { CodeDictionary } from '../matcher/code-dictionary.ts';
import { tokenizeNote } from '../text/note-tokens.ts';
import type { CodeSet } from '../../terminology/code-set.ts';
import type { CandidateSystem } from './candidate-features.ts';
import { documentFeatures, precisionFromStats } from './candidate-features.ts';
import { rerankerConfidence } from './reranker-confidence.ts';
import type { RerankerKind } from './reranker-confidence.ts';
import {
  acceptanceThreshold,
  earnedCode,
  fillCodePrecision,
  fitReranker,
  FOLDS,
  foldResourcesOf,
  meanAveragePrecision,
  noteWordsOf,
  trainingRows,
} from './train-model.ts';
import type { HeldOutScore, Row, Scored } from './train-model.ts';

export function nestedValidation(
  docs: readonly GoldDocument[],
  codeSets: { cm: CodeSet; pcs: CodeSet | undefined },
  dictionary: CodeDictionary,
  assertion: AssertionDetectorName = 'lexical',
  reranker: RerankerKind = 'trees',
  progress: (outer: number) => void = () => {},
): Record<CandidateSystem, HeldOutScore> {
  const held = { icd10cm: [] as Scored[], icd10pcs: [] as Scored[] };
  const heldRows = { icd10cm: [] as Row[], icd10pcs: [] as Row[] };
  for (let outer = 0; outer < FOLDS; outer++) {
    const inner = docs.filter((_, i) => i % FOLDS !== outer);
    const { partial, rows } = trainingRows(inner, codeSets, dictionary, assertion);
    const { codeStats, baseRates } = fillCodePrecision(rows);
    const fits = {
      icd10cm: fitReranker(
        rows.filter((r) => r.system === 'icd10cm'),
        reranker,
        'icd10cm',
      ),
      icd10pcs: fitReranker(
        rows.filter((r) => r.system === 'icd10pcs'),
        reranker,
        'icd10pcs',
      ),
    };
    const resources = foldResourcesOf(partial, codeSets, dictionary, detectorByName(assertion));
    docs.forEach((doc, d) => {
      if (d % FOLDS !== outer) return;
      const tokens = tokenizeNote(doc.text);
      const candidates = collectCandidates(resources, tokens);
      const features = documentFeatures(
        candidates,
        partial.associations.documents,
        tokens,
        precisionFromStats(codeStats, baseRates),
        resources.priors,
      );
      const words = noteWordsOf(tokens);
      candidates.forEach((c, i) => {
        const gold = new Set(doc[c.system]);
        const aligned = earnedCode(c, gold, codeSets.cm, words);
        const label = gold.has(aligned) ? 1 : 0;
        const fit = fits[c.system];
        const p = rerankerConfidence(reranker, fit.logistic, fit.trees, features[i]!);
        held[c.system].push({ p, correct: label === 1, earns: `${d}|${aligned}` });
        heldRows[c.system].push({
          doc: d,
          fit: 0,
          fold: outer,
          key: c.key,
          aligned,
          system: c.system,
          features: [],
          label,
        });
      });
    });
    progress(outer);
  }
  const score = (system: CandidateSystem): HeldOutScore => {
    const goldCount = docs.reduce((n, d) => n + d[system].length, 0);
    const accept = acceptanceThreshold(held[system], goldCount);
    const map = meanAveragePrecision(heldRows[system], held[system], docs, system);
    return { f1: accept.f1, threshold: accept.p, map };
  };
  return { icd10cm: score('icd10cm'), icd10pcs: score('icd10pcs') };
}
