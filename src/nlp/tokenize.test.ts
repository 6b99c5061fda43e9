import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { tokenize } from './tokenize.ts';

function norms(text: string): string[] {
  return tokenize(text).map((t) => t.norm);
}

describe('tokenize', () => {
  const CASES: readonly (readonly [string, readonly string[]])[] = [
    ['h/o CHF', ['h/o', 'chf']],
    ['w/o edema, w/ fever, w/fever', ['w/o', 'edema', ',', 'w/', 'fever', ',', 'w/', 'fever']],
    ['s/p CABG x3', ['s/p', 'cabg', 'x3']],
    ['c/o N/V, b/l LE edema', ['c/o', 'n/v', ',', 'b/l', 'le', 'edema']],
    ['and/or', ['and', '/', 'or']],
    ['+2 pulses', ['+', '2', 'pulses']],
    ['23-year-old non-small-cell', ['23-year-old', 'non-small-cell']],
    ["doesn't, patient's", ['does', "n't", ',', 'patient', "'s"]],
    ['e.g. b.i.d. p.o.', ['e.g.', 'b.i.d.', 'p.o.']],
    [
      '2.5 mg, 1,000 units, BP 124/78 at 10:30.',
      ['2.5', 'mg', ',', '1,000', 'units', ',', 'bp', '124/78', 'at', '10:30', '.'],
    ],
    ['T2DM 5mg', ['t2dm', '5mg']],
    ['SUBJECTIVE:,  This', ['subjective', ':', ',', 'this']],
    ['Café au lait', ['café', 'au', 'lait']],
  ];
  for (const [text, expected] of CASES) {
    test(`"${text}"`, () => assert.deepEqual(norms(text), expected));
  }

  test('offsets point into the original text', () => {
    const text = 'Pt has  h/o CHF,\r\n  s/p CABG.';
    for (const t of tokenize(text)) {
      if (t.kind !== 'newline') assert.equal(text.slice(t.start, t.end).toLowerCase(), t.norm);
    }
  });

  test('kinds: word, number, punct, newline', () => {
    assert.deepEqual(
      tokenize('Fever 38.5.\n\nOk').map((t) => t.kind),
      ['word', 'number', 'punct', 'newline', 'word'],
    );
  });

  test('NUL bytes and replacement characters are spacing', () => {
    assert.deepEqual(norms('chest\u0000pain \uFFFD\uFFFD cough'), ['chest', 'pain', 'cough']);
  });
});
