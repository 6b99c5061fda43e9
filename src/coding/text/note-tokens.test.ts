import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldToken, tokenIds, tokenizeNote } from './note-tokens.ts';
import { internWord, wordId } from './token-vocabulary.ts';

/** The token definition the scanner implements, written as the regex it replaced. */
function reference(text: string): { norm: string[]; start: number[]; end: number[]; sentence: number[] } {
  const out = { norm: [] as string[], start: [] as number[], end: [] as number[], sentence: [] as number[] };
  const word = /[A-Za-z0-9]+|[\n.;:]/g;
  let sentence = 0;
  let pending = false;
  for (let m = word.exec(text); m !== null; m = word.exec(text)) {
    const t = m[0];
    if (t === '\n' || t === ';') {
      pending = true;
      continue;
    }
    if (t === '.' || t === ':') {
      const next = text.charCodeAt(m.index + 1);
      if (next === 32 || next === 10 || Number.isNaN(next)) pending = true;
      continue;
    }
    if (pending && out.norm.length > 0) sentence++;
    pending = false;
    const lower = t.toLowerCase();
    const folded =
      lower.length > 4 && lower.endsWith('s') && !/(ss|us|is)$/.test(lower)
        ? lower.endsWith('ies')
          ? `${lower.slice(0, -3)}y`
          : lower.slice(0, -1)
        : lower;
    out.norm.push(folded);
    out.start.push(m.index);
    out.end.push(m.index + t.length);
    out.sentence.push(sentence);
  }
  return out;
}

describe('tokenizeNote', () => {
  const notes = [
    '',
    'Fever.',
    'HISTORY: Denies chest pains; no diabetes.\nAssessment: Type 2 DM, HTN.',
    'Pt. is 45 y.o. with 3.5 cm mass:left lung.Biopsies pending',
    'Café-au-lait spots — naïve patient, ¿dolor? x2 doses, 10mg/kg',
    'Rules:\r\nno ARRHYTHMIAS:  bronchiectasis, crisis, stenosis, caries, bodies, flies',
    'trailing colon:',
  ];
  for (const note of notes) {
    it(`agrees with the regex token definition on ${JSON.stringify(note.slice(0, 24))}`, () => {
      const t = tokenizeNote(note);
      const r = reference(note);
      assert.deepEqual({ norm: t.norm, start: [...t.start], end: [...t.end], sentence: [...t.sentence] }, r);
      assert.equal(t.sentenceCount, r.norm.length === 0 ? 0 : r.sentence.at(-1)! + 1);
    });
  }

  it('gives words the vocabulary knows their id and agrees with the regex definition on them', () => {
    for (const w of ['nodule', 'biopsy', 'diabete', 'arrhythmia', 'abscess', 'x2', 'ies']) internWord(w);
    const note = 'NODULES; Biopsies of abscess, Diabetes x2. ARRHYTHMIAS nodule ies iess biopsy';
    const t = tokenizeNote(note);
    assert.deepEqual(t.norm, reference(note).norm);
    assert.deepEqual([...t.ids], t.norm.map(wordId));
    assert.deepEqual([...tokenIds(t)], [...t.ids]);
    assert.ok(t.ids.every((id, i) => id >= 0 || t.norm[i] === 'iess'));
  });

  it('breaks sentences at line breaks, semicolons and a period before a space', () => {
    assert.deepEqual([...tokenizeNote('a b. c;d\ne 3.5 f').sentence], [0, 0, 1, 2, 3, 3, 3, 3]);
  });
});

describe('foldToken', () => {
  const cases: readonly (readonly [string, string])[] = [
    ['nodules', 'nodule'],
    ['biopsies', 'biopsy'],
    ['stenosis', 'stenosis'],
    ['abscess', 'abscess'],
    ['bronchus', 'bronchus'],
    ['legs', 'legs'],
    ['series', 'sery'],
  ];
  for (const [word, folded] of cases) {
    it(`folds "${word}" to "${folded}"`, () => assert.equal(foldToken(word), folded));
  }
});
