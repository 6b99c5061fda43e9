/**
 * Streaming XML for the ICD-10-CM release files: feeds a byte or string source through saxes and
 * reports syntax errors as MedcodeError with the file and line. Never builds a DOM.
 */
import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';
import { MedcodeError } from '../core/medcode-error.ts';

/** A release file's content: a file stream, a zip member, or strings in tests. */
export type XmlSource = AsyncIterable<Uint8Array | string>;

/** What a parser does with the elements of a file; `where()` gives the current line for its own errors. */
export interface XmlHandler {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  close(name: string): void;
  text(text: string): void;
}

/** Where the parser is in the file: for errors a handler raises on content it does not accept. */
export interface XmlPosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** A file on disk as an XmlSource. */
export function fileSource(filePath: string): XmlSource {
  return createReadStream(filePath);
}

/**
 * Runs `handler` over every element of the XML in `source`. A document that ends before its root element
 * closes throws RELEASE_FILE_TRUNCATED; any other syntax error RELEASE_FILE_MALFORMED; both name the line.
 */
export async function streamXml(
  source: XmlSource,
  displayName: string,
  makeHandler: (where: () => XmlPosition) => XmlHandler,
): Promise<void> {
  const parser = new SaxesParser({ position: true });
  const where = (): XmlPosition => ({ file: displayName, line: parser.line, column: parser.column + 1 });
  const handler = makeHandler(where);
  let atEnd = false;
  parser.on('error', (err) => {
    throw syntaxError(err, where(), atEnd);
  });
  parser.on('opentag', (tag) => handler.open(tag.name, tag.attributes as Record<string, string>));
  parser.on('closetag', (tag) => handler.close(tag.name));
  parser.on('text', (text) => handler.text(text));
  parser.on('cdata', (text) => handler.text(text));
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of source) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
  }
  const rest = decoder.decode();
  if (rest) parser.write(rest);
  atEnd = true;
  parser.close();
}

function syntaxError(err: Error, at: XmlPosition, atEnd: boolean): MedcodeError {
  const detail = err.message.replace(/^(?:.*?:)?\d+:\d+:\s*/, '');
  const location = { file: at.file, line: at.line, column: at.column };
  if (atEnd) {
    return new MedcodeError(
      'RELEASE_FILE_TRUNCATED',
      `${at.file} ends before its XML is complete (${detail}) at line ${at.line}`,
      { location, hint: 'The file is cut short; download or extract it again.', cause: err },
    );
  }
  return new MedcodeError(
    'RELEASE_FILE_MALFORMED',
    `${at.file} is not well-formed XML at line ${at.line}: ${detail}`,
    { location, hint: 'Check that this is the unmodified official release file.', cause: err },
  );
}

/** Collapses the white space of element text as printed in the tabular and index ("\tinitial  encounter"). */
export function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Throws RELEASE_FILE_UNRECOGNISED unless the document's root element is `expected`. */
export function expectRoot(name: string, expected: string, at: XmlPosition): void {
  if (name === expected) return;
  throw new MedcodeError(
    'RELEASE_FILE_UNRECOGNISED',
    `${at.file} has root element <${name}>, expected <${expected}>`,
    {
      location: { file: at.file, line: at.line },
      hint: 'Pass the matching ICD-10-CM XML file (see detectIcd10cmXml).',
    },
  );
}
