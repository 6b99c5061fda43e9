/**
 * PCS body parts as a note names them: the body part of each 4-character prefix (section, body system,
 * root operation or type, body part) is read from the release's own code titles ("Computerized Tomography
 * (CT Scan) of Chest and Abdomen", "Excision of Liver, Percutaneous Approach, Diagnostic") as concept words,
 * and a note's words around a procedure word name a body part when they hold all its concepts. A note's
 * adjectives ("abdominal", "gastric") are mapped to the nouns the titles use, on both sides.
 */
import type { CodeSet } from '../../terminology/code-set.ts';
import { phraseTokens, tokenIds } from '../text/note-tokens.ts';
import type { NoteTokens } from '../text/note-tokens.ts';
import { internWord } from '../text/token-vocabulary.ts';

/** Note adjectives and variants → the body-part nouns of the titles (also applied to the titles). */
const CONCEPTS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['abdominal', ['abdomen']],
  ['abdomino', ['abdomen']],
  ['abdominopelvic', ['abdomen', 'pelvis']],
  ['thoracoabdominal', ['chest', 'abdomen']],
  ['thoracoabdominopelvic', ['chest', 'abdomen', 'pelvis']],
  ['thoracic', ['chest']],
  ['thorax', ['chest']],
  ['thoraco', ['chest']],
  ['pelvic', ['pelvis']],
  ['cranial', ['skull']],
  ['cranium', ['skull']],
  ['cerebral', ['brain']],
  ['encephalic', ['brain']],
  ['renal', ['kidney']],
  ['hepatic', ['liver']],
  ['pulmonary', ['lung']],
  ['cervical', ['neck']],
  ['mammary', ['breast']],
  ['testicular', ['scrotum']],
  ['testicle', ['scrotum']],
  ['urological', ['kidney', 'bladder']],
  ['urinary', ['kidney', 'bladder']],
  ['renovesical', ['kidney', 'bladder']],
  ['reno', ['kidney']],
  ['maxillary', ['mandible']],
  ['mandibular', ['mandible']],
  ['scrotal', ['scrotum']],
  ['vesical', ['bladder']],
  ['prostatic', ['prostate']],
  ['pancreatic', ['pancreas']],
  ['splenic', ['spleen']],
  ['cardiac', ['heart']],
  ['orbital', ['orbit']],
  ['ocular', ['eye']],
  ['ovarian', ['ovary']],
  ['uterine', ['uterus']],
  ['retroperitoneal', ['retroperitoneum']],
  ['spinal', ['spine']],
  ['gastric', ['stomach']],
  ['duodenal', ['duodenum']],
  ['esophageal', ['esophagus']],
  ['colonic', ['colon']],
  ['rectal', ['rectum']],
  ['cutaneous', ['skin']],
  ['facial', ['face']],
  ['lingual', ['tongue']],
  ['gingival', ['gingiva']],
  ['pleural', ['pleura']],
  ['bronchial', ['bronchus']],
  ['peritoneal', ['peritoneum']],
  ['endometrial', ['endometrium']],
  ['osseous', ['bone']],
  ['medullary', ['marrow']],
  ['lymph', ['lymphatic']],
  ['ganglion', ['lymphatic']],
  ['nodal', ['lymphatic']],
]);

/** Title words that name no part of the body (laterality is handled apart). */
const FILLER = new Set([
  'and',
  'with',
  'of',
  'the',
  's',
  'other',
  'multiple',
  'single',
  'whole',
  'region',
  'mucosa',
  'soft',
  'tissue',
]);
const LATERALITY = new Set(['right', 'left', 'bilateral']);

/** The concepts a word names: the title nouns of an adjective, else the word itself. */
export function conceptsOf(word: string): readonly string[] {
  return CONCEPTS.get(word) ?? [word];
}

