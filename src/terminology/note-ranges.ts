/**
 * Code references in the text of ICD-10-CM tabular notes: "(N18.1-N18.6)", "(E08.-)", "(F10.-, F11.-)",
 * "Conditions classifiable to S00-T88", "(E08-E13 with .52)", "(T36-T50 with fifth or sixth character 5)".
 * Pure; no I/O.
 */
import type { CodeRange } from './model.ts';

/** One code as written: category, then up to four characters after the dot. */
const CODE = String.raw`[A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?`;
/**
 * A code, optionally a range to a second code. Between them: "-", "--", ".-" (typo "F98.2.-F98.3")
 * or "to" (after an optional ".-": "S00.- to S09.-"). A lone trailing "-" or ".-" marks a prefix.
 */
const ITEM = new RegExp(
  String.raw`(?<![0-9A-Za-z])(${CODE})(?![0-9A-Za-z])(?:(?:\.?-)?(?:\s*(?:\.?-{1,2}|–)\s*|\s+to\s+)(${CODE})(?![0-9A-Za-z]))?(?:\.?-(?![A-Z]\d))?`,
  'g',
);
/** "with .52", "with .51-.52", "with .150, .250, .950", "with .69-": final characters that pin the codes down. */
const SUFFIX_LIST = /^\s*(?:\.\d[0-9A-Z]{0,3}-?(?:\s*-\s*\.\d[0-9A-Z]{0,3}-?)?\s*(?:,|\.|and|or)?\s*)+$/;
const SUFFIX = /\.(\d[0-9A-Z]{0,3})(?:\s*-\s*\.(\d[0-9A-Z]{0,3}))?/g;
/** Words before a bare three-character token that make it something other than a code ("vitamin B12"). */
const NOT_A_CODE_BEFORE = /\bvitamin\s*$/i;

/**
 * Codes and code ranges named in a tabular note's text, normalized (no dots), in order of appearance.
 * @example parseNoteRanges('code to identify stage of chronic kidney disease (N18.1-N18.6)')
 *   // [{ first: 'N181', last: 'N186', text: 'N18.1-N18.6' }]
 */
export function parseNoteRanges(text: string): CodeRange[] {
  const out: CodeRange[] = [];
  const seen = new Set<string>();
  const add = (r: CodeRange): void => {
    const key = `${r.first}|${r.last}|${r.qualifier ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(r);
  };
  // Parenthesised groups are the usual place of references; the rest of the text ("Conditions
  // classifiable to S00-T88") is scanned too, with the parentheses blanked out to keep positions.
  const outside = text.replace(/\([^()]*\)/g, (m) => ' '.repeat(m.length));
  const groups: { start: number; body: string; inParens: boolean }[] = [];
  for (const m of text.matchAll(/\(([^()]*)\)/g)) {
    groups.push({ start: m.index + 1, body: m[1] ?? '', inParens: true });
  }
  groups.push({ start: 0, body: outside, inParens: false });
  groups.sort((a, b) => a.start - b.start);
  for (const g of groups) {
    for (const r of rangesOfGroup(g.body, g.inParens)) add(r);
  }
  return out;
}

function rangesOfGroup(body: string, inParens: boolean): CodeRange[] {
  const withAt = inParens ? body.search(/,?\s*\bwith\s/) : -1;
  const head = withAt >= 0 ? body.slice(0, withAt) : body;
  const items = itemsOf(head, inParens);
  if (withAt < 0 || items.length === 0) return items;
  const condition = body.slice(withAt).replace(/^,?\s*with\s+/, '');
  if (SUFFIX_LIST.test(condition)) {
    const expanded = expandSuffixes(items, condition, body.trim());
    if (expanded) return expanded;
  }
  return items.map((r) => ({ ...r, text: body.trim(), qualifier: `with ${condition.trim()}` }));
}

function itemsOf(body: string, inParens: boolean): CodeRange[] {
  const out: CodeRange[] = [];
  for (const m of body.matchAll(ITEM)) {
    const first = m[1]!;
    const second = m[2];
    const bare = !second && first.length === 3 && !m[0].includes('-');
    if (bare && !inParens && NOT_A_CODE_BEFORE.test(body.slice(0, m.index))) continue;
    out.push({
      first: normalizeRef(first),
      last: normalizeRef(second ?? first),
      text: m[0].trim(),
    });
  }
  return out;
}

/**
 * "(E08-E13 with .52)" names E08.52, E09.52 ... E13.52: expand each category of the items by each
 * final-character suffix. Undefined when a range cannot be enumerated (it spans letters).
 */
function expandSuffixes(
  items: readonly CodeRange[],
  condition: string,
  text: string,
): CodeRange[] | undefined {
  const categories: string[] = [];
  for (const item of items) {
    const cats = enumerateCategories(item.first, item.last);
    if (!cats) return undefined;
    categories.push(...cats);
  }
  const out: CodeRange[] = [];
  for (const s of condition.matchAll(SUFFIX)) {
    for (const cat of categories) {
      out.push({ first: cat + s[1]!, last: cat + (s[2] ?? s[1]!), text });
    }
  }
  return out;
}

function enumerateCategories(first: string, last: string): string[] | undefined {
  if (first.length !== 3 || last.length !== 3 || first[0] !== last[0]) return undefined;
  const from = Number(first.slice(1));
  const to = Number(last.slice(1));
  if (!Number.isInteger(from) || !Number.isInteger(to) || to < from || to - from > 99) return undefined;
  const cats: string[] = [];
  for (let n = from; n <= to; n++) cats.push(first[0] + String(n).padStart(2, '0'));
  return cats;
}

/** "E08.-" -> "E08", "Z00.12.-" -> "Z0012", "J96.0-" -> "J960". */
function normalizeRef(ref: string): string {
  return ref.replace(/[.-]/g, '').toUpperCase();
}

/**
 * Categories whose third character is a letter sit in tabular order right after another category,
 * not where character order would put them (C4A between C43 and C44; C7A, C7B between C75 and C76).
 * From the FY2023-FY2026 order files; a category not listed sorts by character (I1A after I16 anyway).
 */
const LETTER_CATEGORY_AFTER: Readonly<Record<string, string>> = {
  C4A: 'C43',
  C7A: 'C75',
  C7B: 'C75',
  D3A: 'D36',
  I1A: 'I16',
  I5A: 'I52',
  J4A: 'J44',
  M1A: 'M08',
  O9A: 'O99',
  Z3A: 'Z36',
};

/** A key that sorts codes in tabular order with plain string comparison. */
export function sortKey(code: string): string {
  const after = LETTER_CATEGORY_AFTER[code.slice(0, 3)];
  // "~" sorts after every digit and letter, so C7A lands after all of C75 and before C76.
  return after === undefined ? code : `${after}~${code.slice(2)}`;
}

/**
 * Whether a normalized code falls in a range: first <= code, and code <= last or code lies under last.
 * Order is tabular order (I1A after I16; C7A before C76), so "C76-C80" does not take in C7A.
 * @example codeInRange('N184', { first: 'N181', last: 'N186', text: 'N18.1-N18.6' }) // true
 */
export function codeInRange(code: string, range: Pick<CodeRange, 'first' | 'last'>): boolean {
  return keyInRange(sortKey(code), code, sortKey(range.first), sortKey(range.last), range.last);
}

/** codeInRange with the sort keys (sortKey) of the code and of the range's ends taken already. */
export function keyInRange(
  key: string,
  code: string,
  firstKey: string,
  lastKey: string,
  last: string,
): boolean {
  return key >= firstKey && (key <= lastKey || code.startsWith(last));
}
