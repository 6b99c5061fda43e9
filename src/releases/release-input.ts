/**
 * Where a release file's bytes come from: a path on disk, or chunks from elsewhere (a zip member, an HTTP
 * body) with a display name. Parsers take either and see decoded text chunks plus the name to cite in errors.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { MedcodeError } from '../core/medcode-error.ts';

/** A file path, or the chunks of a file (Buffers or strings) read from elsewhere. */
export type ReleaseInput = string | AsyncIterable<Buffer | Uint8Array | string>;

/** A release file opened for reading: its display name and its text, chunk by chunk. */
export interface OpenedInput {
  readonly name: string;
  readonly chunks: AsyncIterable<string>;
}

/**
 * Opens a source; the name defaults to the file's base name (or "<stream>" for chunks). XML files are
 * UTF-8; fixed-width files count bytes, so they are read one byte per character ('windows-1252').
 */
export function openReleaseInput(
  source: ReleaseInput,
  displayName?: string,
  encoding: 'utf-8' | 'windows-1252' = 'utf-8',
): OpenedInput {
  if (typeof source === 'string') {
    const name = displayName ?? path.basename(source);
    return { name, chunks: decode(readFileChunks(source, name), encoding) };
  }
  return { name: displayName ?? '<stream>', chunks: decode(source, encoding) };
}

async function* readFileChunks(file: string, name: string): AsyncIterable<Buffer> {
  try {
    for await (const chunk of createReadStream(file)) yield chunk as Buffer;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'EACCES' && code !== 'EISDIR') throw e;
    throw new MedcodeError('INVALID_INPUT', `cannot read release file ${name} (${code})`, {
      location: { file: file },
      hint: 'Check the path, or download the release again.',
      cause: e,
    });
  }
}

/** Decodes across chunk boundaries (a UTF-8 character may be split between two chunks). */
async function* decode(
  chunks: AsyncIterable<Buffer | Uint8Array | string>,
  encoding: 'utf-8' | 'windows-1252',
): AsyncIterable<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** Splits decoded text into lines (LF or CRLF, also across chunk boundaries), without the line ends. */
export async function* linesOf(chunks: AsyncIterable<string>): AsyncIterable<string> {
  let rest = '';
  for await (const chunk of chunks) {
    const parts = (rest + chunk).split(/\r?\n/);
    rest = parts.pop() ?? '';
    yield* parts;
  }
  if (rest) yield rest.replace(/\r$/, '');
}
