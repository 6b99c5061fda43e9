/**
 * Parses the ICD-10-PCS index (icd10pcs_index_YYYY.xml), streaming, into IndexTerm records of kind
 * 'pcs-index'. A <mainTerm> (level 0) and nested <term level="n"> carry a title and at most one of:
 * <code> (a full code), <codes> (a code prefix: table + body part), <tab> (a table), <see> or <use>.
 * A <see>/<use> may hold a <codes> or <tab> child naming where it leads; that goes to `codes` too, since a
 * term never has both its own codes and a cross-reference. Subterms without a title get title "".
 */
import type { IndexTerm, LayerData } from '../../terminology/model.ts';
import type { ReleaseInput } from '../release-input.ts';
import { readXmlRelease } from './xml-release-reader.ts';
import type { XmlContext, XmlVisitor } from './xml-release-reader.ts';

/** The index variant of LayerData, narrowed to the PCS index. */
export type PcsIndexLayer = Extract<LayerData, { terms: readonly IndexTerm[] }> & {
  readonly layer: 'pcs-index';
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Parses an index file into the 'pcs-index' layer; term ids run from 1 in document order. */
export async function parsePcsIndex(source: ReleaseInput, displayName?: string): Promise<PcsIndexLayer> {
  const terms: Mutable<IndexTerm>[] = [];
  await readXmlRelease(
    source,
    displayName,
    { root: 'ICD10PCS.index', description: 'ICD-10-PCS index file' },
    indexVisitor(terms),
  );
  return { layer: 'pcs-index', terms };
}

function indexVisitor(out: Mutable<IndexTerm>[]): XmlVisitor {
  const open: Mutable<IndexTerm>[] = [];
  return {
    open(name: string, attrs: Readonly<Record<string, string>>, ctx: XmlContext) {
      if (name !== 'mainTerm' && name !== 'term') return;
      const parent = open.at(-1);
      if (name === 'term' && !parent) ctx.fail('<term> outside a <mainTerm>');
      const level = parent ? parent.level + 1 : 0;
      if (name === 'term' && attrs['level'] !== String(level)) {
        ctx.fail(`<term level="${attrs['level'] ?? ''}"> nested at level ${level}`);
      }
      const term: Mutable<IndexTerm> = { id: out.length + 1, kind: 'pcs-index', level, title: '' };
      if (parent) term.parent = parent.id;
      out.push(term);
      open.push(term);
    },
    close(name: string, text: string, ctx: XmlContext) {
      const term = open.at(-1);
      if (name === 'mainTerm' || name === 'term') open.pop();
      else if (term) setField(term, name, text, ctx);
    },
  };
}

function setField(term: Mutable<IndexTerm>, name: string, text: string, ctx: XmlContext): void {
  const inTerm = ctx.parent === 'mainTerm' || ctx.parent === 'term';
  const inReference = ctx.parent === 'see' || ctx.parent === 'use';
  if (!inTerm && !inReference) return;
  switch (name) {
    case 'title':
      if (inTerm) term.title = text;
      return;
    case 'see':
    case 'use':
      term[name] = text;
      return;
    case 'code':
      term.code = text;
      return;
    case 'codes':
    case 'tab':
      if (term.codes !== undefined) ctx.fail(`term "${term.title}" leads to both ${term.codes} and ${text}`);
      term.codes = text;
      return;
    default:
      return;
  }
}
