import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { miniCmCodeSet } from '../../../test/fixtures/coding/mini-code-set.ts';
import { createCodingEngine } from '../coding-engine.ts';
import { tokenizeNote } from '../text/note-tokens.ts';
import { collectCandidates } from './collect-candidates.ts';

const engine = createCodingEngine({ cm: miniCmCodeSet() });

function candidates(text: string): Map<string, { refined: boolean; mentions: number }> {
  const found = collectCandidates(engine.resources, tokenizeNote(text));
  return new Map(found.map((c) => [c.code, { refined: c.refined, mentions: c.mentions.length }]));
}

describe('candidates: a header named by the dictionary also proposes its child', () => {
  const cases = [
    // The sentence states the axis value (laterality) away from the phrase.
    { text: 'Right-sided fracture of carpal bone at the wrist.', header: 'S6210', child: 'S62101' },
    // Silent: the unspecified child.
    { text: 'Fracture of carpal bone.', header: 'S6210', child: 'S62109' },
  ] as const;
  for (const { text, header, child } of cases) {
    it(`"${text}" -> ${header} and ${child}`, () => {
      const found = candidates(text);
      assert.equal(found.get(header)?.refined, false);
      assert.equal(found.get(child)?.refined, true);
      assert.equal(found.get(child)?.mentions, found.get(header)?.mentions);
    });
  }

  it('a billable code named by the dictionary proposes nothing more', () => {
    const found = candidates('Heart failure.');
    assert.deepEqual(
      [...found].filter(([, c]) => c.refined),
      [],
    );
    assert.ok(found.has('I509'));
  });
});
