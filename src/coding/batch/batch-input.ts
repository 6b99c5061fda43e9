/**
 * The notes of a batch: every file of a folder (id = file name; plain text or FHIR JSON), or every line of a
 * JSONL file (id from "id" / "note_id", text from "text" / "text_en" / "transcription" / "note").
 * Streams: a large JSONL is read line by line.
 */
import { createReadStream, readdirSync, readFileSync, statSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { MedcodeError } from '../../core/medcode-error.ts';
import { noteTextFrom } from '../note-input.ts';

export interface BatchNote {
  readonly id: string;
  readonly text: string;
}

const ID_FIELDS = ['id', 'note_id', 'noteId'] as const;
const TEXT_FIELDS = ['text', 'text_en', 'transcription', 'note'] as const;

/** Parses one JSONL line of a batch; `line` is for error messages. */
export function parseBatchLine(raw: string, file: string, line: number): BatchNote {
  let obj: Record<string, unknown>;
  try {
    obj = JSON.parse(raw) as Record<string, unknown>;
  } catch (cause) {
    throw new MedcodeError('INVALID_INPUT', 'batch line is not valid JSON', {
      location: { file, line },
      hint: 'Each line must be a JSON object with "id" and "text".',
      cause,
    });
  }
  const id = ID_FIELDS.map((f) => obj[f]).find((v) => typeof v === 'string' || typeof v === 'number');
  const text = TEXT_FIELDS.map((f) => obj[f]).find((v) => typeof v === 'string');
  if (id === undefined || typeof text !== 'string') {
    throw new MedcodeError('INVALID_INPUT', 'batch line lacks an id or a text field', {
      location: { file, line },
      hint: `Give one of ${ID_FIELDS.join('/')} and one of ${TEXT_FIELDS.join('/')}.`,
    });
  }
  return { id: String(id), text };
}

/** Counts the notes of an input without reading them all into memory (for the progress bar). */
export async function countBatchNotes(input: string): Promise<number> {
  if (statSync(input).isDirectory()) return readdirSync(input).filter((f) => !f.startsWith('.')).length;
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(input), crlfDelay: Infinity })) {
    if (line.trim() !== '') n++;
  }
  return n;
}

/** Reads the notes of a folder or JSONL file, in order. */
export async function* readBatchNotes(input: string): AsyncGenerator<BatchNote> {
  if (statSync(input).isDirectory()) {
    for (const name of readdirSync(input)
      .filter((f) => !f.startsWith('.'))
      .sort()) {
      const file = path.join(input, name);
      if (statSync(file).isFile()) yield { id: name, text: noteTextFrom(readFileSync(file), file) };
    }
    return;
  }
  let line = 0;
  for await (const raw of createInterface({ input: createReadStream(input), crlfDelay: Infinity })) {
    line++;
    if (raw.trim() !== '') yield parseBatchLine(raw, input, line);
  }
}

/**
 * Ids already written to an output JSONL, to resume after an interruption. A last line torn by the
 * interruption is cut off the file (so appended lines start clean) and its note is coded again.
 */
export function doneIds(outFile: string): Set<string> {
  const done = new Set<string>();
  let content: string;
  try {
    content = readFileSync(outFile, 'utf8');
  } catch {
    return done;
  }
  if (content.length > 0 && !content.endsWith('\n')) {
    content = content.slice(0, content.lastIndexOf('\n') + 1);
    truncateSync(outFile, Buffer.byteLength(content));
  }
  for (const raw of content.split('\n')) {
    try {
      const id = (JSON.parse(raw) as { id?: unknown }).id;
      if (typeof id === 'string') done.add(id);
    } catch {
      // a line cut by an interruption is coded again
    }
  }
  return done;
}
