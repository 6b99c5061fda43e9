/**
 * Streaming parser of the ICD-10-CM alphabetic indexes (icd10cm_index_YYYY.xml, schema icd10cm-index-YYYY.xsd),
 * the external-cause index and the drug and neoplasm tables (schema icd-10-cm-drug-neoplasm-YYYY.xsd) into
 * IndexTerm rows: main terms at level 0 and subterms at every level, each with its parent.
 *
 * Codes are normalized (no dot) and keep a trailing "-" where the index prints one: "C79.8-" becomes "C798-",
 * meaning "category C79.8, more characters needed". A table cell with no code ("--" or "-") is "-".
 */
import type { IndexTerm } from '../../terminology/model.ts';
import { MedcodeError } from '../../core/medcode-error.ts';
import { cleanText, expectRoot, fileSource, streamXml } from '../xml-stream.ts';
import type { XmlHandler, XmlPosition, XmlSource } from '../xml-stream.ts';

export type Icd10cmIndexKind = 'index' | 'eindex' | 'drug' | 'neoplasm';
/** The index layers of ICD-10-CM: the LayerData variant of index terms, without the PCS index. */
export interface IndexLayer {
  readonly layer: Icd10cmIndexKind;
  readonly terms: readonly IndexTerm[];
  /** Column headings of the drug and neoplasm tables, column 1 (the term) first. */
  readonly headings?: readonly string[];
}

type MutableTerm = { -readonly [K in keyof IndexTerm]: IndexTerm[K] } & { cells?: Record<string, string> };

/** Elements whose text is a field of the term they sit in. */
const FIELDS = ['code', 'manif', 'see', 'seeAlso', 'seecat', 'subcat', 'cell'] as const;
type Field = (typeof FIELDS)[number];
const FIELD_SET: ReadonlySet<string> = new Set(FIELDS);

/**
 * Parses one of the four ICD-10-CM index XMLs read from `source`. `kind` says which one the caller expects;
 * when given and the file is another (by its title or column headings), throws RELEASE_FILE_MISMATCH.
 */
export async function parseIcd10cmIndex(
  source: XmlSource,
  displayName: string,
  kind?: Icd10cmIndexKind,
): Promise<IndexLayer> {
  let builder: IndexBuilder | undefined;
  await streamXml(source, displayName, (where) => (builder = new IndexBuilder(where, kind)));
  return builder!.result();
}

/** Parses the ICD-10-CM index, external-cause index, drug or neoplasm XML file at `filePath`. */
export function parseIcd10cmIndexFile(
  filePath: string,
  displayName = filePath,
  kind?: Icd10cmIndexKind,
): Promise<IndexLayer> {
  return parseIcd10cmIndex(fileSource(filePath), displayName, kind);
}

class IndexBuilder implements XmlHandler {
  private readonly terms: MutableTerm[] = [];
  private readonly headings = new Map<number, string>();
  private readonly open_: MutableTerm[] = [];
  private readonly stack: string[] = [];
  private kind: Icd10cmIndexKind | undefined;
  private documentTitle = '';
  private buffer: string[] | undefined;
  private titleParts: string[] | undefined;
  private nemods: string[] = [];
  private column = 0;
  private deletedDepth = 0;

