import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokenizeNote } from './note-tokens.ts';
import { addSentenceWords } from './sentence-words.ts';

/** The sentence words of the token `word` in `text`. */
function wordsAt(text: string, word: string): Set<string> {
  const tokens = tokenizeNote(text);
  return addSentenceWords(tokens, tokens.norm.indexOf(word));
}

describe('addSentenceWords', () => {
  it('the words of the sentence only, and number pairs', () => {
    const w = wordsAt('CKD stage 3b with anemia. Type 2 diabetes.', 'anemia');
    assert.ok(w.has('stage 3b') && w.has('ckd'));
    assert.ok(!w.has('diabete') && !w.has('type 2'));
  });

  const eyes: [string, string[], string[]][] = [
    ['Chorioretinitis in the OI.', ['left', 'eye'], ['right']],
    ['Visual acuity 0.4 in the RE.', ['right', 'eye'], ['left']],
    ['Drusen OU.', ['bilateral', 'eye'], []],
    ['Nuclear cataracts in both eyes.', ['bilateral'], ['left', 'right']],
    ['Pain in OS and OD.', ['left', 'right', 'eye'], []],
    // Lower case or inside words: not an eye.
    ['The os calcis was fractured.', [], ['left', 'eye']],
    ['We re-examined the lesion.', [], ['right', 'eye']],
  ];
  for (const [text, has, hasNot] of eyes) {
    it(`eye sides: ${JSON.stringify(text)}`, () => {
      const tokens = tokenizeNote(text);
      const w = addSentenceWords(tokens, 0);
      for (const x of has) assert.ok(w.has(x), x);
      for (const x of hasNot) assert.ok(!w.has(x), x);
    });
  }
});
