import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { miniCmCodeSet } from '../../test/fixtures/coding/mini-code-set.ts';
import { isMedcodeError } from '../core/medcode-error.ts';
import { codeNote } from './code-note.ts';
import { createCodingEngine } from './coding-engine.ts';
import { decodeNoteBytes, noteTextFrom } from './note-input.ts';

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const engine = createCodingEngine({ cm: miniCmCodeSet() });

describe('note input', () => {
  it('plain text passes through', () => {
    assert.equal(noteTextFrom(Buffer.from('Pneumonia.')), 'Pneumonia.');
  });

  it('a FHIR DocumentReference gives its base64 attachment', () => {
    const doc = {
      resourceType: 'DocumentReference',
      content: [{ attachment: { contentType: 'text/plain', data: b64('Left wrist fracture.') } }],
    };
    assert.equal(noteTextFrom(Buffer.from(JSON.stringify(doc))), 'Left wrist fracture.');
  });

  it('a FHIR Bundle gives the attachment of its DocumentReference entry', () => {
    const bundle = {
      resourceType: 'Bundle',
      entry: [
        { resource: { resourceType: 'Patient' } },
        {
          resource: {
            resourceType: 'DocumentReference',
            content: [{ attachment: { data: b64('Pneumonia.') } }],
          },
        },
      ],
    };
    assert.equal(noteTextFrom(Buffer.from(JSON.stringify(bundle))), 'Pneumonia.');
  });

  it('a DocumentReference without data is a NOTE_INVALID error', () => {
    const doc = { resourceType: 'DocumentReference', content: [{ attachment: { url: 'http://x' } }] };
    assert.throws(
      () => noteTextFrom(Buffer.from(JSON.stringify(doc)), 'note.json'),
      (e: unknown) => isMedcodeError(e) && e.code === 'NOTE_INVALID',
    );
  });

  it('bytes that are not UTF-8 are read as Latin-1', () => {
    assert.equal(decodeNoteBytes(Uint8Array.from([0x66, 0x69, 0xe8, 0x76, 0x72, 0x65])), 'fièvre');
  });
});

describe('robustness', () => {
  it('an empty note gives an empty result', () => {
    const r = codeNote(engine, '', { setting: 'outpatient' });
    assert.deepEqual(
      [r.diagnoses.length, r.procedures.length, r.notCoded.length, r.ranked.length],
      [0, 0, 0, 0],
    );
  });

  it('a 1 MB note is coded, with evidence inside the text', () => {
    const text = 'Patient stable. Left wrist fracture. No pneumonia.\n'.repeat(Math.ceil(1_000_000 / 51));
    const r = codeNote(engine, text, { setting: 'outpatient' });
    assert.ok(r.diagnoses.some((d) => d.code === 'S62102A'));
    for (const d of r.diagnoses) for (const e of d.evidence) assert.ok(e.end <= text.length);
  });

  it('non-UTF-8 bytes are coded, not dropped', () => {
    const bytes = Buffer.concat([
      Buffer.from('Pneumonia '),
      Buffer.from([0xff, 0xfe, 0xe9]),
      Buffer.from(' today.'),
    ]);
    const r = codeNote(engine, noteTextFrom(bytes), { setting: 'outpatient' });
    assert.deepEqual(
      r.diagnoses.map((d) => d.code),
      ['J189'],
    );
  });

  it('a note that is only a list is coded item by item', () => {
    const r = codeNote(engine, '- pneumonia\n- heart failure\n- hypertension', { setting: 'outpatient' });
    assert.deepEqual(new Set(r.diagnoses.map((d) => d.code)), new Set(['J189', 'I509', 'I110']));
  });
});
