import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SPELLING_RULES, bridgeSpelling } from './spanish-spelling.ts';
import { SpellingTargets } from './spelling-targets.ts';

/** Spanish-shaped words of CodiEsp train English (or the rules' own examples) → the English word. */
const BRIDGED: readonly (readonly [string, string])[] = [
  ['pionephrosis', 'pyonephrosis'],
  ['blefarochalasia', 'blepharochalasis'],
  ['coriorretinitis', 'chorioretinitis'],
  ['criptorquidia', 'cryptorchidism'],
  ['esquistosomiasis', 'schistosomiasis'],
  ['hemiparesia', 'hemiparesis'],
  ['plagiocephalia', 'plagiocephaly'],
  ['miocardiopatia', 'myocardiopathy'],
  ['nefrectomia', 'nephrectomy'],
  ['esclerosis', 'sclerosis'],
  ['taquicardia', 'tachycardia'],
  ['hemorragia', 'hemorrhage'],
  ['oedema', 'edema'],
  ['haemorrhage', 'hemorrhage'],
  ['abscesse', 'abscess'],
  ['branche', 'branch'],
  ['leucocytosis', 'leukocytosis'],
  ['clorambucil', 'chlorambucil'],
  ['ortopnea', 'orthopnea'],
  ['diabetico', 'diabetic'],
  ['tachycardic', 'tachycardia'],
  ['hydronephrotic', 'hydronephrosis'],
  ['papilar', 'papillary'],
];

/** English words that no rule may turn into another word, with the word a looser match would have found. */
const UNMAPPED: readonly (readonly [string, string])[] = [
  ['performed', 'perforated'],
  ['cooked', 'choked'],
  ['marking', 'marching'],
  ['quarter', 'carter'],
  ['trough', 'through'],
  ['wedding', 'weeding'],
  ['attach', 'attack'],
  ['grenada', 'grenade'],
  ['paterno', 'pattern'],
  ['blando', 'bland'],
  ['submucosa', 'submucous'],
  ['showed', 'shower'],
  ['tympanitic', 'tympanitis'],
  ['torque', 'torch'],
  ['fabric', 'fabry'],
  // Short words are left alone whatever their spelling.
  ['fisis', 'physis'],
];

const known = (words: Iterable<string>): SpellingTargets => new SpellingTargets(words);

describe('bridgeSpelling', () => {
  const dictionary = known([...BRIDGED.map(([, to]) => to), ...UNMAPPED.map(([, near]) => near)]);

  for (const [word, english] of BRIDGED) {
    it(`bridges ${word} to ${english}`, () => {
      assert.equal(bridgeSpelling(word, dictionary), english);
    });
  }

  for (const [word, near] of UNMAPPED) {
    it(`leaves ${word} alone (not ${near})`, () => {
      assert.equal(bridgeSpelling(word, dictionary), undefined);
    });
  }

  it('never bridges to a stopword or a word under five letters', () => {
    assert.equal(bridgeSpelling('therre', known(['there'])), undefined, 'rr → r gives the stopword "there"');
    assert.equal(bridgeSpelling('moolla', known(['mola'])), undefined, 'oo → o, ll → l give "mola"');
    assert.equal(bridgeSpelling('moolla', known(['molla'])), 'molla');
  });

  it('takes the first rewrite in rule order when several are words', () => {
    // Both are one rewrite away; the ending "-patia" → "-pathy" comes before "t" → "th" in the rule list.
    assert.equal(bridgeSpelling('cardiopatia', known(['cardiopathy', 'cardiopathia'])), 'cardiopathy');
    assert.equal(bridgeSpelling('cardiopatia', known(['cardiopathia'])), 'cardiopathia');
  });

  it('takes the fewest rewrites', () => {
    // f → ph and i → y give "pyelonephritis"; "pielonephritis" is one rewrite.
    assert.equal(
      bridgeSpelling('pielonefritis', known(['pyelonephritis', 'pielonephritis'])),
      'pielonephritis',
    );
    assert.equal(bridgeSpelling('pielonefritis', known(['pyelonephritis'])), 'pyelonephritis');
  });

  it('rewrites at most three times', () => {
    // i → y, t → th, i → y and -ismo → -ism: four.
    assert.equal(bridgeSpelling('hipotiroidismo', known(['hypothyroidism'])), undefined);
    assert.equal(bridgeSpelling('hipothiroidism', known(['hypothyroidism'])), 'hypothyroidism');
  });

  it('never rewrites the last letter alone, and an ending only at the end', () => {
    assert.equal(bridgeSpelling('trigemini', known(['trigeminy'])), undefined);
    assert.equal(bridgeSpelling('ectomiaxx', known(['ectomyxx'])), undefined);
  });
});

describe('SPELLING_RULES', () => {
  it('every rule rewrites something (its from and to differ, both lower-case letters)', () => {
    for (const r of SPELLING_RULES) {
      assert.match(r.from, /^[a-z]+$/);
      assert.match(r.to, /^[a-z]*$/);
      assert.notEqual(r.from, r.to);
    }
  });
});
