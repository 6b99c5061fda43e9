import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { miniCmCodeSet } from '../../../test/fixtures/coding/mini-code-set.ts';
import { tokenizeNote } from '../text/note-tokens.ts';
import type { Candidate } from './candidate-features.ts';
import { codePrecision, FEATURE_NAMES } from './candidate-features.ts';
import { predictBoostedTrees, trainBoostedTrees } from './boosted-trees.ts';
import type { TreeNode } from './boosted-trees.ts';
import { predictLogistic, trainLogistic } from './logistic-regression.ts';
import { associate, ownCounts, trainPhraseAssociations } from './phrase-associations.ts';
import { rerankerConfidence } from './reranker-confidence.ts';
import {
  acceptanceThreshold,
  earnedCode,
  fillCodePrecision,
  fitReranker,
  noteWordsOf,
  shuffled,
} from './train-model.ts';
import type { Row, Scored } from './train-model.ts';

/** A deterministic grid of points in [0, 1]^2. */
const GRID = Array.from({ length: 400 }, (_, i) => [(i % 20) / 19, Math.floor(i / 20) / 19]);

describe('logistic regression', () => {
  it('separates a linearly separable rule', () => {
    const labels = GRID.map(([x, y]) => (x! + y! > 1 ? 1 : 0));
    const m = trainLogistic(GRID, labels, { iterations: 500 });
    assert.ok(predictLogistic(m, [0.9, 0.9]) > 0.8);
    assert.ok(predictLogistic(m, [0.1, 0.1]) < 0.2);
  });
});

describe('boosted trees', () => {
  it('learn an interaction a linear model cannot', () => {
    const rule = (x: number, y: number): number => (x > 0.5 !== y > 0.7 ? 1 : 0);
    const labels = GRID.map(([x, y]) => rule(x!, y!));
    const accuracy = (p: (row: number[]) => number): number =>
      GRID.filter((row, i) => (p(row) >= 0.5 ? 1 : 0) === labels[i]).length / GRID.length;
    const trees = trainBoostedTrees(GRID, labels, { rounds: 60 });
    const linear = trainLogistic(GRID, labels, { iterations: 500 });
    assert.ok(accuracy((r) => predictBoostedTrees(trees, r)) > 0.95);
    assert.ok(accuracy((r) => predictLogistic(linear, r)) < 0.8);
  });
});

describe('boosted trees prediction', () => {
  // The trees as trained (objects), walked plainly: what the flattened walk must equal.
  const walk = (node: TreeNode, row: readonly number[]): number => {
    let n = node;
    while (typeof n !== 'number') n = row[n.f]! <= n.t ? n.l : n.r;
    return n;
  };
  const labels = GRID.map(([x, y]) => (Math.sin(6 * x!) > y! ? 1 : 0));
  for (const depth of [2, 3, 4, 5]) {
    it(`depth ${depth}: the flat walk scores every row as the trees do`, () => {
      const model = trainBoostedTrees(GRID, labels, { rounds: 20, depth });
      for (const row of GRID) {
        const z = model.trees.reduce<number>((sum, tree) => sum + walk(tree, row), model.base);
        assert.ok(Math.abs(predictBoostedTrees(model, row) - 1 / (1 + Math.exp(-z))) < 1e-12);
      }
    });
  }
});

describe('the reranker of each system', () => {
  const depthOf = (node: TreeNode): number =>
    typeof node === 'number' ? 0 : 1 + Math.max(depthOf(node.l), depthOf(node.r));
  // A rule no shallow tree fits, so every tree grows as deep as it may.
  const labels = GRID.map(([x, y]) => (Math.sin(9 * x!) * Math.cos(7 * y!) > 0 ? 1 : 0));
  const rows = GRID.map((features, i) => ({ features, label: labels[i]! }) as unknown as Row);
  it('diagnoses: trees of depth 4; procedures: depth 3', () => {
    const deepest = (system: 'icd10cm' | 'icd10pcs'): number =>
      Math.max(...fitReranker(rows, 'trees', system).trees!.trees.map(depthOf));
    assert.equal(deepest('icd10cm'), 4);
    assert.equal(deepest('icd10pcs'), 3);
  });
});

