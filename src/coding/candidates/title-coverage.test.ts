import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { miniCmCodeSet } from '../../../test/fixtures/coding/mini-code-set.ts';
import { createCodingEngine } from '../coding-engine.ts';
import { titleTokens, tokenizeNote } from '../text/note-tokens.ts';
import { internWord } from '../text/token-vocabulary.ts';
import { collectCandidates } from './collect-candidates.ts';
import { titleCoverages, titleWordIds } from './title-coverage.ts';

/** The title's words made known first, as building the dictionary does with every title of the release. */
function known(title: string): Int32Array {
  for (const w of titleTokens(title)) internWord(w);
  return titleWordIds(title);
}

function coverage(note: string, title: string): number {
  const words = known(title);
  return titleCoverages(tokenizeNote(note), [words])[0]!;
}

describe('title coverage: the largest share of a title said in one sentence', () => {
  const cases = [
    { note: 'Acute kidney failure on admission.', title: 'Acute kidney failure, unspecified', want: 1 },
    // Plurals are folded as the tokenizer folds them.
    { note: 'Both kidneys showed acute failure.', title: 'Acute kidney failure, unspecified', want: 1 },
    // Two of three naming words in the best sentence; the third sits in another sentence.
    { note: 'Kidney failure.\nIt was acute.', title: 'Acute kidney failure, unspecified', want: 2 / 3 },
    // The side and "unspecified" qualify a title and are not counted.
    { note: 'Pain in the knee.', title: 'Pain in left knee', want: 1 },
    { note: 'Heart failure.', title: 'Acute kidney failure, unspecified', want: 1 / 3 },
    { note: 'No relevant findings.', title: 'Acute kidney failure, unspecified', want: 0 },
  ];
  for (const { note, title, want } of cases) {
    it(`"${note}" / "${title}" -> ${want.toFixed(2)}`, () => assert.equal(coverage(note, title), want));
  }

  it('a title with no naming word covers nothing, and undefined titles score 0', () => {
    const tokens = tokenizeNote('Other specified disorders.');
    assert.deepEqual([...titleCoverages(tokens, [known('Other, unspecified'), undefined])], [0, 0]);
  });

  it('a title word no matcher knows counts in the share and is never found', () => {
    internWord('heart');
    const words = titleWordIds('Heart qzxvword');
    assert.deepEqual(
      [...words].map((id) => id >= 0),
      [true, false],
    );
    assert.equal(titleCoverages(tokenizeNote('Heart qzxvword.'), [words])[0], 1 / 2);
  });

  it('the scratch state is cleared between notes', () => {
    const title = known('Acute kidney failure, unspecified');
    assert.equal(titleCoverages(tokenizeNote('Acute kidney failure.'), [title])[0], 1);
    assert.equal(titleCoverages(tokenizeNote('Nothing here.'), [title])[0], 0);
  });

  it('candidates carry their coverage (diagnoses)', () => {
    const engine = createCodingEngine({ cm: miniCmCodeSet() });
    const found = collectCandidates(engine.resources, tokenizeNote('Heart failure.'));
    const i509 = found.find((c) => c.code === 'I509');
    assert.ok(i509);
    assert.equal(i509.titleCoverage, 1);
  });
});
