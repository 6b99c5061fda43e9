import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandAbbreviations, QUERY_ABBREVIATIONS, rewriteSymbols } from './query-abbreviations.ts';
import { queryWords } from './query-parser.ts';
import { STOP_WORDS } from './text-normalizer.ts';

describe('query abbreviations', () => {
  it('expands the shorthand coders type into the words of the release', () => {
    const table: [string, string][] = [
      ['copd', 'chronic obstructive pulmonary disease'],
      ['chf', 'congestive heart failure'],
      ['htn', 'hypertension'],
      ['t2dm', 'type 2 diabetes mellitus'],
      ['aki', 'acute kidney failure'],
      ['uti', 'urinary tract infection'],
      ['gerd', 'gastro esophageal reflux disease'],
      ['nstemi', 'non st elevation nstemi myocardial infarction'],
      ['afib', 'atrial fibrillation'],
      ['a fib', 'atrial fibrillation'],
      ['fx', 'fracture'],
      ['hx', 'history'],
      ['init', 'initial'],
      ['subs', 'subsequent'],
      ['seq', 'sequela'],
      ['l', 'left'],
      ['rt', 'right'],
      ['bilat', 'bilateral'],
      ['ckd', 'chronic kidney disease'],
      ['esrd', 'end stage renal disease'],
      ['dvt', 'deep vein thrombosis'],
      ['tia', 'transient ischemic attack'],
      ['osa', 'obstructive sleep apnea'],
      ['mdd', 'major depressive disorder'],
      ['lap chole', 'laparoscopic cholecystectomy'],
      ['egd', 'esophagogastroduodenoscopy'],
      ['od', 'poisoning'],
      ['mets', 'secondary malignant neoplasm'],
    ];
    for (const [key, expansion] of table) assert.equal(QUERY_ABBREVIATIONS.get(key), expansion, key);
  });

  it('holds several hundred entries, each with normalized one- or two-word keys that change the words', () => {
    assert.ok(QUERY_ABBREVIATIONS.size >= 300, `only ${QUERY_ABBREVIATIONS.size} entries`);
    for (const [key, expansion] of QUERY_ABBREVIATIONS) {
      assert.match(key, /^[a-z0-9]+( [a-z0-9]+)?$/, key);
      assert.notEqual(expansion.trim(), '', key);
      assert.notEqual(expansion, key, key);
      assert.ok(!STOP_WORDS.has(key), `${key} is a stop word`);
    }
  });

  it('leaves out English words and roman numerals that would hijack ordinary queries', () => {
    for (const word of ['a', 'all', 'as', 'it', 'is', 'add', 'hit', 'cap', 'us', 'the', 'in', 'iv']) {
      assert.equal(QUERY_ABBREVIATIONS.has(word), false, word);
    }
  });

  it('rewrites slash shorthand before splitting words', () => {
    assert.match(rewriteSymbols('gerd w/o esophagitis'), /without/);
    assert.match(rewriteSymbols('copd w/ exacerbation'), /with/);
    assert.match(rewriteSymbols('s/p cabg'), /status post/);
    assert.match(rewriteSymbols('h/o mi'), /history of/);
  });

  it('prefers a two-word key to its first word and says what it expanded', () => {
    const out = expandAbbreviations(['a', 'fib']);
    assert.deepEqual(out.words, ['atrial', 'fibrillation']);
    assert.deepEqual(out.expanded, ['a fib → atrial fibrillation']);
  });

  it('expands a whole coder query', () => {
    assert.deepEqual(queryWords('T2DM w CKD 3b').words, [
      'type',
      '2',
      'diabetes',
      'mellitus',
      'with',
      'chronic',
      'kidney',
      'disease',
      '3b',
    ]);
    assert.deepEqual(queryWords('fx L distal radius init').words, [
      'fracture',
      'left',
      'distal',
      'radius',
      'initial',
    ]);
    assert.deepEqual(queryWords('lap chole').words, [
      'percutaneous',
      'endoscopic',
      'resection',
      'gallbladder',
    ]);
  });
});
