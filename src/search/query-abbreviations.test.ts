import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  expandAbbreviations,
  expandTokens,
  QUERY_ABBREVIATION_SENSES,
  QUERY_ABBREVIATIONS,
  rewriteSymbols,
} from './query-abbreviations.ts';
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

  it('keeps every sense of ambiguous shorthand, the usual one first', () => {
    assert.deepEqual(QUERY_ABBREVIATION_SENSES.get('als'), [
      'amyotrophic lateral sclerosis',
      'advanced life support',
    ]);
    const words = (sense: number): string[] =>
      expandTokens([{ text: 'als', group: -1 }], sense).tokens.map((t) => t.text);
    assert.deepEqual(words(0), ['amyotrophic', 'lateral', 'sclerosis']);
    assert.deepEqual(words(1), ['advanced', 'life', 'support']);
    assert.equal(queryWords('als emergency transport').senses, 2);
    assert.equal(queryWords('copd exacerbation').senses, 1);
  });

  it('marks the words of one expansion as one group, with the shorthand and how many words were typed', () => {
    const { tokens } = queryWords('mrsa cellulitis');
    const mrsa = tokens.filter((t) => t.group >= 0);
    assert.deepEqual(
      mrsa.map((t) => t.text),
      ['methicillin', 'resistant', 'staphylococcus', 'aureus'],
    );
    assert.equal(new Set(mrsa.map((t) => t.group)).size, 1);
    assert.ok(mrsa.every((t) => t.from === 'mrsa' && t.typed === 1));
    assert.equal(tokens.find((t) => t.text === 'cellulitis')?.group, -1);
    assert.ok(queryWords('well child visit').tokens.some((t) => t.typed === 2));
  });

  it('keeps what the query rules out only as a marker word', () => {
    const { tokens } = queryWords('hypoglycemia without diabetes');
    assert.deepEqual(
      tokens.map((t) => t.text),
      ['hypoglycemia', 'without'],
    );
    assert.equal(tokens[1]?.marker, true);
  });
});