/** One body part of a PCS table: its prefix, its kind (the 3rd character) and the concepts its title names. */
export interface BodyPartRegion {
  readonly prefix: string;
  readonly kind: string;
  readonly concepts: readonly string[];
  /** "right" / "left" when the body part is one side only, "bilateral" when both. */
  readonly side: string | undefined;
  /** The body part as the title writes it. */
  readonly name: string;
  /** "Computerized Tomography (CT Scan) of Chest and Abdomen": the title without the later axes. */
  readonly title: string;
}

/** What a title reads as: the operation ("Excision") and the body part ("Liver"). */
export type TitleSplit = (title: string) => { operation: string; body: string } | undefined;

/**
 * The body parts of the PCS codes `select` takes (its answer is the kind), one per prefix: the shortest
 * body-part text of the prefix's titles (without contrast, approach or qualifier words).
 */
export function bodyPartRegions(
  pcs: CodeSet,
  select: (code: string) => string | undefined,
  split: TitleSplit,
): BodyPartRegion[] {
  const byPrefix = new Map<string, BodyPartRegion>();
  for (const rec of pcs.codes()) {
    const kind = rec.code.length === 7 ? select(rec.code) : undefined;
    if (kind === undefined) continue;
    const parts = split(rec.title);
    const prefix = rec.code.slice(0, 4);
    const known = byPrefix.get(prefix);
    if (!parts || (known && known.name.length <= parts.body.length)) continue;
    const words = phraseTokens(parts.body);
    const concepts = [
      ...new Set(words.filter((w) => !FILLER.has(w) && !LATERALITY.has(w)).flatMap(conceptsOf)),
    ];
    if (concepts.length === 0) continue;
    // "Right and Left Heart" is both sides: no side to find in the note.
    const sides = words.filter((w) => LATERALITY.has(w));
    const side = sides.length === 1 ? sides[0] : undefined;
    const title = `${parts.operation} of ${parts.body}`;
    byPrefix.set(prefix, { prefix, kind, concepts, side, name: parts.body, title });
  }
  return [...byPrefix.values()];
}

/** The regions of one kind, with each listed under its first concept (a window names few of them). */
export interface RegionIndex {
  readonly byConcept: ReadonlyMap<string, readonly BodyPartRegion[]>;
}

/** Regions of a code set grouped by kind and indexed by first concept, built once per code set by `build`. */
export function regionsByKind(
  build: (pcs: CodeSet) => readonly BodyPartRegion[],
): (pcs: CodeSet) => ReadonlyMap<string, RegionIndex> {
  const cache = new WeakMap<CodeSet, ReadonlyMap<string, RegionIndex>>();
  return (pcs) => {
    let m = cache.get(pcs);
    if (!m) {
      const out = new Map<string, Map<string, BodyPartRegion[]>>();
      for (const r of build(pcs)) {
        let byConcept = out.get(r.kind);
        if (!byConcept) out.set(r.kind, (byConcept = new Map()));
        const first = r.concepts[0]!;
        byConcept.set(first, [...(byConcept.get(first) ?? []), r]);
      }
      cache.set(pcs, (m = new Map([...out].map(([kind, byConcept]) => [kind, { byConcept }]))));
    }
    return m;
  };
}

/**
 * The positions of a note's tokens that are one of `words`, by vocabulary id (one typed-array read per
 * token, no string lookups): `triggers` is built once from the words and interns them.
 */
export function triggerPositions(tokens: NoteTokens, triggers: Uint8Array): number[] {
  const ids = tokenIds(tokens);
  const out: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (id >= 0 && id < triggers.length && triggers[id] === 1) out.push(i);
  }
  return out;
}

/** The trigger table of `words` for triggerPositions (interned, so no later word can take their ids). */
export function triggerTable(words: Iterable<string>): Uint8Array {
  const ids = [...words].map(internWord);
  const table = new Uint8Array(Math.max(0, ...ids) + 1);
  for (const id of ids) table[id] = 1;
  return table;
}

/** Whether the note's words name the region's side: its own side, or for both sides no single one. */
function sideFits(side: string | undefined, words: ReadonlySet<string>): boolean {
  if (side === 'bilateral') return words.has('bilateral') || !(words.has('right') || words.has('left'));
  return side === undefined || words.has(side);
}

