import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokenizeNote } from '../text/note-tokens.ts';
import { PhraseTrie } from './phrase-trie.ts';

function matches(trie: PhraseTrie, text: string): string[] {
  const tokens = tokenizeNote(text);
  return trie
    .matchAll(tokens)
    .map((m) => `${tokens.norm.slice(m.first, m.last + 1).join(' ')}=${m.payloads.join(',')}`);
}

describe('PhraseTrie', () => {
  it('keeps the longest phrase at each start, inside one sentence', () => {
    const trie = new PhraseTrie();
    trie.add(['kidney', 'disease'], 1);
    trie.add(['chronic', 'kidney', 'disease'], 2);
    trie.add(['chronic', 'kidney'], 3);
    assert.deepEqual(matches(trie, 'Chronic kidney disease. Chronic kidney\ndisease'), [
      'chronic kidney disease=2',
      'kidney disease=1',
      'chronic kidney=3',
    ]);
  });

  it('does not start a match on a stopword', () => {
    const trie = new PhraseTrie();
    trie.add(['of', 'the', 'lung'], 1);
    trie.add(['lung'], 2);
    assert.deepEqual(matches(trie, 'cancer of the lung'), ['lung=2']);
  });

  it('matches a note tokenized before the trie learned its words', () => {
    const tokens = tokenizeNote('Zygomycosquamous fever');
    const trie = new PhraseTrie();
    trie.add(['zygomycosquamous', 'fever'], 7);
    assert.deepEqual(trie.matchAll(tokens), [{ first: 0, last: 1, payloads: [7] }]);
  });

  it('passes over articles and "of" inside a phrase, but not other words, and at most two', () => {
    const trie = new PhraseTrie();
    trie.add(['hypoplasia', 'optic', 'nerve'], 1);
    trie.add(['disease', 'of', 'liver'], 2);
    assert.deepEqual(matches(trie, 'Hypoplasia of the optic nerve.'), ['hypoplasia of the optic nerve=1']);
    // An edge for "of" is taken as written; the skipped article still counts in the span.
    assert.deepEqual(matches(trie, 'Disease of the liver.'), ['disease of the liver=2']);
    assert.deepEqual(matches(trie, 'Hypoplasia and optic nerve.'), []);
    assert.deepEqual(matches(trie, 'Hypoplasia of the a optic nerve.'), []);
    // The match never ends on a skipped word.
    trie.add(['hypoplasia'], 3);
    assert.deepEqual(matches(trie, 'Hypoplasia of the eye.'), ['hypoplasia=3']);
  });

  it('looks phrases up exactly', () => {
    const trie = new PhraseTrie();
    trie.add(['acute', 'appendicitis'], 4);
    assert.deepEqual(trie.lookup(['acute', 'appendicitis']), [4]);
    assert.equal(trie.lookup(['acute']), undefined);
    assert.equal(trie.lookup(['acute', 'unheardofword']), undefined);
  });
});