describe('reranker confidence', () => {
  // The trees learn the interaction; the logistic model cannot, so the kinds disagree where it matters.
  const rule = (x: number, y: number): number => (x > 0.5 !== y > 0.7 ? 1 : 0);
  const labels = GRID.map(([x, y]) => rule(x!, y!));
  const trees = trainBoostedTrees(GRID, labels, { rounds: 60 });
  const logistic = trainLogistic(GRID, labels, { iterations: 500 });
  const row = [0.9, 0.1];

  it('trees: the trees decide where the logistic model is not near zero', () => {
    assert.equal(rerankerConfidence('trees', logistic, trees, row), predictBoostedTrees(trees, row));
  });

  it('logistic: the trees are ignored', () => {
    assert.equal(rerankerConfidence('logistic', logistic, trees, row), predictLogistic(logistic, row));
  });

  it('blend: the mean of both', () => {
    const both = (predictBoostedTrees(trees, row) + predictLogistic(logistic, row)) / 2;
    assert.equal(rerankerConfidence('blend', logistic, trees, row), both);
  });

  it('trees: a candidate the logistic model puts near zero keeps half its logistic score', () => {
    const sure = trainLogistic(
      GRID,
      GRID.map(([x]) => (x! > 0.5 ? 1 : 0)),
      { iterations: 500 },
    );
    const p = predictLogistic(sure, [0, 0]);
    assert.ok(p < 0.02);
    assert.equal(rerankerConfidence('trees', sure, trees, [0, 0]), p / 2);
  });
});

describe('phrase associations', () => {
  const docs = [
    { tokens: tokenizeNote('Fever and renal colic.'), codes: ['icd10cm|R509', 'icd10cm|N23'] },
    { tokens: tokenizeNote('Renal colic again.'), codes: ['icd10cm|N23'] },
    { tokens: tokenizeNote('Fever only.'), codes: ['icd10cm|R509'] },
  ];
  const data = trainPhraseAssociations(docs);

  it('a phrase seen with a code in training points to it in a new note', () => {
    const ev = associate(data, tokenizeNote('She had renal colic.'));
    // "renal colic": df 2, both with N23 -> 2 / (2 + 1)
    assert.equal(ev.get('icd10cm|N23')?.best, 2 / 3);
  });

  it('leave-one-out removes a training document own contribution', () => {
    const own = ownCounts(docs[1]!);
    const ev = associate(data, docs[1]!.tokens, own);
    // without document 2, "renal colic" has df 1 and N23 once -> 1 / (1 + 1)
    assert.equal(ev.get('icd10cm|N23')?.best, 1 / 2);
  });
});

describe('the specific association: the longest phrase around the best one', () => {
  // "disease" alone goes with R69 (as CodiEsp codes "enfermedad"); "known heart disease" never does.
  const docs = [
    ...Array.from({ length: 4 }, () => ({
      tokens: tokenizeNote('The disease progressed.'),
      codes: ['icd10cm|R69'],
    })),
    ...Array.from({ length: 4 }, () => ({
      tokens: tokenizeNote('Known heart disease.'),
      codes: ['icd10cm|I519'],
    })),
  ];
  const data = trainPhraseAssociations(docs);
  const r69 = (text: string) => associate(data, tokenizeNote(text)).get('icd10cm|R69')!;

  it('a longer phrase that never went with the code says so', () => {
    const ev = r69('Known heart disease.');
    // "disease": df 8, R69 in 4 -> 4 / 9; "known heart disease": df 4, R69 never.
    assert.equal(ev.best, 4 / 9);
    assert.equal(ev.specific, 0);
  });

  it('an occurrence no longer phrase covers keeps the best association', () => {
    const ev = r69('His disease was severe.');
    assert.equal(ev.specific, ev.best);
  });

  it('the best over the occurrences: one standalone mention is enough', () => {
    const ev = r69('Known heart disease. The disease was severe.');
    assert.equal(ev.best, 4 / 9);
    assert.equal(ev.specific, 4 / 9);
  });

  it('the least and the mean over the occurrences tell a mixed note from a standalone one', () => {
    const mixed = r69('Known heart disease. The disease was severe. Heart disease again.');
    // Readings: 0 ("known heart disease"), 4/9 ("disease"), 0 ("heart disease": df 4, R69 never).
    assert.equal(mixed.specific, 4 / 9);
    assert.equal(mixed.specificMin, 0);
    assert.equal(mixed.specificMean, 4 / 9 / 3);
    const alone = r69('The disease was severe. His disease progressed.');
    assert.equal(alone.specificMin, alone.best);
    assert.equal(alone.specificMean, alone.best);
  });

  it('leave-one-out: the longer phrase is read without the document own counts', () => {
    const own = ownCounts(docs[4]!);
    assert.equal(associate(data, docs[4]!.tokens, own).get('icd10cm|R69')?.specific, 0);
  });
});

