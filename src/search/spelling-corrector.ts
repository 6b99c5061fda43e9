/**
 * Misspelling correction against the index vocabulary by symmetric deletion: every vocabulary word and
 * every one-character deletion of it is hashed at build time into a sorted table of (hash, word) pairs.
 * A query word is looked up by itself and its own one-character deletions; this finds every word within
 * one insertion, deletion, substitution or adjacent transposition (and some within two), which are then
 * checked with a bounded Damerau (optimal string alignment) distance.
 */

/** Shortest word that is corrected at all; shorter ones are too ambiguous ("hip" vs "lip"). */
const MIN_LENGTH = 4;

/** Edits allowed for a word of this length. */
export function maxEdits(length: number): number {
  return length < MIN_LENGTH ? 0 : length < 8 ? 1 : 2;
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function deletions(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Optimal string alignment distance, giving up (returning limit + 1) once it exceeds limit. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

/** The deletion table of a vocabulary: pairs (hash, word id) sorted by hash, as one typed array. */
export function buildDeletionTable(vocabulary: readonly string[]): Uint32Array {
  const pairs: number[] = [];
  vocabulary.forEach((word, id) => {
    if (word.length < MIN_LENGTH || /\d/.test(word)) return;
    for (const d of new Set(deletions(word))) pairs.push(hash(d), id);
  });
  const order = Array.from({ length: pairs.length / 2 }, (_, i) => i);
  order.sort((x, y) => pairs[2 * x]! - pairs[2 * y]! || pairs[2 * x + 1]! - pairs[2 * y + 1]!);
  const table = new Uint32Array(pairs.length);
  order.forEach((p, i) => {
    table[2 * i] = pairs[2 * p]!;
    table[2 * i + 1] = pairs[2 * p + 1]!;
  });
  return table;
}

function lowerBound(table: Uint32Array, h: number): number {
  let lo = 0;
  let hi = table.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (table[2 * mid]! < h) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Characters shared at the start plus at the end: misspellings keep a word's ends ("migrane" is "migraine", not "migrans"). */
function keptEnds(a: string, b: string): number {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let q = 0;
  while (q < a.length - p && q < b.length - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
  return p + q;
}

/** A vocabulary word close to `word`, with its distance. */
export interface Correction {
  readonly id: number;
  readonly distance: number;
}

/**
 * Vocabulary words within the allowed edit distance of `word`, closest first and, at equal distance,
 * most frequent first (by `frequency` of the word id). At most `limit` are returned.
 */
export function correct(
  word: string,
  vocabulary: readonly string[],
  table: Uint32Array,
  frequency: (id: number) => number,
  limit = 2,
): Correction[] {
  const max = maxEdits(word.length);
  if (max === 0) return [];
  const seen = new Map<number, number>();
  for (const d of new Set(deletions(word))) {
    const h = hash(d);
    for (let i = lowerBound(table, h); 2 * i < table.length && table[2 * i] === h; i++) {
      const id = table[2 * i + 1]!;
      if (seen.has(id)) continue;
      seen.set(id, editDistance(word, vocabulary[id]!, max));
    }
  }
  return [...seen]
    .filter(([, dist]) => dist <= max && dist > 0)
    .map(([id, distance]) => ({ id, distance, kept: keptEnds(word, vocabulary[id]!) }))
    .sort((a, b) => a.distance - b.distance || b.kept - a.kept || frequency(b.id) - frequency(a.id))
    .slice(0, limit)
    .map(({ id, distance }) => ({ id, distance }));
}
