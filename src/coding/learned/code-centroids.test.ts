import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokenizeNote } from '../text/note-tokens.ts';
import { centroidSimilarities } from './code-centroids.ts';
import { trainCentroids } from './code-centroids.ts';
import { noteVector, trainingVector, trainNeighbours } from './document-neighbours.ts';

describe('code prototypes', () => {
  // Fifteen unrelated reports keep the disease words under the neighbour vocabulary's document-frequency cap
  // (a word in more than a fifth of the documents is left out).
  const filler = [
    'Routine dental cleaning.',
    'Sprained ankle after football.',
    'Seasonal allergies in spring.',
    'Migraine with aura at night.',
    'Eczema on both hands.',
    'Insomnia during shift work.',
    'Tinnitus since a concert.',
    'Heartburn after large meals.',
    'Warts on the fingers.',
    'Dandruff and itchy scalp.',
    'Nosebleed in dry weather.',
    'Hiccups after soda.',
    'Blister from new shoes.',
    'Sunburn on the shoulders.',
    'Splinter in the thumb.',
  ];
  const texts = [
    'Renal colic with hematuria, renal stone.',
    'Renal stone causing renal colic.',
    'Stone in the left ureter with colic.',
    'Renal colic and a renal stone again.',
    'Fever and cough with pneumonia.',
    'Pneumonia with fever and hematuria.',
    'Cough, fever, pneumonia of the lower lobe.',
    ...filler,
  ];
  const codes = texts.map((_, i) => [i < 4 ? 'icd10cm|N23' : i < 7 ? 'icd10cm|J189' : 'icd10cm|Z000']);
  const neighbours = trainNeighbours(texts.map((t, i) => ({ tokens: tokenizeNote(t), codes: codes[i]! })));
  const n23 = neighbours.codes.indexOf('icd10cm|N23');
  const j189 = neighbours.codes.indexOf('icd10cm|J189');
  const data = trainCentroids(neighbours);

  it('a note is closer to the prototype of the code its words belong to', () => {
    const sims = centroidSimilarities(data, noteVector(neighbours, tokenizeNote('renal stone')));
    assert.ok((sims.get(n23) ?? 0) > (sims.get(j189) ?? 0));
  });

  it('a prototype built without a document does not know its words', () => {
    const v = trainingVector(neighbours, 0);
    const all = centroidSimilarities(data, v).get(n23)!;
    const without = centroidSimilarities(
      trainCentroids(neighbours, (d) => d !== 0),
      v,
    ).get(n23)!;
    assert.ok(without < all);
  });
});
