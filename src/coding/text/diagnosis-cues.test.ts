import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnosisSentences } from './diagnosis-cues.ts';
import { tokenizeNote } from './note-tokens.ts';

describe('diagnosis cues', () => {
  it('marks the sentences that conclude a diagnosis, not the others', () => {
    const tokens = tokenizeNote(
      'He had a cough for a week.\nThe biopsy was compatible with sarcoidosis.\n' +
        'He was diagnosed with asthma.\nHe went home.',
    );
    const cued = diagnosisSentences(tokens);
    const bySentence = Array.from({ length: tokens.sentenceCount }, (_, s) => cued[s]);
    assert.deepEqual(bySentence, [0, 1, 1, 0]);
  });
});
