import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokenizeNote } from '../text/note-tokens.ts';
import { neighbourCodes, noteVector, trainNeighbours } from './document-neighbours.ts';

describe('document neighbours', () => {
  const docs = [
    { tokens: tokenizeNote('Renal colic with hematuria and renal stone.'), codes: ['icd10cm|N23'] },
    { tokens: tokenizeNote('Renal stone causing renal colic.'), codes: ['icd10cm|N20'] },
    { tokens: tokenizeNote('Fever and cough with pneumonia.'), codes: ['icd10cm|J189'] },
    { tokens: tokenizeNote('Pneumonia with fever and hematuria.'), codes: ['icd10cm|J189'] },
  ];
  const data = trainNeighbours(docs);
  const index = new Map(data.codes.map((c, i) => [c, i]));

  it('a note gets the codes of the training documents that share its words, the most similar first', () => {
    const ev = neighbourCodes(
      data,
      noteVector(data, tokenizeNote('Renal stone and renal colic.')),
      undefined,
      2,
    );
    const n23 = ev.get(index.get('icd10cm|N23')!);
    const n20 = ev.get(index.get('icd10cm|N20')!);
    assert.ok(n23 && n20);
    assert.equal(ev.has(index.get('icd10cm|J189')!), false);
    assert.ok(Math.abs(n23.score + n20.score - 1) < 1e-9);
  });

  it('a training document is never its own neighbour (leave-one-out)', () => {
    const ev = neighbourCodes(data, noteVector(data, docs[0]!.tokens), 0);
    assert.equal(ev.has(index.get('icd10cm|N23')!), false);
    assert.ok(ev.has(index.get('icd10cm|N20')!));
  });
});
