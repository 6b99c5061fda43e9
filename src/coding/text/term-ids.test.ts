import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { hasSharedData, sharedDir } from '../../../test/support/shared-data.ts';
import { defaultCodeSetFiles, loadDevCodeSets } from '../eval/load-code-sets.ts';
import { buildCodeDictionary } from '../matcher/code-dictionary.ts';
import { PhraseTrie } from '../matcher/phrase-trie.ts';
import { foldToken, tokenIds, tokenizeNote } from './note-tokens.ts';
import { SPELLING_RULES, bridgeSpelling } from './spanish-spelling.ts';
import { termIds } from './term-ids.ts';
import { SpellingTargets } from './spelling-targets.ts';
import { internWord, isTermWord, vocabularySize, wordId, wordOf } from './token-vocabulary.ts';

describe('termIds', () => {
  it('reads a word no phrase has as the phrase word its spelling bridges to', () => {
    const trie = new PhraseTrie();
    trie.add(['acute', 'pyonephrosis'], 7);
    const tokens = tokenizeNote('Acute pionephrosis was drained.');
    const ids = termIds(tokens);
    assert.equal(wordOf(ids[1]!), 'pyonephrosis');
    assert.deepEqual(
      trie.matchAll(tokens).map((m) => [m.first, m.last, m.payloads]),
      [[0, 1, [7]]],
    );
  });

  it('leaves the ids the learned matchers read as written', () => {
    new PhraseTrie().add(['hemorrhage'], 1);
    internWord('haemorrhage'); // a word the model learned, but no dictionary phrase has
    const tokens = tokenizeNote('Haemorrhage and oedema');
    assert.equal(tokenIds(tokens)[0], wordId('haemorrhage'));
    assert.equal(termIds(tokens)[0], wordId('hemorrhage'));
    assert.equal(termIds(tokens)[2], tokenIds(tokens)[2], 'no phrase has "edema" here: nothing to bridge to');
  });

  it('never rewrites a word a phrase has', () => {
    const trie = new PhraseTrie();
    trie.add(['oedema'], 1);
    trie.add(['edema'], 2);
    const tokens = tokenizeNote('oedema');
    assert.ok(isTermWord(termIds(tokens)[0]!));
    assert.equal(termIds(tokens)[0], wordId('oedema'));
  });

  it('is the same array as tokenIds when nothing is bridged', () => {
    new PhraseTrie().add(['pneumonia'], 1);
    const tokens = tokenizeNote('Community acquired pneumonia was treated.');
    assert.equal(termIds(tokens), tokenIds(tokens));
  });
});

describe(
  'the spelling bridge on the release dictionary',
  { skip: !hasSharedData() && 'shared data not present' },
  () => {
    it('bridges each rule example to its English word, and the dictionary codes the bridged note', async () => {
      const sets = await loadDevCodeSets(defaultCodeSetFiles(path.join(sharedDir(), 'data')));
      const dictionary = buildCodeDictionary(sets.cm);
      const isDictionaryWord = (w: string): boolean => isTermWord(wordId(w));
      const words = Array.from({ length: vocabularySize() }, (_, id) => id)
        .filter(isTermWord)
        .map(wordOf);
      const targets = new SpellingTargets(words);
      for (const r of SPELLING_RULES) {
        const [spanish, english] = r.example.split(' → ') as [string, string];
        // Examples are words as written: the bridge sees them folded ("abscesses" as "abscesse").
        const folded = foldToken(spanish);
        if (isDictionaryWord(english)) assert.equal(bridgeSpelling(folded, targets), english, r.example);
      }
      const tokens = tokenizeNote('Ultrasound showed left pionephrosis and blefarochalasia.');
      const codes = dictionary.trie
        .matchAll(tokens)
        .flatMap((m) => m.payloads.map((p) => dictionary.entries[p]!.code));
      assert.ok(codes.includes('N136'), `pyonephrosis: ${codes.join(' ')}`);
      assert.ok(codes.includes('H0230'), `blepharochalasis: ${codes.join(' ')}`);
    });
  },
);
