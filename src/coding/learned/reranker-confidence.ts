/**
 * The reranker's confidence for one candidate: the logistic model, averaged with the boosted trees when the
 * model has them. Candidates the logistic model already puts far below any acceptance threshold skip the
 * trees (they only order the tail of the ranking), which keeps the trees' cost to the plausible codes.
 */
import { predictBoostedTrees } from './boosted-trees.ts';
import type { TreeEnsemble } from './boosted-trees.ts';
import type { LogisticModel } from './logistic-regression.ts';
import { predictLogistic } from './logistic-regression.ts';

const TREES_FROM = 0.08;

export function rerankerConfidence(
  logistic: LogisticModel,
  trees: TreeEnsemble | undefined,
  features: readonly number[],
): number {
  const p = predictLogistic(logistic, features);
  if (!trees || p < TREES_FROM) return p;
  return (p + predictBoostedTrees(trees, features)) / 2;
}
