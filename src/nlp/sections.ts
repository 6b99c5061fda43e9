/**
 * Section detection: finds headings ("ASSESSMENT/PLAN:", "Discharge Diagnoses:", "PAST MEDICAL
 * HISTORY:," run together as in MTSamples, or an upper-case line of its own) and cuts the note into
 * sections with a normalized category and a coding weight. Linear: only colons and line starts are
 * examined, each over at most MAX_HEADING characters.
 */
import {
  classifyHeading,
  classifyHeadingLoosely,
  normalizeHeading,
  SECTION_WEIGHTS,
  type HeadingClass,
  type SectionCategory,
} from './section-headings.ts';

/** A heading found in the text: [start, end) covers the title and its colon. */
export interface Heading {
  readonly start: number;
  readonly end: number;
  /** Normalized title ("past medical history"). */
  readonly title: string;
  /** Category, 'subheading' (exam body system) or undefined (unknown upper-case heading). */
  readonly kind: HeadingClass;
}

/** A section: its heading (absent for text before the first heading), body span, category, weight. */
export interface Section {
  readonly category: SectionCategory;
  readonly weight: number;
  readonly title: string;
  readonly heading: { readonly start: number; readonly end: number } | undefined;
  /** Start of the section: the heading start, or the body start when there is no heading. */
  readonly start: number;
  readonly bodyStart: number;
  readonly end: number;
}

export interface SectionLayout {
  readonly sections: readonly Section[];
  /** Every heading, including exam subheadings that do not open a section (sentence boundaries). */
  readonly headings: readonly Heading[];
}

const MAX_HEADING = 64;
/**
 * Operative notes often put the whole narrative under "PROCEDURE:"; a body longer than this is read
 * as procedure details rather than the list of procedures performed.
 */
const MAX_PROCEDURE_LIST = 600;
const MAX_HEADING_WORDS = 8;

/** Sections that keep body-system or unknown subheadings inside them. */
const CONTAINERS: ReadonlySet<SectionCategory> = new Set([
  'physical_exam',
  'review_of_systems',
  'assessment_and_plan',
  'impression',
  'plan',
  'hospital_course',
  'labs_and_studies',
  'findings',
  'procedure_details',
  'diagnoses',
  'discharge_diagnoses',
  'problem_list',
  'imaging',
]);

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}
function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}
function isHeadingChar(c: number): boolean {
  // letters, digits, space, tab, & ' ( ) - /
  return (
    isUpper(c) ||
    isLower(c) ||
    (c >= 48 && c <= 57) ||
    c === 32 ||
    c === 9 ||
    c === 38 ||
    c === 39 ||
    c === 40 ||
    c === 41 ||
    c === 45 ||
    c === 47
  );
}
/** Characters after which a heading may start: text start, line break, MTSamples "," or ".", ";". */
function isBoundaryChar(c: number): boolean {
  return c === 10 || c === 13 || c === 44 || c === 46 || c === 59 || c === 58 || c === 42 || c === 0x2022;
}

function headingFromTitle(text: string, start: number, end: number, titleEnd: number): Heading | undefined {
  let letters = 0;
  let lower = 0;
  let words = 0;
  let inWord = false;
  for (let i = start; i < titleEnd; i++) {
    const c = text.charCodeAt(i);
    if (isLower(c)) lower++;
    if (isLower(c) || isUpper(c)) letters++;
    const wordChar = c !== 32 && c !== 9;
    if (wordChar && !inWord) words++;
    inWord = wordChar;
  }
  if (letters < 2 || words > MAX_HEADING_WORDS) return undefined;
  const title = normalizeHeading(text.slice(start, titleEnd));
  const caps = lower === 0;
  const kind = classifyHeading(title) ?? (caps ? classifyHeadingLoosely(title) : undefined);
  // Unknown upper-case titles need some length: "VSG: 40 mm", "BP: 120/80" are values, not headings.
  if (kind === undefined && (!caps || (words < 2 && letters < 5))) return undefined;
  if (!caps && !isUpper(text.charCodeAt(start))) return undefined;
  return { start, end, title, kind };
}

/** The heading ending at the colon at `colon`, if the text before it reads as one. */
function headingAtColon(text: string, colon: number): Heading | undefined {
  const before = text.charCodeAt(colon - 1);
  if (!(isUpper(before) || isLower(before) || before === 41)) return undefined;
  let j = colon - 1;
  while (j >= 0 && colon - j <= MAX_HEADING && isHeadingChar(text.charCodeAt(j))) j--;
  if (colon - j > MAX_HEADING) return undefined;
  if (j >= 0 && !isBoundaryChar(text.charCodeAt(j))) return undefined;
  let start = j + 1;
  while (start < colon && !(isUpper(text.charCodeAt(start)) || isLower(text.charCodeAt(start)))) start++;
  return headingFromTitle(text, start, colon + 1, colon);
}

