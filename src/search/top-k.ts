/**
 * The positions of the k largest scores, best first (ties: lower position first), in O(n log k):
 * a query on a common word ("left") touches tens of thousands of documents and only the best few
 * hundred are looked at further, so sorting them all would cost more than the search itself.
 */
export function topK(scores: Float64Array, n: number, k: number): number[] {
  const heap: number[] = [];
  // "a is worse than b": lower score, or equal score and later position.
  const worse = (a: number, b: number): boolean =>
    scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (let i = 0; i < n; i++) {
    if (heap.length < k) {
      heap.push(i);
      for (let c = heap.length - 1; c > 0;) {
        const p = (c - 1) >> 1;
        if (!worse(heap[c]!, heap[p]!)) break;
        [heap[c], heap[p]] = [heap[p]!, heap[c]!];
        c = p;
      }
    } else if (k > 0 && worse(heap[0]!, i)) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}

/**
 * A value such that about k of the first n values are at or above it (at least k when n >= k), found
 * with a 256-bucket histogram in two passes: a cheap cut before exact scoring.
 */
export function cutoffForTop(values: Float64Array, n: number, k: number): number {
  if (n <= k) return -Infinity;
  let max = -Infinity;
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    max = Math.max(max, values[i]!);
    min = Math.min(min, values[i]!);
  }
  if (max === min) return min;
  const buckets = new Uint32Array(256);
  const scale = 255.999 / (max - min);
  for (let i = 0; i < n; i++) buckets[Math.floor((values[i]! - min) * scale)]!++;
  let count = 0;
  for (let b = 255; b >= 0; b--) {
    count += buckets[b]!;
    if (count >= k) return min + b / scale;
  }
  return min;
}
