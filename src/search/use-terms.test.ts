import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { searchFixturePcs } from '../../test/fixtures/search/search-code-sets.ts';
import type { IndexTerm } from '../terminology/model.ts';
import { search } from './search.ts';
import { buildSearchIndex } from './search-index-builder.ts';
import { useTermTable } from './use-terms.ts';

// Written in the shape of the ICD-10-PCS index: a main term with its own "use", and one whose
// subterms name the right and left body part values.
const TERMS: IndexTerm[] = [
  { id: 0, kind: 'pcs-index', level: 0, title: 'Abdominal cavity', use: 'Peritoneal Cavity' },
  { id: 1, kind: 'pcs-index', level: 0, title: 'Accessory cephalic vein' },
  { id: 2, kind: 'pcs-index', level: 1, parent: 1, title: '', use: 'Cephalic Vein, Right' },
  { id: 3, kind: 'pcs-index', level: 1, parent: 1, title: '', use: 'Cephalic Vein, Left' },
  { id: 4, kind: 'pcs-index', level: 0, title: 'Drainage' },
  { id: 5, kind: 'pcs-index', level: 1, parent: 4, title: 'Peritoneal Cavity', codes: '0W9G' },
];

const CODES: [string, string][] = [
  ['0W9G3ZZ', 'Drainage of Peritoneal Cavity, Percutaneous Approach'],
  ['0W9J3ZZ', 'Drainage of Pelvic Cavity, Percutaneous Approach'],
];

describe('ICD-10-PCS use terms', () => {
  it('lists each use term once with the words its values share, laterality left to the query', () => {
    assert.deepEqual(useTermTable(TERMS), [
      'abdominal cavity\tperitoneal cavity',
      'accessory cephalic vein\tcephalic vein',
    ]);
  });

  it('reads the words of a use term in the query as the value the index says to use', () => {
    const set = searchFixturePcs(CODES, TERMS);
    const [first] = search([buildSearchIndex(set)], 'drainage of abdominal cavity percutaneous');
    assert.equal(first?.code, '0W9G3ZZ');
    assert.match(first?.why ?? '', /abdominal cavity → use peritoneal cavity/);
  });
});
