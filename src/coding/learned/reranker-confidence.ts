/**
 * The reranker's confidence for one candidate, by the kind the model was trained with:
 * - `trees` (the default): gradient-boosted trees alone, so the ranking (which MAP reads to its end) is on one
 *   scale; candidates the logistic model puts below 2% (most of a long note's tail, rarely gold) skip the trees
 *   and keep half their logistic score (out-of-fold training MAP unchanged: 0.543 vs 0.544);
 * - `blend`: the mean of the logistic model and the trees, the trees skipped where the logistic score is far
 *   below any threshold (those candidates are then ordered by the logistic score alone);
 * - `logistic`: the logistic model alone.
 */
import { predictBoostedTrees } from './boosted-trees.ts';
import type { TreeEnsemble } from './boosted-trees.ts';
import type { LogisticModel } from './logistic-regression.ts';
import { predictLogistic } from './logistic-regression.ts';

export const RERANKER_KINDS = ['trees', 'blend', 'logistic'] as const;
export type RerankerKind = (typeof RERANKER_KINDS)[number];

const TREES_FROM = 0.08;
const TREES_ONLY_FROM = 0.02;

export function rerankerConfidence(
  kind: RerankerKind,
  logistic: LogisticModel,
  trees: TreeEnsemble | undefined,
  features: readonly number[],
): number {
  const p = predictLogistic(logistic, features);
  if (kind === 'trees' && trees) return p < TREES_ONLY_FROM ? p / 2 : predictBoostedTrees(trees, features);
  if (kind === 'logistic' || !trees || p < TREES_FROM) return p;
  return (p + predictBoostedTrees(trees, features)) / 2;
}