/**
 * The most specific regions whose body part the words of [first, last] name (the procedure word at `i`
 * excluded; `implied` are concepts it names itself): "Chest and Abdomen", not also "Abdomen".
 */
export function regionsNamed(
  index: RegionIndex | undefined,
  norm: readonly string[],
  window: { readonly i: number; readonly first: number; readonly last: number },
  implied: readonly string[] = [],
): BodyPartRegion[] {
  if (!index) return [];
  const words = new Set<string>(implied);
  for (let k = window.first; k <= window.last; k++) {
    if (k !== window.i) for (const c of conceptsOf(norm[k]!)) words.add(c);
  }
  const found: BodyPartRegion[] = [];
  for (const w of words) {
    for (const r of index.byConcept.get(w) ?? []) {
      if (r.concepts.every((c) => words.has(c)) && sideFits(r.side, words)) found.push(r);
    }
  }
  const specific = found.filter(
    (r) =>
      !found.some(
        (o) => o.concepts.length > r.concepts.length && r.concepts.every((c) => o.concepts.includes(c)),
      ),
  );
  // A region word names the region: "pelvic CT" is of the Pelvic Region (anatomical regions, body system W),
  // not of the pelvic bones, when both tables have the same words.
  return specific.filter(
    (r) =>
      r.prefix[1] === REGIONS_SYSTEM ||
      !specific.some((o) => o.prefix[1] === REGIONS_SYSTEM && sameConcepts(o.concepts, r.concepts)),
  );
}

/** Body system character of the anatomical regions (section B and section 0 alike). */
const REGIONS_SYSTEM = 'W';

function sameConcepts(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((c) => b.includes(c));
}

/** The evidence span: the procedure word and the window's words that name the region. */
export function spanOf(
  norm: readonly string[],
  window: { readonly i: number; readonly first: number; readonly last: number },
  r: BodyPartRegion,
): { first: number; last: number } {
  let a = window.i;
  let b = window.i;
  for (let k = window.first; k <= window.last; k++) {
    if (conceptsOf(norm[k]!).some((c) => r.concepts.includes(c))) {
      a = Math.min(a, k);
      b = Math.max(b, k);
    }
  }
  return { first: a, last: b };
}

/** A PCS prefix named in a note, with its evidence span and the title it was read from. */
export interface PcsHit {
  readonly prefix: string;
  readonly first: number;
  readonly last: number;
  readonly path: string;
}

/** Words read before a procedure word, and after it once an "of" follows ("CT scan of the abdomen"). */
const BEFORE = 3;
const AFTER = 7;

/**
 * Token window around a procedure word at `i`, in its sentence: BEFORE words before it (words in `free` not
 * counted; none from `stop` on) and, when an "of" follows, AFTER words after it; with `rest`, the rest of the sentence instead.
 */
export function windowOf(
  norm: readonly string[],
  sentence: Int32Array,
  i: number,
  options: {
    readonly rest?: number;
    readonly free?: ReadonlySet<string>;
    readonly stop?: ReadonlySet<string>;
  } = {},
): { i: number; first: number; last: number } {
  const same = (k: number): boolean => k >= 0 && k < norm.length && sentence[k] === sentence[i];
  if (options.rest !== undefined) {
    let last = i;
    while (same(last + 1) && last - i < options.rest) last++;
    return { i, first: i, last };
  }
  // Words of the procedure's own name ("abdominal computed tomography (CT)") do not use up the budget.
  let first = i;
  let budget = BEFORE;
  while (same(first - 1) && budget > 0 && !options.stop?.has(norm[first - 1]!)) {
    first--;
    if (!options.free?.has(norm[first]!)) budget--;
  }
  let last = i;
  if (norm.slice(i + 1, i + 4).includes('of')) while (same(last + 1) && last - i < AFTER) last++;
  return { i, first, last };
}
