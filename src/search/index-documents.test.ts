import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IndexTerm } from '../terminology/model.ts';
import { indexDocuments } from './index-documents.ts';

const terms: IndexTerm[] = [
  { id: 0, kind: 'index', level: 0, title: 'Elevated, elevation' },
  { id: 1, kind: 'index', level: 1, parent: 0, title: 'blood pressure', seeAlso: 'Hypertension' },
  { id: 2, kind: 'index', level: 2, parent: 1, title: 'reading', code: 'R030', seeAlso: 'Hypertension' },
  { id: 3, kind: 'index', level: 0, title: 'Hypertension, hypertensive', code: 'I10' },
  { id: 4, kind: 'index', level: 0, title: 'Hyperpiesis', see: 'Hypertension' },
];

describe('index documents', () => {
  it('follows "see also" to the code it names, besides the term’s own code, without the target’s words', () => {
    const docs = [...indexDocuments(terms, 'index')];
    const reading = docs.filter((d) => d.text.includes('reading'));
    assert.deepEqual(
      reading.map((d) => [d.target, d.kind]),
      [
        ['R030', 'index'],
        ['I10', 'see'],
      ],
    );
    assert.match(reading[1]!.label ?? '', /see also Hypertension/);
    assert.doesNotMatch(reading[1]!.optional, /Hypertension/);
  });

  it('follows "see" in place of a code, with the target’s words optional', () => {
    const see = [...indexDocuments(terms, 'index')].find((d) => d.text === 'Hyperpiesis');
    assert.equal(see?.target, 'I10');
    assert.match(see?.optional ?? '', /Hypertension/);
  });

  it('attaches the terms the release nests under a "Note:" to the term the note follows', () => {
    const failure: IndexTerm[] = [
      { id: 10, kind: 'index', level: 0, title: 'Failure, failed' },
      { id: 11, kind: 'index', level: 1, parent: 10, title: 'heart', code: 'I509' },
      { id: 12, kind: 'index', level: 2, parent: 11, title: 'diastolic', code: 'I5030' },
      {
        id: 13,
        kind: 'index',
        level: 1,
        parent: 10,
        title: 'Note: heart failure stages A, B, C, and D are based on ...',
      },
      { id: 14, kind: 'index', level: 2, parent: 13, title: 'systolic', code: 'I5020' },
      { id: 15, kind: 'index', level: 1, parent: 10, title: 'renal', see: 'Failure, heart, systolic' },
    ];
    const docs = [...indexDocuments(failure, 'index')];
    const systolic = docs.find((d) => d.target === 'I5020' && d.kind === 'index');
    assert.equal(systolic?.label, 'Failure, failed > heart > systolic');
    assert.equal(docs.find((d) => d.kind === 'see')?.target, 'I5020');
  });
});
