/**
 * The note text from what a caller hands in: plain text, or a FHIR DocumentReference / Bundle whose
 * attachment carries the note as base64 `data` (text/plain). Bytes that are not valid UTF-8 are decoded as
 * Latin-1 instead of being dropped, so offsets still point at readable characters.
 */
import { MedcodeError } from '../core/medcode-error.ts';

/** Decodes bytes as UTF-8, falling back to Latin-1 (Windows-1252 family) when they are not valid UTF-8. */
export function decodeNoteBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

interface Attachment {
  contentType?: string;
  data?: string;
}

function attachmentsOf(resource: Record<string, unknown>): Attachment[] {
  if (resource['resourceType'] === 'DocumentReference') {
    const content = resource['content'];
    if (!Array.isArray(content)) return [];
    return content.map((c: { attachment?: Attachment }) => c.attachment ?? {});
  }
  if (resource['resourceType'] === 'Bundle' && Array.isArray(resource['entry'])) {
    return (resource['entry'] as { resource?: Record<string, unknown> }[]).flatMap((e) =>
      e.resource ? attachmentsOf(e.resource) : [],
    );
  }
  return [];
}

function fhirText(resource: Record<string, unknown>, where: string): string {
  const atts = attachmentsOf(resource).filter((a) => typeof a.data === 'string');
  const plain = atts.find((a) => !a.contentType || a.contentType.startsWith('text/')) ?? atts[0];
  if (!plain?.data) {
    throw new MedcodeError(
      'NOTE_INVALID',
      `FHIR ${String(resource['resourceType'])} has no attachment with data`,
      {
        location: { file: where, field: 'content[].attachment.data' },
        hint: 'Put the note text, base64-encoded, in DocumentReference.content[0].attachment.data.',
      },
    );
  }
  return decodeNoteBytes(Buffer.from(plain.data, 'base64'));
}

/** The note text of an input file's bytes: a FHIR JSON resource when it is one, else the text itself. */
export function noteTextFrom(bytes: Uint8Array, where = '<input>'): string {
  const text = decodeNoteBytes(bytes);
  const head = text.trimStart();
  if (head.startsWith('{') && head.includes('"resourceType"')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(head);
    } catch {
      return text;
    }
    const rt = (parsed as Record<string, unknown>)['resourceType'];
    if (rt === 'DocumentReference' || rt === 'Bundle')
      return fhirText(parsed as Record<string, unknown>, where);
  }
  return text;
}
