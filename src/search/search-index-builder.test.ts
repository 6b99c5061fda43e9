import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { searchFixturePcs } from '../../test/fixtures/search/search-code-sets.ts';
import { search } from './search.ts';
import { buildSearchIndex, titleParts } from './search-index-builder.ts';

describe('search index builder', () => {
  it('makes the episode of care and the PCS approach optional words of a title', () => {
    const table: [string, string, RegExp][] = [
      ['Resection of Tonsils, External Approach', 'Resection of Tonsils', /External Approach/],
      [
        'Drainage of Spinal Canal, Percutaneous Approach, Diagnostic',
        'Drainage of Spinal Canal, Diagnostic',
        /Percutaneous Approach/,
      ],
      [
        'Sprain of unspecified ligament of right ankle, initial encounter',
        'Sprain of unspecified ligament of right ankle',
        /initial encounter/,
      ],
      ['Open wound of right hand', 'Open wound of right hand', /^\s*$/],
    ];
    for (const [title, text, optional] of table) {
      const parts = titleParts(title);
      assert.equal(parts.text.trim(), text, title);
      assert.match(parts.optional, optional, title);
    }
  });

  it('offers the least invasive PCS approach first when the query names none, and the one named when it does', () => {
    const index = buildSearchIndex(
      searchFixturePcs([
        ['0CTP0ZZ', 'Resection of Tonsils, Open Approach'],
        ['0CTPXZZ', 'Resection of Tonsils, External Approach'],
      ]),
    );
    assert.equal(search([index], 'resection of tonsils')[0]?.code, '0CTPXZZ');
    assert.equal(search([index], 'open resection of tonsils')[0]?.code, '0CTP0ZZ');
  });
});
