/**
 * Reads an ICD-10-PCS XML release file through the shared streaming reader (saxes, never a DOM) and hands
 * each element's own text to a visitor, with the enclosing elements and a `fail` that cites file and line.
 * Input that ends inside the document is RELEASE_FILE_TRUNCATED, bad XML or bad structure
 * RELEASE_FILE_MALFORMED, a different root element RELEASE_FILE_UNRECOGNISED.
 */
import { MedcodeError } from '../../core/medcode-error.ts';
import { cleanText, expectRoot, streamXml } from '../xml-stream.ts';
import type { XmlHandler, XmlPosition } from '../xml-stream.ts';
import { openReleaseInput } from '../release-input.ts';
import type { ReleaseInput } from '../release-input.ts';

/** What a visitor is told about the element being opened or closed. */
export interface XmlContext {
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

/** Reads the whole input, calling the visitor for every element under the expected root. */
export async function readXmlRelease(
  input: ReleaseInput,
  displayName: string | undefined,
  kind: XmlFileKind,
  visitor: XmlVisitor,
): Promise<void> {
  const { name, chunks } = openReleaseInput(input, displayName);
  await streamXml(chunks, name, (where) => elementHandler(kind, visitor, where));
}

function elementHandler(kind: XmlFileKind, visitor: XmlVisitor, where: () => XmlPosition): XmlHandler {
  const stack: string[] = [];
  const texts: string[] = [];
  const ctx: XmlContext = {
    get parent() {
      return stack.at(-2);
    },
    get line() {
      return where().line;
    },
    fail(message: string, line?: number): never {
      const at = where();
      throw new MedcodeError('RELEASE_FILE_MALFORMED', `${kind.description} ${at.file}: ${message}`, {
        location: line === undefined ? at : { file: at.file, line },
        hint: 'The file does not have the structure of the official release; download it again.',
      });
    },
  };
  return {
    open(name, attributes) {
      if (stack.length === 0) expectRoot(name, kind.root, where());
      stack.push(name);
      texts.push('');
      visitor.open?.(name, attributes, ctx);
    },
    close(name) {
      visitor.close?.(name, cleanText(texts.pop() ?? ''), ctx);
      stack.pop();
    },
    text(text) {
      if (texts.length > 0) texts[texts.length - 1] += text;
    },
  };
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
