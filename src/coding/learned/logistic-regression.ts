/**
 * A small L2-regularised logistic regression (batch gradient descent on standardised features), enough for
 * the reranker's dozen features. Deterministic: same rows, same weights.
 */

/** Trained weights over standardised features; `predict` applies the same standardisation. */
export interface LogisticModel {
  readonly mean: readonly number[];
  readonly scale: readonly number[];
  /** Intercept first, then one weight per feature. */
  readonly weights: readonly number[];
}

export interface TrainOptions {
  readonly iterations?: number;
  readonly learningRate?: number;
  readonly l2?: number;
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function standardiser(
  rows: readonly (readonly number[])[],
  width: number,
): { mean: number[]; scale: number[] } {
  const mean = new Array<number>(width).fill(0);
  const sq = new Array<number>(width).fill(0);
  for (const r of rows) for (let j = 0; j < width; j++) mean[j]! += r[j]! / rows.length;
  for (const r of rows) for (let j = 0; j < width; j++) sq[j]! += (r[j]! - mean[j]!) ** 2 / rows.length;
  return { mean, scale: sq.map((v) => (v > 1e-12 ? Math.sqrt(v) : 1)) };
}

/** Fits weights to rows of features and 0/1 labels. */
export function trainLogistic(
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  options: TrainOptions = {},
): LogisticModel {
  const width = rows[0]?.length ?? 0;
  const { mean, scale } = standardiser(rows, width);
  const x = rows.map((r) => r.map((v, j) => (v - mean[j]!) / scale[j]!));
  const w = new Array<number>(width + 1).fill(0);
  const { iterations = 300, learningRate = 0.5, l2 = 1e-4 } = options;
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(width + 1).fill(0);
    x.forEach((r, i) => {
      let z = w[0]!;
      for (let j = 0; j < width; j++) z += w[j + 1]! * r[j]!;
      const err = sigmoid(z) - labels[i]!;
      grad[0]! += err;
      for (let j = 0; j < width; j++) grad[j + 1]! += err * r[j]!;
    });
    for (let j = 0; j <= width; j++) {
      const reg = j === 0 ? 0 : l2 * w[j]!;
      w[j]! -= learningRate * (grad[j]! / x.length + reg);
    }
  }
  return { mean, scale, weights: w };
}

/** Probability of the positive class for one feature row. */
export function predictLogistic(model: LogisticModel, row: readonly number[]): number {
  let z = model.weights[0]!;
  for (let j = 0; j < row.length; j++) {
    z += model.weights[j + 1]! * ((row[j]! - model.mean[j]!) / model.scale[j]!);
  }
  return sigmoid(z);
}
