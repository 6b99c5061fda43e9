/**
 * Gradient-boosted decision trees for the reranker (logistic loss, Newton leaf values, histogram splits on
 * per-feature quantile bins). Captures interactions a linear model misses (a frequent code with a weak phrase
 * is not the same as a rare code with a strong one). Deterministic: same rows, same trees.
 */

/** A split node or a leaf value. */
export type TreeNode =
  { readonly f: number; readonly t: number; readonly l: TreeNode; readonly r: TreeNode } | number;

export interface TreeEnsemble {
  readonly base: number;
  readonly trees: readonly TreeNode[];
}

export interface BoostOptions {
  readonly rounds?: number;
  readonly depth?: number;
  readonly learningRate?: number;
  readonly bins?: number;
  readonly minHessian?: number;
  readonly lambda?: number;
}

function thresholdsOf(rows: readonly (readonly number[])[], f: number, bins: number): number[] {
  const values = rows.map((r) => r[f]!).sort((a, b) => a - b);
  const cuts = new Set<number>();
  for (let b = 1; b < bins; b++) cuts.add(values[Math.floor((b * values.length) / bins)]!);
  return [...cuts].sort((a, b) => a - b);
}

interface Ctx {
  readonly binned: Uint8Array[];
  readonly cuts: number[][];
  readonly g: Float64Array;
  readonly h: Float64Array;
  readonly o: Required<BoostOptions>;
}

function leaf(ctx: Ctx, idx: readonly number[]): number {
  let G = 0;
  let H = 0;
  for (const i of idx) {
    G += ctx.g[i]!;
    H += ctx.h[i]!;
  }
  return (-G / (H + ctx.o.lambda)) * ctx.o.learningRate;
}

function bestSplit(ctx: Ctx, idx: readonly number[]): { f: number; bin: number; gain: number } | undefined {
  let best: { f: number; bin: number; gain: number } | undefined;
  const { lambda, minHessian } = ctx.o;
  for (let f = 0; f < ctx.cuts.length; f++) {
    const nb = ctx.cuts[f]!.length + 1;
    const G = new Float64Array(nb);
    const H = new Float64Array(nb);
    const col = ctx.binned[f]!;
    for (const i of idx) {
      G[col[i]!]! += ctx.g[i]!;
      H[col[i]!]! += ctx.h[i]!;
    }
    let gt = 0;
    let ht = 0;
    for (let b = 0; b < nb; b++) {
      gt += G[b]!;
      ht += H[b]!;
    }
    let gl = 0;
    let hl = 0;
    for (let b = 0; b < nb - 1; b++) {
      gl += G[b]!;
      hl += H[b]!;
      const hr = ht - hl;
      if (hl < minHessian || hr < minHessian) continue;
      const gr = gt - gl;
      const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - (gt * gt) / (ht + lambda);
      if (!best || gain > best.gain) best = { f, bin: b, gain };
    }
  }
  return best && best.gain > 1e-9 ? best : undefined;
}

function grow(ctx: Ctx, idx: number[], depth: number): TreeNode {
  if (depth === 0 || idx.length < 2) return leaf(ctx, idx);
  const split = bestSplit(ctx, idx);
  if (!split) return leaf(ctx, idx);
  const col = ctx.binned[split.f]!;
  const left = idx.filter((i) => col[i]! <= split.bin);
  const right = idx.filter((i) => col[i]! > split.bin);
  return {
    f: split.f,
    t: ctx.cuts[split.f]![split.bin]!,
    l: grow(ctx, left, depth - 1),
    r: grow(ctx, right, depth - 1),
  };
}

function evalTree(node: TreeNode, row: readonly number[]): number {
  let n = node;
  while (typeof n !== 'number') n = row[n.f]! <= n.t ? n.l : n.r;
  return n;
}

