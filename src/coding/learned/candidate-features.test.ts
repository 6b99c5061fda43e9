import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AFFIRMED } from '../assertion/assertion-flags.ts';
import { tokenizeNote } from '../text/note-tokens.ts';
import type { Candidate } from './candidate-features.ts';
import { documentFeatures, FEATURE_NAMES, keyNumber } from './candidate-features.ts';

/** A dictionary candidate named by the tokens first..last (index phrases). */
function named(code: string, spans: [number, number][], loose = false): Candidate {
  return {
    code,
    system: 'icd10cm',
    key: `icd10cm|${code}`,
    keyNumber: keyNumber(`icd10cm|${code}`),
    association: undefined,
    neighbour: undefined,
    neighbourCategory: 0,
    categoryAssociation: 0,
    titleCoverage: 0,
    centroid: 0,
    mentions: spans.map(([first, last]) => ({
      first,
      last,
      flags: AFFIRMED,
      entry: { code, source: 'index', path: 'Index: test' },
      ...(loose ? { loose } : {}),
    })),
    prior: 0,
    known: true,
    refined: false,
    billable: true,
  };
}

describe('candidate features: a phrase inside a longer phrase of another code', () => {
  // "abdominal pain ... pain": tokens 0-1, then 4.
  const tokens = tokenizeNote('Abdominal pain, then pain again.');
  const subsumed = FEATURE_NAMES.indexOf('subsumedShare');
  const share = (candidates: Candidate[]): number[] =>
    documentFeatures(candidates, 100, tokens, () => 0, new Map()).map((row) => row[subsumed]!);

  it("the share of a code's mentions that sit inside another code's longer mention", () => {
    assert.deepEqual(
      share([
        named('R109', [[0, 1]]),
        named('R52', [
          [1, 1],
          [3, 3],
        ]),
      ]),
      [0, 0.5],
    );
  });
  it('a mention of the same length or of the same code does not count', () => {
    assert.deepEqual(share([named('R52', [[1, 1]]), named('G8929', [[1, 1]])]), [0, 0]);
    assert.deepEqual(
      share([
        named('R109', [
          [0, 1],
          [1, 1],
        ]),
      ]),
      [0],
    );
  });
  it('a loose match neither covers nor is covered', () => {
    assert.deepEqual(share([named('R109', [[0, 1]], true), named('R52', [[1, 1]])]), [0, 0]);
  });
});

describe('candidate features: more and less specific codes of the same category among the candidates', () => {
  const tokens = tokenizeNote('Abdominal pain.');
  const columns = ['descendantCandidate', 'ancestorCandidate'].map((n) => FEATURE_NAMES.indexOf(n as never));
  const related = (codes: string[]): number[][] =>
    documentFeatures(
      codes.map((c) => named(c, [[0, 1]])),
      100,
      tokens,
      () => 0,
      new Map(),
    ).map((row) => columns.map((k) => row[k]!));

  const CASES: readonly [string, string[], number[][]][] = [
    // R10 has children among the candidates; R10.9 and R10.13 have R10 above them (R10.1 is not a candidate).
    [
      'a category and two of its codes',
      ['R10', 'R109', 'R1013'],
      [
        [1, 0],
        [0, 1],
        [0, 1],
      ],
    ],
    // R10.1 is above R10.13 and below R10.
    [
      'three levels',
      ['R10', 'R101', 'R1013'],
      [
        [1, 0],
        [1, 1],
        [0, 1],
      ],
    ],
    // Siblings of one category are not above one another; a category's codes need not be side by side.
    [
      'siblings, and a category around another',
      ['R1013', 'R52', 'R109', 'R10'],
      [
        [0, 1],
        [0, 0],
        [0, 1],
        [1, 0],
      ],
    ],
    // Codes of other categories are not related, whatever their letters ("R1" is no category of "R10").
    [
      'other categories',
      ['R109', 'R52', 'K529'],
      [
        [0, 0],
        [0, 0],
        [0, 0],
      ],
    ],
  ];
  for (const [name, codes, expected] of CASES)
    it(name, () => {
      assert.deepEqual(related(codes), expected);
    });
});
