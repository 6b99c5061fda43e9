import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMedcodeError } from '../../core/medcode-error.ts';
import { parseCodiEspJsonl } from './codiesp-reader.ts';

describe('parseCodiEspJsonl', () => {
  it('reads text and normalizes codes; evidence positions become fractions of the Spanish text, with its words', () => {
    const line = JSON.stringify({
      id: 'doc-1',
      text_en: 'Fever and cough.',
      text_es: 'Fiebre y tos....',
      icd10cm: ['R50.9', 'r05'],
      icd10pcs: ['BW03ZZZ'],
      evidence: [
        { type: 'diagnosis', code: 'R50.9', text_es: 'Fiebre', offsets_es: '0 6' },
        { code: 'R05', offsets_es: '8 11' },
      ],
    });
    const [doc] = parseCodiEspJsonl(`${line}\n\n`);
    assert.equal(doc!.text, 'Fever and cough.');
    assert.deepEqual(doc!.icd10cm, ['R509', 'R05']);
    assert.deepEqual(doc!.icd10pcs, ['BW03ZZZ']);
    assert.deepEqual(doc!.evidence, [
      { code: 'R509', at: 0, text: 'Fiebre' },
      { code: 'R05', at: 0.5, text: '' },
    ]);
  });

  it('a malformed line is reported with its line number', () => {
    assert.throws(
      () => parseCodiEspJsonl('{"id":"a","text_en":"x"}\n{oops\n', 'gold.jsonl'),
      (e: unknown) => isMedcodeError(e) && e.location?.line === 2 && e.location.file === 'gold.jsonl',
    );
  });

  it('a line without text is rejected with a hint', () => {
    assert.throws(
      () => parseCodiEspJsonl('{"id":"a"}\n'),
      (e: unknown) => isMedcodeError(e) && e.code === 'INVALID_INPUT',
    );
  });
});