  constructor(
    private readonly where: () => XmlPosition,
    private readonly expected: Icd10cmIndexKind | undefined,
  ) {}

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    if (this.stack.length === 0) expectRoot(name, 'ICD10CM.index', this.where());
    const parent = this.stack.at(-1);
    this.stack.push(name);
    if (name === 'old') this.deletedDepth++;
    else if (name === 'mainTerm' || name === 'term')
      this.openTerm(name === 'term' ? Number(attributes['level']) : 0);
    else if (name === 'letter' && this.kind === undefined) this.kind = this.resolveKind();
    else if ((name === 'title' || name === 'diff') && (parent === 'mainTerm' || parent === 'term')) {
      this.titleParts = [];
      this.nemods = [];
    } else if (name === 'nemod' && this.titleParts) this.buffer = [];
    else if (FIELD_SET.has(name) || name === 'head' || (name === 'title' && parent === 'ICD10CM.index')) {
      this.column = Number(attributes['col'] ?? 0);
      this.buffer = [];
    }
  }

  text(text: string): void {
    if (this.deletedDepth > 0) return;
    if (this.buffer) this.buffer.push(text);
    else if (this.titleParts) this.titleParts.push(text);
  }

  close(name: string): void {
    this.stack.pop();
    if (name === 'old') this.deletedDepth--;
    else if (name === 'mainTerm' || name === 'term') this.open_.pop();
    else if (name === 'nemod' && this.titleParts) this.closeNemod(this.take());
    else if ((name === 'title' || name === 'diff') && this.titleParts) this.closeTermTitle();
    else if (name === 'head') this.headings.set(this.column, this.take());
    else if (name === 'title' && this.buffer) this.documentTitle = this.take();
    else if (FIELD_SET.has(name) && this.buffer) this.setField(name as Field, this.take());
  }

  result(): IndexLayer {
    const kind = this.kind ?? this.resolveKind();
    const headings = [...this.headings.entries()].sort(([a], [b]) => a - b).map(([, h]) => h);
    return headings.length > 0
      ? { layer: kind, terms: this.terms, headings }
      : { layer: kind, terms: this.terms };
  }

  private openTerm(level: number): void {
    const parent = this.open_.at(-1);
    const term: MutableTerm = {
      id: this.terms.length + 1,
      kind: this.kind ?? this.resolveKind(),
      level,
      title: '',
      ...(parent ? { parent: parent.id } : {}),
    };
    this.terms.push(term);
    this.open_.push(term);
  }

  private closeNemod(value: string): void {
    const { modifiers, loose } = splitNemod(value);
    this.nemods.push(...modifiers);
    // Words a nemod holds outside parentheses ("(on) chronic (congestive)") are essential words of the title.
    if (loose) this.titleParts!.push(` ${loose} `);
  }

  private closeTermTitle(): void {
    const term = this.open_.at(-1)!;
    term.title = cleanText(this.titleParts!.join(' '));
    if (this.nemods.length > 0) term.nemod = this.nemods;
    this.titleParts = undefined;
    this.nemods = [];
  }

  private setField(field: Field, value: string): void {
    const term = this.open_.at(-1);
    if (!term) return;
    switch (field) {
      case 'code':
        term.code = indexCode(value);
        return;
      case 'manif':
        term.manif = isCodeLike(value) ? indexCode(value) : value;
        return;
      case 'see':
        term.see = value;
        return;
      case 'seeAlso':
        term.seeAlso = value;
        return;
      case 'seecat':
        term.seeCategory = indexCode(value);
        return;
      case 'subcat':
        term.subcategory = indexCode(value);
        return;
      case 'cell':
        (term.cells ??= {})[this.headings.get(this.column) ?? String(this.column)] = cellCode(value);
        return;
    }
  }

  private take(): string {
    const value = cleanText((this.buffer ?? []).join(''));
    this.buffer = undefined;
    return value;
  }

  /** Which index this is, from what precedes the first letter: column headings or the document title. */
  private resolveKind(): Icd10cmIndexKind {
    const found = kindOf(this.headings.get(1), this.documentTitle);
    if (this.expected && found !== this.expected) {
      throw new MedcodeError(
        'RELEASE_FILE_MISMATCH',
        `${this.where().file} is the ICD-10-CM ${found} XML, expected the ${this.expected} XML`,
        {
          location: { file: this.where().file, line: this.where().line },
          hint: 'Pass each index file for its own layer.',
        },
      );
    }
    this.kind = found;
    return found;
  }
}

/** The kind of an ICD-10-CM index from its first column heading or its title. */
export function kindOf(firstHeading: string | undefined, title: string): Icd10cmIndexKind {
  if (/^substance/i.test(firstHeading ?? '')) return 'drug';
  if (/^neoplasm/i.test(firstHeading ?? '')) return 'neoplasm';
  if (/external cause/i.test(title)) return 'eindex';
  return 'index';
}

/** "(-astasia) (hysterical)" -> ["-astasia", "hysterical"]; keeps nested parentheses ("(joint(s))"). */
export function splitNemod(text: string): { modifiers: string[]; loose: string } {
  const modifiers: string[] = [];
  const loose: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(' && depth++ === 0) {
      loose.push(current);
      current = '';
    } else if (ch === ')' && depth > 0 && --depth === 0) {
      if (current.trim()) modifiers.push(cleanText(current));
      current = '';
    } else current += ch;
  }
  loose.push(current);
  return { modifiers, loose: cleanText(loose.join(' ')) };
}

function isCodeLike(value: string): boolean {
  return /^[A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{0,4})?-?$/i.test(value.trim());
}

/** "C79.8-" -> "C798-", "E11.22" -> "E1122", "Z00.-" -> "Z00-". */
function indexCode(value: string): string {
  return value.toUpperCase().replace(/[.\s]/g, '');
}

/** A drug or neoplasm table cell: a code, or "-" when the table prints "--" or "-" (no code). */
function cellCode(value: string): string {
  return /^-+$/.test(value.trim()) || value.trim() === '' ? '-' : indexCode(value);
}
