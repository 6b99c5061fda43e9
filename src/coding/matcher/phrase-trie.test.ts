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

  it("keeps a phrase's payloads in the order added, each once", () => {
    const trie = new PhraseTrie();
    for (const payload of [5, 3, 5, 9, 3]) trie.add(['pleural', 'effusion'], payload);
    assert.deepEqual(trie.lookup(['pleural', 'effusion']), [5, 3, 9]);
    assert.deepEqual(matches(trie, 'Pleural effusion.'), ['pleural effusion=5,3,9']);
  });

  it('finds every phrase of a large trie, as a map of joined phrases would', () => {
    // Enough phrases to grow the edge table several times; words drawn from a small pool share prefixes.
    const pool = Array.from({ length: 40 }, (_, i) => `trieword${i.toString(36)}`);
    const expected = new Map<string, number[]>();
    const trie = new PhraseTrie();
    let seed = 7;
    const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let payload = 0; payload < 6000; payload++) {
      const phrase = Array.from({ length: 1 + next(4) }, () => pool[next(pool.length)]!);
      trie.add(phrase, payload % 997);
      const list = expected.get(phrase.join(' ')) ?? [];
      if (!list.includes(payload % 997)) list.push(payload % 997);
      expected.set(phrase.join(' '), list);
    }
    for (const [phrase, payloads] of expected) assert.deepEqual(trie.lookup(phrase.split(' ')), payloads);
    assert.equal(trie.lookup([pool[0]!, 'trieword-absent']), undefined);
  });
});
