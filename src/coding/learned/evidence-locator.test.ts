import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokenizeNote } from '../text/note-tokens.ts';
import { locateEvidence } from './evidence-locator.ts';

const TEXT =
  'A 60-year-old man came to the emergency department.\n' +
  'He reported pain in the left flank.\n' +
  'Ultrasound showed a stone in the ureter.\n' +
  'Renal colic was diagnosed and treated.\n' +
  'He was discharged home.';

function located(spanish: string, at: number): string | undefined {
  const tokens = tokenizeNote(TEXT);
  const span = locateEvidence(tokens, spanish, at);
  return span && TEXT.slice(tokens.start[span.first], tokens.end[span.last]);
}

describe('evidence locator: the Spanish evidence found again in the English translation', () => {
  const cases = [
    {
      name: 'a cognate phrase, word order changed',
      spanish: 'cólico renal',
      at: 0.7,
      english: 'Renal colic',
    },
    { name: 'a glossed word (dolor: pain)', spanish: 'dolor', at: 0.3, english: 'pain' },
    {
      name: 'a glossed word next to a cognate',
      spanish: 'dolor en flanco izquierdo',
      at: 0.3,
      english: 'pain in the left flank',
    },
    {
      name: 'far from its relative position, found when it overlaps closely',
      spanish: 'cólico renal',
      at: 0,
      english: 'Renal colic',
    },
    {
      name: 'far from its relative position, a weak overlap is nothing',
      spanish: 'hombre',
      at: 0,
      english: undefined,
    },
    {
      name: 'near its relative position, a weak overlap is enough',
      spanish: 'hombre',
      at: 1,
      english: 'home',
    },
    { name: 'no overlap, nothing', spanish: 'zzzz', at: 0.5, english: undefined },
  ];
  for (const c of cases) {
    it(c.name, () => assert.equal(located(c.spanish, c.at), c.english));
  }

  it('a gloss may list alternatives, and British spellings read as American', () => {
    const text = 'The biopsy caused bleeding.\nA vitreous haemorrhage was seen.';
    const tokens = tokenizeNote(text);
    const at = (spanish: string, where: number): string | undefined => {
      const span = locateEvidence(tokens, spanish, where);
      return span && text.slice(tokens.start[span.first], tokens.end[span.last]);
    };
    assert.equal(at('hemorragia', 0), 'bleeding');
    assert.equal(at('hemorragia vítrea', 0.9), 'vitreous haemorrhage');
  });
});
