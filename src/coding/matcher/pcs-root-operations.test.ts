import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { miniPcsCodeSet } from '../../../test/fixtures/coding/mini-code-set.ts';
import { tokenizeNote } from '../text/note-tokens.ts';
import { matchRootOperations, rootOperationRegions } from './pcs-root-operations.ts';

const pcs = miniPcsCodeSet();

const prefixesOf = (text: string): string[] =>
  [...new Set(matchRootOperations(pcs, tokenizeNote(text)).map((h) => h.prefix))].sort();

describe('medical and surgical procedures named by a root operation and a body part', () => {
  const CASES: readonly (readonly [string, string, readonly string[]])[] = [
    [
      'a biopsy is an excision (B3.4a), the adjective names the organ',
      'A gastric biopsy was taken.',
      ['0DB6'],
    ],
    ['the body part after "of"', 'Biopsy of the tongue lesion.', ['0CB7']],
    ['a plural biopsy', 'Liver biopsies showed steatosis.', ['0FB0']],
    ['resection is its own root operation', 'Resection of the stomach was performed.', ['0DT6']],
    ['drainage', 'Percutaneous drainage of the peritoneal cavity.', ['0W9G']],
    ['a one-sided body part needs its side', 'Kidney biopsy was done.', []],
    ['with its side', 'Right kidney biopsy was done.', ['0TB0']],
    ['no body part, no code', 'The biopsy was negative.', []],
    ['a word naming both operation and body part', 'Colonoscopies were normal.', ['0DJD']],
    ['an -ectomy of one side takes the side beside it', 'Right radical nephrectomy was performed.', ['0TT0']],
    ['without its side, none', 'Radical nephrectomy was performed.', []],
    ['a body part in another sentence does not count', 'The liver was enlarged.\nA biopsy was taken.', []],
  ];
  for (const [name, text, expected] of CASES) {
    it(name, () => assert.deepEqual(prefixesOf(text), [...expected].sort()));
  }

  it('reads the body part before the approach, from the shortest title of the prefix', () => {
    const byPrefix = new Map(rootOperationRegions(pcs).map((r) => [r.prefix, r]));
    assert.equal(byPrefix.get('0W9G')?.name, 'Peritoneal Cavity');
    assert.deepEqual(byPrefix.get('0W9G')?.concepts, ['peritoneum', 'cavity']);
    assert.equal(byPrefix.get('0DB6')?.title, 'Excision of Stomach');
    assert.equal(byPrefix.get('0DJD')?.name, 'Lower Intestinal Tract');
    assert.equal(byPrefix.has('BW20'), false);
  });

  it('the evidence is the root-operation word and the body-part words', () => {
    const tokens = tokenizeNote('Then a gastric biopsy was taken.');
    const [hit] = matchRootOperations(pcs, tokens);
    assert.deepEqual(tokens.norm.slice(hit!.first, hit!.last + 1), ['gastric', 'biopsy']);
    assert.equal(hit?.path, 'Excision of Stomach');
  });
});
