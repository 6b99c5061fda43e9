import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { hasSharedData, sharedDir } from '../../test/support/shared-data.ts';
import { analyzeNote, type NoteAnalysis } from './analyze-note.ts';
import { assertionOf } from './assertion.ts';

/** Structural invariants every analysis must satisfy, whatever the input. */
function checkInvariants(a: NoteAnalysis): void {
  let last = 0;
  for (const t of a.tokens) {
    assert.ok(t.start >= last && t.end > t.start && t.end <= a.text.length, 'tokens ordered, in bounds');
    last = t.end;
  }
  last = 0;
  for (const s of a.sentences) {
    assert.ok(s.start >= last && s.end > s.start && s.tokenEnd > s.tokenStart, 'sentences ordered');
    last = s.end;
  }
  last = 0;
  for (const s of a.sections) {
    assert.ok(s.start >= last && s.bodyStart >= s.start && s.end >= s.bodyStart, 'sections ordered');
    assert.ok(s.end <= a.text.length);
    last = s.end;
  }
}

describe('robustness: every input yields a valid analysis', () => {
  const INPUTS: readonly (readonly [string, string])[] = [
    ['empty text', ''],
    ['only spaces and newlines', '   \n\n\t  \r\n'],
    ['only punctuation', '.,;:!?()[]{}--**'],
    ['NUL bytes', 'Chest\u0000pain.\u0000\u0000 No fever.'],
    ['replacement characters from invalid UTF-8', '\uFFFDPneumonia\uFFFD.\uFFFD Denies \uFFFD cough.'],
    ['lone surrogates', 'Cough \uD800 and \uDC00 fever.'],
    ['a note that is only a list', '1. Diabetes\n2. Hypertension\n3. Asthma\n- gout\n- obesity'],
    ['a heading with nothing after it', 'ASSESSMENT:'],
    ['colons everywhere', ':::: A: B: C: :'],
  ];
  for (const [name, text] of INPUTS) {
    test(name, () => {
      const a = analyzeNote(text);
      checkInvariants(a);
      for (const t of a.tokens) assertionOf(a, t.start, t.end);
    });
  }

  test('a list-only note gives one list item per line', () => {
    const a = analyzeNote('1. Diabetes\n2. Hypertension\n3. Asthma\n- gout\n- obesity');
    assert.deepEqual(
      a.sentences.map((s) => s.kind),
      ['list-item', 'list-item', 'list-item', 'list-item', 'list-item'],
    );
  });

  test('a 1 MB note is analyzed with bounded sentence length', () => {
    const unit = 'PLAN:,  Denies chest pain or shortness of breath, history of asthma and HTN w/o edema ';
    const text = unit.repeat(Math.ceil(1_048_576 / unit.length));
    const a = analyzeNote(text);
    checkInvariants(a);
    const longest = Math.max(...a.sentences.map((s) => s.tokenEnd - s.tokenStart));
    assert.ok(longest <= 300, `longest sentence ${longest} tokens`);
    const i = text.lastIndexOf('chest pain');
    assert.equal(assertionOf(a, i, i + 10).negated, true);
  });

  test('a 1 MB note without any space or punctuation is one token stream', () => {
    const a = analyzeNote('x'.repeat(1_048_576));
    assert.equal(a.tokens.length, 1);
    checkInvariants(a);
  });
});

const MTSAMPLES = `${sharedDir()}/eval/mtsamples/mtsamples.jsonl`;

describe('MTSamples', { skip: !hasSharedData() && 'shared data not present' }, () => {
  test('every unique transcription analyzes with valid offsets and most find sections', () => {
    let notes = 0;
    let withSections = 0;
    for (const line of readFileSync(MTSAMPLES, 'utf8').split('\n')) {
      if (!line) continue;
      const rec = JSON.parse(line) as { transcription: string | null; duplicate_of: number | null };
      if (rec.duplicate_of !== null) continue;
      const a = analyzeNote(rec.transcription ?? '');
      checkInvariants(a);
      notes++;
      if (a.sections.some((s) => s.heading)) withSections++;
    }
    assert.ok(notes > 2000, `${notes} notes`);
    assert.ok(withSections / notes > 0.9, `${withSections} of ${notes} notes with a heading`);
  });
});
