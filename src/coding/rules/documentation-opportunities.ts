/**
 * Documentation-improvement opportunities: a chosen "unspecified" code whose siblings differ by an axis the
 * note does not state. The axis is read from the sibling titles themselves: the words each sibling adds to
 * the unspecified title are its value on the axis ("stage 1", "left"), and a word shared by most of them
 * ("stage") names the axis.
 */
import type { CodeSet } from '../../terminology/code-set.ts';
import type { DocumentationOpportunity } from '../coding-result.ts';
import { isStopword, titleTokens } from '../text/note-tokens.ts';

const GENERIC = new Set([
  'unspecified',
  'other',
  'specified',
  'without',
  'with',
  'not',
  'elsewhere',
  'classified',
]);

/** Pushed into an array literal (not filtered): one array kind for the every-note check in documentationOpportunity. */
function distinguishing(sibling: string, base: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const t of titleTokens(sibling)) if (!base.has(t) && !isStopword(t) && !GENERIC.has(t)) out.push(t);
  return out;
}

/** What a code's siblings say, independent of the note: their axis values, the axis, the query. */
interface SiblingAxis {
  readonly values: readonly (readonly string[])[];
  readonly opportunity: DocumentationOpportunity;
}

/** Per code set and code (null: not an unspecified code with at least two siblings that differ). */
const AXES = new WeakMap<CodeSet, Map<string, SiblingAxis | null>>();

function siblingAxis(codeSet: CodeSet, code: string): SiblingAxis | undefined {
  let cache = AXES.get(codeSet);
  if (!cache) AXES.set(codeSet, (cache = new Map()));
  let axis = cache.get(code);
  if (axis === undefined) {
    axis = computeSiblingAxis(codeSet, code) ?? null;
    cache.set(code, axis);
  }
  return axis ?? undefined;
}

function computeSiblingAxis(codeSet: CodeSet, code: string): SiblingAxis | undefined {
  const rec = codeSet.get(code);
  if (!rec?.parent || !/unspecified/i.test(rec.title)) return undefined;
  const base = new Set(titleTokens(rec.title));
  const values: string[][] = [];
  for (const s of codeSet.children(rec.parent)) {
    if (s.code === code || /unspecified/i.test(s.title) || /^other\b/i.test(s.title)) continue;
    const v = distinguishing(s.title, base);
    if (v.length > 0 && v.length <= 6) values.push(v);
  }
  if (values.length < 2) return undefined;
  const counts = new Map<string, number>();
  for (const v of values) for (const t of new Set(v)) counts.set(t, (counts.get(t) ?? 0) + 1);
  const [word, n] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  const axis = n >= values.length / 2 && !/^\d/.test(word) ? word : 'type';
  const list = [...new Set(values.map((v) => v.join(' ')))].slice(0, 8);
  return {
    values,
    opportunity: {
      code,
      axis,
      values: list,
      query: `The note does not state the ${axis} for "${rec.title}"; ask which applies: ${list.join('; ')}.`,
    },
  };
}

/** The opportunity for one code, or undefined when the code is not unspecified or the note states the axis. */
export function documentationOpportunity(
  codeSet: CodeSet,
  code: string,
  noteWords: ReadonlySet<string>,
): DocumentationOpportunity | undefined {
  const axis = siblingAxis(codeSet, code);
  if (!axis || axis.values.some((v) => v.every((t) => noteWords.has(t)))) return undefined;
  const o = axis.opportunity;
  return { ...o, values: [...o.values] };
}
