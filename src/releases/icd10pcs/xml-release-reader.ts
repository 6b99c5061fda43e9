/**
 * Streams an XML release file through saxes (never a DOM) and hands each element's own text to a visitor.
 * Maps every failure to a MedcodeError naming the file and line: input that ends inside the document is
 * RELEASE_FILE_TRUNCATED, bad XML or bad structure is RELEASE_FILE_MALFORMED, a different root element is
 * RELEASE_FILE_UNRECOGNISED.
 */
import { SaxesParser } from 'saxes';
import { MedcodeError, isMedcodeError } from '../../core/medcode-error.ts';
import { openReleaseSource } from './release-source.ts';
import type { ReleaseSource } from './release-source.ts';

/** What a visitor is told about the element being opened or closed. */
export interface XmlContext {
  /** Names of the enclosing elements, outermost first (the element itself excluded). */
  readonly path: readonly string[];
  /** Name of the enclosing element, if any. */
  readonly parent: string | undefined;
  /** Line (1-based) the parser is at. */
  readonly line: number;
  /** Throws RELEASE_FILE_MALFORMED at the current line, or at `line` when given. */
  fail(message: string, line?: number): never;
}

export interface XmlVisitor {
  open?(name: string, attributes: Readonly<Record<string, string>>, ctx: XmlContext): void;
  /** `text` is the element's own text (not its children's), with white space collapsed. */
  close?(name: string, text: string, ctx: XmlContext): void;
}

/** What kind of file the caller expects: its root element and a name for messages. */
export interface XmlFileKind {
  readonly root: string;
  readonly description: string;
}

/** Reads the whole source, calling the visitor for every element under the expected root. */
export async function readXmlRelease(
  source: ReleaseSource,
  displayName: string | undefined,
  kind: XmlFileKind,
  visitor: XmlVisitor,
): Promise<void> {
  const { name, chunks } = openReleaseSource(source, displayName);
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: string[] = [];
  const texts: string[] = [];
  let closing = false;
  const where = () => ({ file: name, line: parser.line, column: parser.column + 1 });
  const fail = (message: string, line?: number): never => {
    throw new MedcodeError('RELEASE_FILE_MALFORMED', `${kind.description} ${name}: ${message}`, {
      location: line === undefined ? where() : { file: name, line },
      hint: 'The file does not have the structure of the official release; download it again.',
    });
  };
  const ctx: XmlContext = {
    get path() {
      return stack.slice(0, -1);
    },
    get parent() {
      return stack.at(-2);
    },
    get line() {
      return parser.line;
    },
    fail,
  };

  parser.on('error', (err) => {
    if (closing) {
      throw new MedcodeError('RELEASE_FILE_TRUNCATED', `${kind.description} ${name} ends too early`, {
        location: where(),
        hint: 'The file is cut short (interrupted download or copy); download it again.',
        details: { parser: err.message },
      });
    }
    fail(err.message.replace(/^[^:]*:\d+:\d+: /, ''));
  });
  parser.on('opentag', (tag) => {
    if (stack.length === 0 && tag.name !== kind.root) {
      throw new MedcodeError(
        'RELEASE_FILE_UNRECOGNISED',
        `${name} is not an ${kind.description} (root element <${tag.name}>, expected <${kind.root}>)`,
        { location: where(), hint: 'Pass the file of the kind named, from the official release.' },
      );
    }
    stack.push(tag.name);
    texts.push('');
    visitor.open?.(tag.name, tag.attributes, ctx);
  });
  const addText = (text: string) => {
    if (texts.length > 0) texts[texts.length - 1] += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', (tag) => {
    const own = (texts.pop() ?? '').replace(/\s+/g, ' ').trim();
    visitor.close?.(tag.name, own, ctx);
    stack.pop();
  });

  try {
    for await (const chunk of chunks) parser.write(chunk);
    closing = true;
    parser.close();
  } catch (e) {
    if (isMedcodeError(e)) throw e;
    throw new MedcodeError('INTERNAL', `failed reading ${name}: ${String(e)}`, {
      location: where(),
      cause: e,
    });
  }
}

/** Reads a required attribute, failing with the element named when it is missing. */
export function requireAttribute(
  attributes: Readonly<Record<string, string>>,
  attribute: string,
  element: string,
  ctx: XmlContext,
): string {
  const value = attributes[attribute];
  if (value === undefined || value.trim() === '')
    ctx.fail(`<${element}> has no ${attribute}="..." attribute`);
  return value.trim();
}

/** Reads a required whole-number attribute. */
export function requireIntAttribute(
  attributes: Readonly<Record<string, string>>,
  attribute: string,
  element: string,
  ctx: XmlContext,
): number {
  const text = requireAttribute(attributes, attribute, element, ctx);
  if (!/^\d+$/.test(text)) ctx.fail(`<${element} ${attribute}="${text}"> is not a whole number`);
  return Number(text);
}
