/**
 * Streaming parser of the ICD-10-CM tabular list XML (icd10cm_tabular_YYYY.xml, schema
 * icd-10-cm-tabular-YYYY.xsd) into the 'tabular' layer: chapters and blocks, instructional notes with
 * the code ranges they name, 7th-character definitions, placeholder-X codes and the tabular titles.
 */
import type {
  LayerData,
  NoteType,
  SeventhCharacter,
  TabularGroup,
  TabularNote,
} from '../../terminology/model.ts';
import { NOTE_TYPES } from '../../terminology/model.ts';
import { normalizeCode } from '../../terminology/code-system.ts';
import { parseNoteRanges } from '../../terminology/note-ranges.ts';
import { cleanText, expectRoot, fileSource, streamXml } from '../xml-stream.ts';
import type { XmlHandler, XmlPosition, XmlSource } from '../xml-stream.ts';

export type TabularLayer = Extract<LayerData, { layer: 'tabular' }>;

/** Elements whose whole subtree carries nothing for the layer (front matter, the visual-impairment table). */
const SKIPPED = new Set(['introduction', 'visualImpairment', 'deactivated']);
/** Addenda markup: <old> holds deleted text, which is not part of the current title or note. */
const DELETED = 'old';
const NOTE_CONTAINERS: ReadonlySet<string> = new Set<string>(NOTE_TYPES);

/** A chapter, section or diag being read; notes and 7th characters attach to the innermost one. */
interface Frame {
  readonly element: 'chapter' | 'section' | 'diag';
  /** Chapter number, block id or normalized code, once known. */
  owner: string;
  seq: number;
  readonly order: number;
  title?: string;
  /** diag placeholder="true": its code holds a placeholder X ("T36.0X"). */
  readonly placeholder?: boolean;
  readonly first?: string;
  readonly last?: string;
}

/** Parses an ICD-10-CM tabular XML read from `source`; `displayName` names it in errors. */
export async function parseIcd10cmTabular(source: XmlSource, displayName: string): Promise<TabularLayer> {
  let builder: TabularBuilder | undefined;
  await streamXml(source, displayName, (where) => (builder = new TabularBuilder(where)));
  return builder!.result();
}

/** Parses the ICD-10-CM tabular XML file at `filePath`. */
export function parseIcd10cmTabularFile(filePath: string, displayName = filePath): Promise<TabularLayer> {
  return parseIcd10cmTabular(fileSource(filePath), displayName);
}

class TabularBuilder implements XmlHandler {
  private readonly groups: TabularGroup[] = [];
  private readonly notes: TabularNote[] = [];
  private readonly sevenths: SeventhCharacter[] = [];
  private readonly placeholders: string[] = [];
  private readonly titles = new Map<string, string>();
  /** sectionRef first/last by block id, from the chapter's section index. */
  private readonly sectionRefs = new Map<string, { first: string; last: string }>();
  private readonly stack: string[] = [];
  private readonly frames: Frame[] = [];
  private skipDepth = 0;
  private deletedDepth = 0;
  private buffer: string[] | undefined;
  private container: NoteType | 'sevenChrDef' | undefined;
  private seventhChar: string | undefined;
  private lastSeventh: { notes?: string[] } | undefined;
  private groupOrder = 0;

