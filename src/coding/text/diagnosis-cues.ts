/**
 * Sentences that state a diagnosis ("was diagnosed with", "compatible with", "consistent with", "confirmed"):
 * in a case report the codes are mostly what such sentences conclude, not what the history lists.
 */
import type { NoteTokens } from './note-tokens.ts';

const CUE = /^(diagnos|compatib|consistent|suggestive|confirm|conclu|final)/;

/** Per sentence number, 1 when one of its words is a diagnosis cue. */
export function diagnosisSentences(tokens: NoteTokens): Uint8Array {
  const out = new Uint8Array(tokens.sentenceCount + 1);
  for (let i = 0; i < tokens.norm.length; i++) if (CUE.test(tokens.norm[i]!)) out[tokens.sentence[i]!] = 1;
  return out;
}