/** A line of its own in upper case that names a known section ("PHYSICAL EXAMINATION"). */
function headingOnLine(text: string, lineStart: number, lineEnd: number): Heading | undefined {
  let s = lineStart;
  let e = lineEnd;
  while (s < e && text.charCodeAt(s) <= 32) s++;
  while (e > s && text.charCodeAt(e - 1) <= 32) e--;
  if (e - s < 2 || e - s > MAX_HEADING) return undefined;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (isLower(c) || !isHeadingChar(c)) return undefined;
  }
  const heading = headingFromTitle(text, s, e, e);
  return heading?.kind === undefined || heading.kind === 'subheading' ? undefined : heading;
}

/** All headings in text order. */
export function findHeadings(text: string): Heading[] {
  const headings: Heading[] = [];
  let colon = text.indexOf(':');
  let lineStart = 0;
  let lineEnd = text.indexOf('\n');
  if (lineEnd < 0) lineEnd = text.length;
  for (;;) {
    const nextColon = colon < 0 ? Infinity : colon;
    if (lineEnd <= nextColon && lineEnd < text.length) {
      if (colon < 0 || colon > lineEnd) {
        const heading = headingOnLine(text, lineStart, lineEnd);
        if (heading) headings.push(heading);
      }
      lineStart = lineEnd + 1;
      lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) lineEnd = text.length;
      continue;
    }
    if (colon < 0) break;
    const heading = headingAtColon(text, colon);
    if (heading) headings.push(heading);
    colon = text.indexOf(':', colon + 1);
  }
  return headings;
}

/** Skips the spaces and MTSamples "," artefacts after a heading. */
function bodyStartAfter(text: string, i: number): number {
  let j = i;
  for (;;) {
    const c = text.charCodeAt(j);
    if (c === 32 || c === 9 || c === 44 || c === 58 || c === 10 || c === 13) j++;
    else return j;
  }
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start) {
    const c = text.charCodeAt(e - 1);
    if (c <= 32 || c === 44) e--;
    else break;
  }
  return e;
}

interface OpenSection {
  category: SectionCategory;
  title: string;
  heading: Heading | undefined;
  bodyStart: number;
}

/** Whether `heading` opens a new section given the currently open one, and with which category. */
function opensSection(heading: Heading, current: OpenSection | undefined): SectionCategory | undefined {
  if (heading.kind !== 'subheading' && heading.kind !== undefined) return heading.kind;
  if (current && CONTAINERS.has(current.category)) return undefined;
  return heading.kind === 'subheading' ? 'physical_exam' : 'other';
}

/**
 * Cuts a note into sections.
 * @example detectSections('HPI: cough.\nASSESSMENT: Pneumonia.').sections.map((s) => s.category)
 *   // ['history_of_present_illness', 'assessment_and_plan']
 */
export function detectSections(text: string): SectionLayout {
  const headings = findHeadings(text);
  const sections: Section[] = [];
  let current: OpenSection | undefined;
  const close = (end: number): void => {
    if (!current) return;
    const bodyEnd = Math.max(current.bodyStart, trimEnd(text, current.bodyStart, end));
    if (current.heading || bodyEnd > current.bodyStart) {
      const category =
        current.category === 'procedures' && bodyEnd - current.bodyStart > MAX_PROCEDURE_LIST
          ? 'procedure_details'
          : current.category;
      sections.push({
        category,
        weight: SECTION_WEIGHTS[category],
        title: current.title,
        heading: current.heading && { start: current.heading.start, end: current.heading.end },
        start: current.heading ? current.heading.start : current.bodyStart,
        bodyStart: current.bodyStart,
        end: bodyEnd,
      });
    }
  };
  current = { category: 'none', title: '', heading: undefined, bodyStart: bodyStartAfter(text, 0) };
  for (const heading of headings) {
    const category = opensSection(heading, current);
    if (category === undefined) continue;
    close(heading.start);
    current = { category, title: heading.title, heading, bodyStart: bodyStartAfter(text, heading.end) };
  }
  close(text.length);
  return { sections, headings };
}

/** The section containing character `offset` (binary search), or undefined before the first one. */
export function sectionAt(sections: readonly Section[], offset: number): Section | undefined {
  let lo = 0;
  let hi = sections.length - 1;
  let found: Section | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sections[mid]!;
    if (s.start <= offset) {
      found = s;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
