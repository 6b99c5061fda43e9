import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokenizeNote } from '../text/note-tokens.ts';
import { BagMatcher, MAX_SPAN } from './bag-matcher.ts';

function matcher(): BagMatcher {
  const bags = new BagMatcher();
  bags.add(['soft', 'palate', 'carcinoma'], 1, 'C051');
  bags.add(['carcinoma', 'soft', 'palate'], 2, 'C051');
  bags.add(['ventricular', 'system', 'dilatation'], 3, 'Q048');
  bags.add(['fever'], 4, 'R509');
  bags.build();
  return bags;
}

function matches(text: string): string[] {
  const tokens = tokenizeNote(text);
  return matcher()
    .matchAll(tokens)
    .map((m) => `${m.payload}:${tokens.norm.slice(m.first, m.last + 1).join(' ')}`);
}

describe('BagMatcher: a phrase matched by its words in any order, close together in one sentence', () => {
  it('words apart and reordered', () => {
    assert.deepEqual(matches('A carcinoma of the left soft palate was found.'), [
      '1:carcinoma of the left soft palate',
    ]);
  });

  it('the same words of one code match once (the first phrase added)', () => {
    assert.deepEqual(matches('Soft palate carcinoma.'), ['1:soft palate carcinoma']);
  });

  it('every word is needed', () => {
    assert.deepEqual(matches('Dilatation of the ventricles.'), []);
  });

  it('not across sentences', () => {
    assert.deepEqual(matches('The ventricular system was normal.\nDilatation of the ureter.'), []);
  });

  it(`not spread over ${MAX_SPAN} tokens or more`, () => {
    assert.deepEqual(
      matches('Ventricular function was good and the nervous system showed no dilatation.'),
      [],
    );
    assert.deepEqual(matches('Dilatation of the whole ventricular system.'), [
      '3:dilatation of the whole ventricular system',
    ]);
  });

  it('one-word phrases are left to the trie', () => {
    assert.deepEqual(matches('Fever.'), []);
  });

  it('the same words of another code match too, and repeats are dropped among many phrases', () => {
    const bags = new BagMatcher();
    bags.add(['renal', 'cyst'], 1, 'N281');
    for (let i = 0; i < 3000; i++) bags.add([`bagword${i}`, 'cyst'], 100 + i, `X${i % 7}`);
    bags.add(['cyst', 'renal'], 2, 'N281');
    bags.add(['cyst', 'renal'], 3, 'Q610');
    bags.add(['cyst', 'bagword17'], 4, 'X3');
    bags.add(['cyst', 'bagword17'], 5, 'X4');
    bags.build();
    const tokens = tokenizeNote('Cyst of the left renal pole. Bagword17 cyst.');
    assert.deepEqual(
      bags.matchAll(tokens).map((m) => m.payload),
      [1, 3, 117, 5],
    );
  });
});
