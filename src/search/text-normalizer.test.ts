import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeText, splitWords, stem } from './text-normalizer.ts';

describe('text normalizer', () => {
  it('folds case, accents, possessives and punctuation', () => {
    assert.equal(normalizeText("Sjögren's  Syndrome, (NOS)"), 'sjogren syndrome nos');
    assert.deepEqual(splitWords('Gastro-esophageal reflux'), ['gastro', 'esophageal', 'reflux']);
    assert.deepEqual(splitWords(' \t '), []);
  });

  it('folds plurals, British spellings and adjective forms to one stem', () => {
    const same: [string, string][] = [
      ['fractures', 'fracture'],
      ['injuries', 'injury'],
      ['abscesses', 'abscess'],
      ['diabetic', 'diabetes'],
      ['anemic', 'anemia'],
      ['anaemia', 'anemia'],
      ['oedema', 'edema'],
      ['asthmatic', 'asthma'],
      ['urinary', 'urine'],
      ['pleural', 'pleura'],
      ['ovarian', 'ovary'],
      ['pneumonias', 'pneumonia'],
      ['ii', '2'],
      ['wheeled', 'wheels'],
      ['displaced', 'displace'],
      ['venous', 'vein'],
      ['arterial', 'artery'],
    ];
    for (const [a, b] of same) assert.equal(stem(a), stem(b), `${a} / ${b}`);
  });

  it('keeps apart words that mean different things', () => {
    const apart: [string, string][] = [
      ['appendicitis', 'appendix'],
      ['secondary', 'second'],
      ['hepatitis', 'hepatic'],
      ['diagnosis', 'diagnose'],
    ];
    for (const [a, b] of apart) assert.notEqual(stem(a), stem(b), `${a} / ${b}`);
  });

  it('leaves short words and words with digits alone', () => {
    for (const w of ['hip', 'rib', 'bed', 'red', 'bleed', 't2dm', '3b', 'covid19']) assert.equal(stem(w), w);
  });
});
