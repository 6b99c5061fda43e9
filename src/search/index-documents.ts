/**
 * Turns everything a code set holds into search documents: a short text that leads to a code (or to
 * every code under a prefix). Titles, short titles and inclusion terms lead to their own code; index
 * paths, see-references, drug and neoplasm table cells, and PCS index entries lead to a code or prefix
 * and, when that is a header, on to its billable children (chosen at query time by the query's words).
 */
import type { CodeSet } from '../terminology/code-set.ts';
import type { IndexKind, IndexTerm } from '../terminology/model.ts';
import { normalizeText } from './text-normalizer.ts';

export const DOC_KINDS = [
  'title',
  'short',
  'inclusion',
  'index',
  'see',
  'eindex',
  'drug',
  'neoplasm',
  'pcs-index',
] as const;
export type DocKind = (typeof DOC_KINDS)[number];

/** A search document before tokenization. */
export interface SourceDocument {
  /** Normalized code, or code prefix, the text leads to. */
  readonly target: string;
  readonly kind: DocKind;
  /** Words that must be matched for a full match. */
  readonly text: string;
  /** Words that may be matched but cost nothing when absent (nonessential modifiers, default columns). */
  readonly optional: string;
  /** The index path or reference shown as the reason of a hit; undefined for a code's own title. */
  readonly label?: string;
}

/** Documents of the code titles, short titles and inclusion terms. */
export function* titleDocuments(codeSet: CodeSet): Generator<SourceDocument> {
  for (const c of codeSet.codes()) {
    yield { target: c.code, kind: 'title', text: c.title, optional: '' };
    if (c.shortTitle && normalizeText(c.shortTitle) !== normalizeText(c.title)) {
      yield { target: c.code, kind: 'short', text: c.shortTitle, optional: '', label: c.shortTitle };
    }
  }
  for (const n of codeSet.allNotes()) {
    if (n.type === 'inclusionTerm')
      yield { target: n.owner, kind: 'inclusion', text: n.text, optional: '', label: n.text };
  }
}

interface TermTree {
  readonly byId: Map<number, IndexTerm>;
  readonly children: Map<number, IndexTerm[]>;
  readonly mains: Map<string, IndexTerm[]>;
  /** Each subterm's parent, a "Note:" pseudo-term skipped (see treeOf). */
  readonly parentOf: Map<number, number>;
}

function addMain(mains: Map<string, IndexTerm[]>, key: string, t: IndexTerm): void {
  const list = mains.get(key);
  if (!list) mains.set(key, [t]);
  else if (!list.includes(t)) list.push(t);
}

const NOTE = /^note\b/i;

/**
 * The term tree. A "Note:" printed as a subterm is not one: the release nests the terms after it under
 * it ("Failure > Note: heart failure stages A, B, C, and D ... > systolic"), where they belong to the
 * term the note follows ("Failure > heart > systolic"), so they are attached there.
 */
function treeOf(terms: readonly IndexTerm[]): TermTree {
  const byId = new Map<number, IndexTerm>();
  const children = new Map<number, IndexTerm[]>();
  const mains = new Map<string, IndexTerm[]>();
  const parentOf = new Map<number, number>();
  const noteOwner = new Map<number, number>();
  for (const t of terms) {
    byId.set(t.id, t);
    if (t.parent === undefined) {
      addMain(mains, normalizeText(t.title), t);
      addMain(mains, normalizeText(t.title.split(',')[0] ?? ''), t);
      continue;
    }
    const parent = noteOwner.get(t.parent) ?? t.parent;
    const siblings = children.get(parent);
    if (NOTE.test(t.title) && t.code === undefined) {
      noteOwner.set(t.id, siblings?.at(-1)?.id ?? parent);
      continue;
    }
    parentOf.set(t.id, parent);
    if (siblings) siblings.push(t);
    else children.set(parent, [t]);
  }
  return { byId, children, mains, parentOf };
}

function ancestry(tree: TermTree, term: IndexTerm): IndexTerm[] {
  const chain: IndexTerm[] = [];
  for (let t: IndexTerm | undefined = term; t;) {
    chain.unshift(t);
    const parent = tree.parentOf.get(t.id);
    t = parent === undefined ? undefined : tree.byId.get(parent);
  }
  return chain;
}

/** Required and optional words of an index path, and its label ("Failure > heart > systolic"). */
function pathWords(
  chain: readonly IndexTerm[],
  mainOptional: boolean,
): { text: string; optional: string; label: string } {
  const required: string[] = [];
  const optional: string[] = [];
  for (const [i, t] of chain.entries()) {
    const title = t.title || t.see || '';
    if (i === 0) {
      const [first, ...rest] = title.split(',');
      (mainOptional ? optional : required).push(first ?? '');
      optional.push(rest.join(' '));
    } else required.push(title);
    optional.push(...(t.nemod ?? []));
  }
  const label = chain.map((t) => t.title || t.see || '').join(' > ');
  return { text: required.join(' '), optional: optional.join(' '), label };
}

function descend(
  tree: TermTree,
  from: IndexTerm,
  parts: readonly string[],
): { term: IndexTerm; depth: number } {
  let term = from;
  let depth = 0;
  for (const part of parts) {
    const next: IndexTerm | undefined = (tree.children.get(term.id) ?? []).find((c) => {
      const t = normalizeText(c.title);
      return t === part || t.startsWith(`${part} `) || t.split(' ')[0] === part;
    });
    if (!next) break;
    term = next;
    depth++;
  }
  return { term, depth };
}