  constructor(private readonly where: () => XmlPosition) {}

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    if (this.stack.length === 0) expectRoot(name, 'ICD10CM.tabular', this.where());
    this.stack.push(name);
    if (this.skipDepth > 0 || SKIPPED.has(name)) {
      this.skipDepth++;
      return;
    }
    if (name === DELETED) this.deletedDepth++;
    switch (name) {
      case 'chapter':
      case 'section':
      case 'diag':
        this.openFrame(name, attributes);
        return;
      case 'sevenChrDef':
        this.container = 'sevenChrDef';
        this.lastSeventh = undefined;
        return;
      case 'extension':
        this.seventhChar = attributes['char'] ?? '';
        this.buffer = [];
        return;
      case 'sectionRef':
        this.sectionRefs.set(attributes['id'] ?? '', {
          first: attributes['first'] ?? '',
          last: attributes['last'] ?? '',
        });
        return;
      case 'name':
      case 'desc':
      case 'note':
        this.buffer = [];
        return;
      default:
        if (NOTE_CONTAINERS.has(name) && this.frames.length > 0) this.container = name as NoteType;
    }
  }

  text(text: string): void {
    if (this.buffer && this.skipDepth === 0 && this.deletedDepth === 0) this.buffer.push(text);
  }

  close(name: string): void {
    this.stack.pop();
    if (this.skipDepth > 0) {
      this.skipDepth--;
      return;
    }
    if (name === DELETED) this.deletedDepth--;
    switch (name) {
      case 'chapter':
      case 'section':
      case 'diag':
        this.closeFrame();
        return;
      case 'name':
      case 'desc':
        this.closeHeading(name, this.takeText());
        return;
      case 'note':
        this.closeNote(this.takeText());
        return;
      case 'extension':
        this.closeExtension(this.takeText());
        return;
      default:
        if (name === this.container) this.container = undefined;
    }
  }

  result(): TabularLayer {
    return {
      layer: 'tabular',
      groups: this.groups.sort((a, b) => a.order - b.order),
      notes: this.notes,
      sevenths: this.sevenths,
      placeholders: this.placeholders,
      titles: this.titles,
    };
  }

  private openFrame(element: Frame['element'], attributes: Readonly<Record<string, string>>): void {
    if (element === 'diag') {
      this.frames.push({
        element,
        owner: '',
        seq: 0,
        order: 0,
        placeholder: attributes['placeholder'] === 'true',
      });
      return;
    }
    const order = this.groupOrder++;
    if (element === 'chapter') {
      this.frames.push({ element, owner: '', seq: 0, order });
      return;
    }
    const id = attributes['id'] ?? '';
    const ref = this.sectionRefs.get(id);
    const [first = id, last = first] = ref ? [ref.first, ref.last] : id.split('-');
    // Single-category blocks ("C50") get the id "C50-C50" so that their notes never share an owner
    // with the category of the same code (block T07 and category T07 both carry Excludes1 notes).
    const owner = `${normalizeCode(first)}-${normalizeCode(last)}`;
    this.frames.push({
      element,
      owner,
      seq: 0,
      order,
      first: normalizeCode(first),
      last: normalizeCode(last),
    });
  }

  private closeFrame(): void {
    const frame = this.frames.pop();
    if (!frame || frame.element === 'diag') return;
    const chapter = this.frames.find((f) => f.element === 'chapter');
    const title = frame.title ?? '';
    const span = frame.first ? { first: frame.first, last: frame.last ?? frame.first } : rangeOfTitle(title);
    this.groups.push({
      id: frame.owner,
      kind: frame.element === 'chapter' ? 'chapter' : 'block',
      title,
      first: span.first,
      last: span.last,
      ...(frame.element === 'section' && chapter ? { chapter: chapter.owner } : {}),
      order: frame.order,
    });
  }

  private closeHeading(name: 'name' | 'desc', value: string): void {
    const frame = this.frames.at(-1);
    if (!frame || this.stack.at(-1) !== frame.element) return;
    if (name === 'desc') {
      if (frame.element === 'diag') this.titles.set(frame.owner, value);
      else frame.title = value;
      return;
    }
    frame.owner = frame.element === 'diag' ? normalizeCode(value) : value;
    if (frame.placeholder) this.placeholders.push(frame.owner);
  }

  private closeNote(value: string): void {
    const frame = this.frames.at(-1);
    if (!frame || !this.container || value === '') return;
    if (this.container === 'sevenChrDef') {
      // A note under a 7th character widens it: S72 "B" also covers "open fracture NOS".
      if (this.lastSeventh) (this.lastSeventh.notes ??= []).push(value);
      return;
    }
    this.notes.push({
      owner: frame.owner,
      type: this.container,
      text: value,
      ranges: parseNoteRanges(value),
      seq: frame.seq++,
    });
  }

  private closeExtension(value: string): void {
    const frame = this.frames.at(-1);
    if (!frame || this.seventhChar === undefined) return;
    const seventh: SeventhCharacter & { notes?: string[] } = {
      owner: frame.owner,
      char: this.seventhChar.trim().toUpperCase(),
      meaning: value,
    };
    this.sevenths.push(seventh);
    this.lastSeventh = seventh;
    this.seventhChar = undefined;
  }

  private takeText(): string {
    const value = cleanText((this.buffer ?? []).join(''));
    this.buffer = undefined;
    return value;
  }
}

/** "Certain infectious and parasitic diseases (A00-B99)" -> A00..B99; a chapter's span from its title. */
function rangeOfTitle(title: string): { first: string; last: string } {
  const m = /\(([A-Z]\d[0-9A-Z])-([A-Z]\d[0-9A-Z])\)\s*$/.exec(title);
  return m ? { first: m[1]!, last: m[2]! } : { first: '', last: '' };
}
