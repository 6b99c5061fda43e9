import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokenizeNote } from '../text/note-tokens.ts';
import { conceptsOf, triggerPositions, triggerTable, windowOf } from './pcs-body-parts.ts';

describe('PCS body parts as a note names them', () => {
  it('finds the trigger words of a note by vocabulary id, words never seen before included', () => {
    const table = triggerTable(['biopsy', 'zqxbiopsyword']);
    const tokens = tokenizeNote('A biopsy, then another zqxbiopsyword and a scan.');
    assert.deepEqual(
      triggerPositions(tokens, table).map((i) => tokens.norm[i]),
      ['biopsy', 'zqxbiopsyword'],
    );
  });

  const CONCEPTS: readonly (readonly [string, readonly string[]])[] = [
    ['abdominal', ['abdomen']],
    ['thoracoabdominal', ['chest', 'abdomen']],
    ['gastric', ['stomach']],
    ['liver', ['liver']],
  ];
  for (const [word, expected] of CONCEPTS) {
    it(`"${word}" names ${expected.join(' and ')}`, () => assert.deepEqual(conceptsOf(word), expected));
  }

  it('looks back past the words of the procedure name, not past another modality', () => {
    const tokens = tokenizeNote('Cerebral MRI and abdominal computed axial tomography CT.');
    const i = tokens.norm.indexOf('ct');
    const free = new Set(['computed', 'axial', 'tomography']);
    const w = windowOf(tokens.norm, tokens.sentence, i, { free, stop: new Set(['mri']) });
    assert.deepEqual(tokens.norm.slice(w.first, i), ['and', 'abdominal', 'computed', 'axial', 'tomography']);
  });
});
