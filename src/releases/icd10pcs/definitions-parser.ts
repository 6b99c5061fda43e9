/**
 * Parses the ICD-10-PCS definitions file (icd10pcs_definitions_YYYY.xml), streaming: per section and axis,
 * the terms with their definition, explanation and includes. A <terms> block may carry several titles
 * ("1st Toe, Left" and "1st Toe, Right"); each title becomes its own PcsDefinition with the same content.
 * The device aggregation table at the end is not part of the model and is skipped.
 */
import type { LayerData, PcsDefinition } from '../../terminology/model.ts';
import type { ReleaseInput } from '../release-input.ts';
import { readXmlRelease, requireAttribute, requireIntAttribute } from './xml-release-reader.ts';
import type { XmlContext, XmlVisitor } from './xml-release-reader.ts';

export type PcsDefinitionsLayer = Extract<LayerData, { layer: 'pcs-definitions' }>;

interface TermsBuilder {
  titles: string[];
  definition?: string;
  explanation?: string;
  includes: string[];
}

/** Parses a definitions file into the 'pcs-definitions' layer. */
export async function parsePcsDefinitions(
  source: ReleaseInput,
  displayName?: string,
): Promise<PcsDefinitionsLayer> {
  const definitions: PcsDefinition[] = [];
  await readXmlRelease(
    source,
    displayName,
    { root: 'ICD10PCS.definitions', description: 'ICD-10-PCS definitions file' },
    definitionsVisitor(definitions),
  );
  return { layer: 'pcs-definitions', definitions };
}

function definitionsVisitor(out: PcsDefinition[]): XmlVisitor {
  let section: string | undefined;
  let axis: { pos: number; title: string } | undefined;
  let terms: TermsBuilder | undefined;
  return {
    open(name: string, attrs: Readonly<Record<string, string>>, ctx: XmlContext) {
      if (name === 'section') section = requireAttribute(attrs, 'code', name, ctx);
      else if (name === 'axis') {
        if (section === undefined) ctx.fail('<axis> outside a <section>');
        axis = { pos: requireIntAttribute(attrs, 'pos', name, ctx), title: '' };
      } else if (name === 'terms') {
        if (!axis) ctx.fail('<terms> outside an <axis>');
        terms = { titles: [], includes: [] };
      }
    },
    close(name: string, text: string, ctx: XmlContext) {
      if (terms) closeInTerms(terms, name, text, axis?.pos ?? 0);
      else if (name === 'title' && axis && ctx.parent === 'axis') axis.title = text;
      if (name === 'terms' && terms && axis && section !== undefined) {
        if (terms.titles.length === 0) ctx.fail('<terms> without a <title>');
        out.push(...toDefinitions(section, axis, terms));
        terms = undefined;
      } else if (name === 'axis') axis = undefined;
      else if (name === 'section') section = undefined;
    },
  };
}

function closeInTerms(terms: TermsBuilder, name: string, text: string, pos: number): void {
  if (name === 'title') terms.titles.push(text);
  else if (name === 'definition') terms.definition = text;
  else if (name === 'explanation') terms.explanation = text;
  else if (name === 'includes') terms.includes.push(...splitIncludes(text, pos));
}

/**
 * Each <includes> is one entry, except for operations (axis 3), where one element lists examples separated
 * by commas ("Face lift, breast augmentation"). Prose includes ("Includes the use of telephones, ...") stay whole.
 */
export function splitIncludes(text: string, pos: number): string[] {
  if (pos !== 3 || /^Includes\b/i.test(text)) return [text];
  return text
    .split(/,\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function toDefinitions(
  section: string,
  axis: { pos: number; title: string },
  terms: TermsBuilder,
): PcsDefinition[] {
  return terms.titles.map((term) => ({
    section,
    pos: axis.pos,
    axisTitle: axis.title,
    term,
    ...(terms.definition === undefined ? {} : { definition: terms.definition }),
    ...(terms.explanation === undefined ? {} : { explanation: terms.explanation }),
    ...(terms.includes.length === 0 ? {} : { includes: terms.includes }),
  }));
}
