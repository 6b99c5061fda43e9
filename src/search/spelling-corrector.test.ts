import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildDeletionTable, correct, editDistance, maxEdits } from './spelling-corrector.ts';

const vocabulary = [
  'pneumonia',
  'pneumothorax',
  'fibrillation',
  'migraine',
  'migrans',
  'hip',
  'lip',
  'insomnia',
  'osteoporosis',
].sort();
const table = buildDeletionTable(vocabulary);
const fix = (w: string): string[] => correct(w, vocabulary, table, () => 1).map((c) => vocabulary[c.id]!);

describe('spelling corrector', () => {
  it('measures edits with adjacent transpositions counted once', () => {
    assert.equal(editDistance('pnuemonia', 'pneumonia', 2), 1);
    assert.equal(editDistance('fibrilation', 'fibrillation', 2), 1);
    assert.equal(editDistance('abc', 'xyz', 1), 2);
  });

  it('corrects common misspellings to the vocabulary word', () => {
    assert.deepEqual(fix('pnuemonia').slice(0, 1), ['pneumonia']);
    assert.deepEqual(fix('fibrilation').slice(0, 1), ['fibrillation']);
    assert.deepEqual(fix('insomina').slice(0, 1), ['insomnia']);
    assert.deepEqual(fix('osteoporosys').slice(0, 1), ['osteoporosis']);
  });

  it('prefers the candidate that keeps both ends of the word', () => {
    assert.deepEqual(fix('migrane').slice(0, 1), ['migraine']);
  });

  it('does not correct short words or words too far from any other', () => {
    assert.equal(maxEdits(3), 0);
    assert.deepEqual(fix('hup'), []);
    assert.deepEqual(fix('zzzzzzzz'), []);
  });
});