/** Fits boosted trees to rows and 0/1 labels. */
export function trainBoostedTrees(
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  options: BoostOptions = {},
): TreeEnsemble {
  const o: Required<BoostOptions> = {
    rounds: 150,
    depth: 3,
    learningRate: 0.1,
    bins: 32,
    minHessian: 1,
    lambda: 1,
    ...options,
  };
  const width = rows[0]?.length ?? 0;
  const cuts = Array.from({ length: width }, (_, f) => thresholdsOf(rows, f, o.bins));
  // Bin b holds values in (cuts[b-1], cuts[b]]: value <= cuts[b] goes left of a split at b.
  const binned = cuts.map((c, f) =>
    Uint8Array.from(rows, (r) => {
      let b = 0;
      while (b < c.length && r[f]! > c[b]!) b++;
      return b;
    }),
  );
  const mean = labels.reduce((s, y) => s + y, 0) / Math.max(1, labels.length);
  const base = Math.log((mean + 1e-6) / (1 - mean + 1e-6));
  const score = new Float64Array(rows.length).fill(base);
  const ctx: Ctx = { binned, cuts, g: new Float64Array(rows.length), h: new Float64Array(rows.length), o };
  const all = rows.map((_, i) => i);
  const trees: TreeNode[] = [];
  for (let round = 0; round < o.rounds; round++) {
    for (let i = 0; i < rows.length; i++) {
      const p = 1 / (1 + Math.exp(-score[i]!));
      ctx.g[i] = p - labels[i]!;
      ctx.h[i] = Math.max(p * (1 - p), 1e-6);
    }
    const tree = grow(ctx, all, o.depth);
    trees.push(tree);
    for (let i = 0; i < rows.length; i++) score[i]! += evalTree(tree, rows[i]!);
  }
  return { base, trees };
}

/**
 * Trees flattened to complete binary trees in typed arrays (an early leaf becomes a split that always goes
 * left, its value copied to every leaf below), so prediction walks arrays instead of objects.
 */
interface FlatEnsemble {
  readonly depth: number;
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly leaf: Float64Array;
}

const FLAT = new WeakMap<TreeEnsemble, FlatEnsemble>();

function depthOf(node: TreeNode): number {
  return typeof node === 'number' ? 0 : 1 + Math.max(depthOf(node.l), depthOf(node.r));
}

function flatten(model: TreeEnsemble): FlatEnsemble {
  let flat = FLAT.get(model);
  if (flat) return flat;
  const depth = Math.max(1, ...model.trees.map(depthOf));
  const inner = (1 << depth) - 1;
  const leaves = 1 << depth;
  const feature = new Int32Array(model.trees.length * inner);
  const threshold = new Float64Array(model.trees.length * inner);
  const leaf = new Float64Array(model.trees.length * leaves);
  model.trees.forEach((tree, t) => {
    const place = (node: TreeNode, at: number, level: number): void => {
      if (level === depth) {
        leaf[t * leaves + at - inner] = node as number;
        return;
      }
      if (typeof node === 'number') {
        threshold[t * inner + at] = Infinity;
        place(node, 2 * at + 1, level + 1);
        place(node, 2 * at + 2, level + 1);
        return;
      }
      feature[t * inner + at] = node.f;
      threshold[t * inner + at] = node.t;
      place(node.l, 2 * at + 1, level + 1);
      place(node.r, 2 * at + 2, level + 1);
    };
    place(tree, 0, 0);
  });
  flat = { depth, feature, threshold, leaf };
  FLAT.set(model, flat);
  return flat;
}

/** Probability of the positive class for one feature row. */
export function predictBoostedTrees(model: TreeEnsemble, row: readonly number[]): number {
  const { depth, feature, threshold, leaf } = flatten(model);
  const inner = (1 << depth) - 1;
  const leaves = 1 << depth;
  let z = model.base;
  // The trained depths, unrolled: the same walk and sum in the same order, without the level loop. Number(boolean)
  // rather than a conditional: V8 makes it a flag, not a branch the CPU mispredicts.
  if (depth === 4) {
    for (let t = 0; t < model.trees.length; t++) {
      const k = t * 15;
      let at = 1 + Number(row[feature[k]!]! > threshold[k]!);
      at = 2 * at + 1 + Number(row[feature[k + at]!]! > threshold[k + at]!);
      at = 2 * at + 1 + Number(row[feature[k + at]!]! > threshold[k + at]!);
      at = 2 * at + 1 + Number(row[feature[k + at]!]! > threshold[k + at]!);
      z += leaf[t * 16 + at - 15]!;
    }
    return 1 / (1 + Math.exp(-z));
  }
  if (depth === 3) {
    for (let t = 0; t < model.trees.length; t++) {
      const k = t * 7;
      let at = 1 + Number(row[feature[k]!]! > threshold[k]!);
      at = 2 * at + 1 + Number(row[feature[k + at]!]! > threshold[k + at]!);
      at = 2 * at + 1 + Number(row[feature[k + at]!]! > threshold[k + at]!);
      z += leaf[t * 8 + at - 7]!;
    }
    return 1 / (1 + Math.exp(-z));
  }
  for (let t = 0; t < model.trees.length; t++) {
    const k = t * inner;
    let at = 0;
    for (let level = 0; level < depth; level++)
      at = 2 * at + 1 + Number(row[feature[k + at]!]! > threshold[k + at]!);
    z += leaf[t * leaves + at - inner]!;
  }
  return 1 / (1 + Math.exp(-z));
}