/** Follows a "see" reference ("Pain, abdominal") to the index term it names, trying each main term of that name. */
export function resolveSee(tree: TermTree, see: string): IndexTerm | undefined {
  const parts = see.split(',').map((p) => normalizeText(p));
  const mains = tree.mains.get(normalizeText(see)) ?? tree.mains.get(parts[0] ?? '') ?? [];
  const rest = tree.mains.has(normalizeText(see)) ? [] : parts.slice(1);
  let best: { term: IndexTerm; depth: number } | undefined;
  for (const main of mains) {
    const found = descend(tree, main, rest);
    if (!best || found.depth > best.depth) best = found;
  }
  return best?.term;
}

/** Documents of one alphabetic index (main index or external-cause index), with see-references followed. */
export function* indexDocuments(
  terms: readonly IndexTerm[],
  kind: 'index' | 'eindex',
): Generator<SourceDocument> {
  const tree = treeOf(terms);
  for (const t of terms) {
    const words = pathWords(ancestry(tree, t), false);
    if (t.code)
      yield { target: t.code, kind, text: words.text, optional: words.optional, label: words.label };
    // "see" replaces the term's code; "see also" offers another place the coder may have meant.
    const refs: [string | undefined, string][] = [
      [t.code ? undefined : t.see, 'see'],
      [t.seeAlso, 'see also'],
    ];
    for (const [ref, how] of refs) {
      const to = ref === undefined ? undefined : resolveSee(tree, ref);
      if (!to?.code || to === t || to.code === t.code) continue;
      const label = `${words.label} → ${how} ${ref}`;
      // The words of a "see" target explain the target's title (a child chosen under it), so they are
      // optional; a "see also" target has only the term's own words, so the term's code stays first.
      const optional = how === 'see' ? `${words.optional} ${ref}` : words.optional;
      yield { target: to.code, kind: 'see', text: words.text, optional, label };
    }
  }
}

/** Words of a table column heading: parenthesized words are optional, as is all but the first word of the default column. */
function headingWords(heading: string, isDefault: boolean): { text: string; optional: string } {
  const optional = [...heading.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]).join(' ');
  const words = heading.replace(/\([^)]*\)/g, ' ').replace(/^Ca in situ$/i, 'carcinoma in situ');
  if (/unspecified/i.test(words)) return { text: '', optional: `${words} ${optional}` };
  if (!isDefault) return { text: words, optional };
  const [first, ...rest] = words.trim().split(/\s+/);
  return { text: first ?? '', optional: `${optional} ${rest.join(' ')}` };
}

/** Documents of the drug or neoplasm table: one per row and column that has a code. */
export function* tableDocuments(
  terms: readonly IndexTerm[],
  kind: 'drug' | 'neoplasm',
  headings: readonly string[],
): Generator<SourceDocument> {
  const tree = treeOf(terms);
  // The default column (accidental poisoning, malignant primary) is the first one with a code column.
  const first = terms.find((t) => t.cells !== undefined);
  const defaultColumn = first?.cells ? Object.keys(first.cells)[0] : headings[1];
  for (const t of terms) {
    if (!t.cells) continue;
    const words = pathWords(ancestry(tree, t), kind === 'neoplasm');
    for (const [heading, code] of Object.entries(t.cells)) {
      if (code === '-' || code === '') continue;
      const col = headingWords(heading, heading === defaultColumn);
      yield {
        target: code,
        kind,
        text: `${words.text} ${col.text}`,
        optional: `${words.optional} ${col.optional}`,
        label: `${kind === 'drug' ? 'Drug table' : 'Neoplasm table'}: ${words.label} [${heading}]`,
      };
    }
  }
}

/** Documents of the ICD-10-PCS index: terms leading to a code or to a table/body-part prefix. */
export function* pcsIndexDocuments(terms: readonly IndexTerm[]): Generator<SourceDocument> {
  const tree = treeOf(terms);
  for (const t of terms) {
    const target = t.code ?? t.codes;
    if (!target) continue;
    const chain = ancestry(tree, t);
    const words = pathWords(
      chain.map((c) => ({ ...c, see: undefined })),
      false,
    );
    const label = chain.map((c) => c.title || (c.see ? `see ${c.see}` : '')).join(' > ');
    yield {
      target,
      kind: 'pcs-index',
      text: words.text,
      optional: `${words.optional} ${t.see ?? ''}`,
      label,
    };
  }
}

/** Every document of a code set. */
export function* allDocuments(codeSet: CodeSet): Generator<SourceDocument> {
  yield* titleDocuments(codeSet);
  const kinds: IndexKind[] = ['index', 'eindex'];
  for (const k of kinds) yield* indexDocuments(codeSet.indexTerms(k), k as 'index' | 'eindex');
  for (const k of ['drug', 'neoplasm'] as const) {
    yield* tableDocuments(codeSet.indexTerms(k), k, codeSet.indexHeadings(k));
  }
  yield* pcsIndexDocuments(codeSet.indexTerms('pcs-index'));
}
