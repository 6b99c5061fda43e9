import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokenizeNote } from './note-tokens.ts';
import { NoteWordSet } from './note-word-set.ts';
import { internWord } from './token-vocabulary.ts';

describe('NoteWordSet: the words of a note, read through vocabulary ids', () => {
  for (const w of ['fracture', 'sequela', 'femur', 'left']) internWord(w);
  const a = tokenizeNote('Sequela of a left femur fracture; zygomycosis noted.');
  const b = tokenizeNote('Right femur. Nothing else.');

  it('answers as the plain Set of the tokens, for vocabulary words and for words it does not know', () => {
    const words = new NoteWordSet(a);
    const plain = new Set(a.norm);
    for (const w of [
      'sequela',
      'femur',
      'left',
      'fracture',
      'zygomycosis',
      'noted',
      'right',
      'of',
      'tibia',
    ]) {
      assert.equal(words.has(w), plain.has(w), w);
    }
    assert.equal(words.has('zygomycosis'), true);
    assert.equal(words.has('right'), false);
  });

  it('keeps answering for its own note when another note was read in between', () => {
    const first = new NoteWordSet(a);
    const second = new NoteWordSet(b);
    assert.equal(first.has('left'), true);
    assert.equal(second.has('left'), false);
    assert.equal(second.has('femur'), true);
    assert.equal(first.has('left'), true);
    assert.equal(first.has('right'), false);
  });

  it('iterates and counts the distinct words', () => {
    const words = new NoteWordSet(b);
    assert.deepEqual([...words].sort(), [...new Set(b.norm)].sort());
    assert.equal(words.size, new Set(b.norm).size);
  });
});
