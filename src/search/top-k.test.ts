import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cutoffForTop, topK } from './top-k.ts';

describe('top-k selection', () => {
  it('returns the positions of the largest scores, best first, ties by position', () => {
    const scores = Float64Array.from([0.5, 0.9, 0.1, 0.9, 0.7, 0.3]);
    assert.deepEqual(topK(scores, scores.length, 3), [1, 3, 4]);
    assert.deepEqual(topK(scores, scores.length, 10), [1, 3, 4, 0, 5, 2]);
    assert.deepEqual(topK(scores, 0, 3), []);
  });

  it('finds a cutoff that keeps at least k values', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
    const cut = cutoffForTop(values, values.length, 100);
    const kept = values.filter((v) => v >= cut).length;
    assert.ok(kept >= 100 && kept < 110, `kept ${kept}`);
    assert.equal(cutoffForTop(values, 50, 100), -Infinity);
  });
});
