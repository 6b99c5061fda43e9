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
    { name: 'far from its relative position, nothing', spanish: 'cólico renal', at: 0, english: undefined },
    { name: 'no overlap, nothing', spanish: 'zzzz', at: 0.5, english: undefined },
  ];
  for (const c of cases) {
    it(c.name, () => assert.equal(located(c.spanish, c.at), c.english));
  }
});