describe('the acceptance threshold: half the best held-out F1', () => {
  const row = (p: number, correct: boolean, earns: string): Scored => ({ p, correct, earns });
  it('is half the best F1 over cut-offs, with the F1 at that threshold', () => {
    // Cut after 4 of 5 rows (3 of 4 gold found): F1 6/8 = 0.75, the best; the threshold is 0.375.
    const scored = [
      row(0.9, true, 'a'),
      row(0.8, false, 'b'),
      row(0.6, true, 'c'),
      row(0.4, true, 'd'),
      row(0.2, false, 'e'),
    ];
    assert.deepEqual(acceptanceThreshold(scored, 4), { p: 0.375, f1: 0.75 });
  });
  it('the F1 reported is the one at the threshold, not the best one', () => {
    // Best F1 2/3 after the first row (gold 2); the threshold 1/3 also takes the false 0.5: F1 2/(2+2) = 0.5.
    const scored = [row(0.95, true, 'a'), row(0.5, false, 'b'), row(0.1, false, 'c')];
    const accept = acceptanceThreshold(scored, 2);
    assert.equal(accept.p, 1 / 3);
    assert.equal(accept.f1, 0.5);
  });
  it('a row whose aligned code a better row already earned counts once', () => {
    // Without the repeat: 2 of 2 gold in 2 rows, F1 1, threshold 0.5; counted twice it would be 0.8 and 0.4.
    const scored = [row(0.9, true, 'x'), row(0.85, true, 'x'), row(0.7, true, 'y')];
    assert.deepEqual(acceptanceThreshold(scored, 2), { p: 0.5, f1: 1 });
  });
});

describe('earnedCode: candidates scored as the engine emits them', () => {
  const cm = miniCmCodeSet();
  const candidate = (code: string): Candidate =>
    ({ code, system: 'icd10cm', key: `icd10cm|${code}` }) as Candidate;
  const words = noteWordsOf(tokenizeNote('Closed fracture of the right wrist.'));
  it('a header and its completed code earn one code when the gold has neither (one false positive, not two)', () => {
    const gold = new Set(['R52']);
    assert.equal(earnedCode(candidate('S62101'), gold, cm, words), 'S62101A');
    assert.equal(earnedCode(candidate('S62101A'), gold, cm, words), 'S62101A');
  });
  it('both earn a gold code that omits the 7th character', () => {
    const gold = new Set(['S62101']);
    assert.equal(earnedCode(candidate('S62101'), gold, cm, words), 'S62101');
    assert.equal(earnedCode(candidate('S62101A'), gold, cm, words), 'S62101');
  });
  it('the 7th character follows the note ("subsequent" is D)', () => {
    const later = noteWordsOf(tokenizeNote('Subsequent encounter for the wrist fracture.'));
    assert.equal(earnedCode(candidate('S62101'), new Set(), cm, later), 'S62101D');
  });
  it('a code without 7th characters is aligned as it is', () => {
    assert.equal(earnedCode(candidate('R52'), new Set(['R52']), cm, words), 'R52');
  });
});

describe('cross-fitted rows', () => {
  it('shuffles reports the same way for the same seed, and not at all for seed 0', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    assert.deepEqual(shuffled(items, 0), items);
    const once = shuffled(items, 1001);
    assert.deepEqual(shuffled(items, 1001), once);
    assert.notDeepEqual(once, items);
    assert.deepEqual(
      [...once].sort((a, b) => a - b),
      items,
    );
  });
  it("fills code precision from the other folds of the row's own cross-fitting; the model keeps the first's counts", () => {
    const width = FEATURE_NAMES.length;
    const row = (fit: number, fold: number, label: number): Row => ({
      doc: fold,
      fit,
      fold,
      key: 'icd10cm|R52',
      aligned: 'R52',
      system: 'icd10cm',
      features: new Array<number>(width).fill(0),
      label,
    });
    // First cross-fitting: gold in folds 0 and 1, not in 2. Second: gold only in fold 2.
    const rows = [row(0, 0, 1), row(0, 1, 1), row(0, 2, 0), row(1, 0, 0), row(1, 1, 0), row(1, 2, 1)];
    const { codeStats, baseRates } = fillCodePrecision(rows);
    assert.deepEqual(codeStats['icd10cm|R52'], [2, 3]);
    assert.equal(baseRates.icd10cm, 2 / 3);
    const column = FEATURE_NAMES.indexOf('codePrecision');
    // Fold 2 of the first: the other folds were gold twice in two candidacies.
    assert.equal(rows[2]!.features[column], codePrecision(2, 2, 2 / 3));
    // Fold 2 of the second: the other folds of the second, never gold.
    assert.equal(rows[5]!.features[column], codePrecision(0, 2, 1 / 3));
  });
});
