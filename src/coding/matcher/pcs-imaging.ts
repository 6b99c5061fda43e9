/**
 * Imaging procedures (ICD-10-PCS section B, Imaging) named in a note: a modality word (CT, MRI, ultrasound,
 * X-ray) with a body region next to it ("thoracoabdominal CT", "CT scan of the chest, abdomen and pelvis")
 * gives the 4-character prefix B + body system + type + body part whose body part the region words name.
 * Body parts are read from the release's own titles ("Computerized Tomography (CT Scan) of Chest and
 * Abdomen"), so every body part of the four modalities is reachable; a note's adjectives ("abdominal",
 * "cranial") are mapped to the nouns the titles use. Approach-free prefixes are what case reports document
 * (PCS Guidelines B3.1: the body part is the one imaged; contrast is the 5th character, rarely stated).
 */
import type { CodeSet } from '../../terminology/code-set.ts';
import { phraseTokens } from '../text/note-tokens.ts';
import type { NoteTokens } from '../text/note-tokens.ts';

/** Section B type (3rd character) by modality word (folded tokens). */
const MODALITY_WORDS: ReadonlyMap<string, string> = new Map([
  ...['ct', 'tac', 'tc', 'cat', 'tomography', 'scanner', 'angiotac'].map((w) => [w, '2'] as const),
  ...['mri', 'mr', 'rm', 'rmn', 'resonance', 'nmr', 'angioresonance'].map((w) => [w, '3'] as const),
  ...['ultrasound', 'ultrasonography', 'ultrasonographic', 'echography', 'ecography', 'sonography'].map(
    (w) => [w, '4'] as const,
  ),
  ...['radiograph', 'radiography', 'xray', 'rx', 'ray', 'rays'].map((w) => [w, '0'] as const),
]);

/** Modality words that name the body part too. */
const IMPLIED: ReadonlyMap<string, { readonly type: string; readonly concepts: readonly string[] }> = new Map(
  [
    ['echocardiogram', { type: '4', concepts: ['heart'] }],
    ['echocardiography', { type: '4', concepts: ['heart'] }],
    ['mammography', { type: '0', concepts: ['breast'] }],
    ['mammogram', { type: '0', concepts: ['breast'] }],
  ],
);

/** Words before "tomography" that make it another procedure (PET is nuclear medicine, OCT is not section B). */
const NOT_IMAGING_BEFORE = new Set(['emission', 'coherence', 'optical']);

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
]);

/** Title words that name no part of the body (laterality is handled apart). */
const FILLER = new Set(['and', 'with', 'of', 'the', 's', 'other', 'multiple', 'single', 'whole', 'region']);
const LATERALITY = new Set(['right', 'left', 'bilateral']);

/** One imageable body part: its prefix, its modality (type character) and the concepts its title names. */
export interface ImagingRegion {
  readonly prefix: string;
  readonly type: string;
  readonly concepts: readonly string[];
  /** "right" / "left" when the body part is one side only, "bilateral" when both. */
  readonly side: string | undefined;
  /** The body part as the title writes it. */
  readonly name: string;
  /** "Computerized Tomography (CT Scan) of Chest and Abdomen". */
  readonly title: string;
}

export interface ImagingHit {
  readonly prefix: string;
  readonly first: number;
  readonly last: number;
  /** "Computerized Tomography (CT Scan) of Chest and Abdomen": where the prefix comes from. */
  readonly path: string;
}

function conceptsOf(word: string): readonly string[] {
  return CONCEPTS.get(word) ?? [word];
}

/** "Computerized Tomography (CT Scan) of Chest and Abdomen using ..." → modality title and body part. */
function splitTitle(title: string): { modality: string; body: string } | undefined {
  const m = /^(.*?) of (.*?)(?: using .*)?$/.exec(title);
  return m ? { modality: m[1]!, body: m[2]! } : undefined;
}

/** Whether the note's words name the region's side: its own side, or for both sides no single one. */
function sideFits(side: string | undefined, words: ReadonlySet<string>): boolean {
  if (side === 'bilateral') return words.has('bilateral') || !(words.has('right') || words.has('left'));
  return side === undefined || words.has(side);
}

/** The imageable body parts of plain radiography, CT, MRI and ultrasonography, from the PCS titles. */
export function imagingRegions(pcs: CodeSet): ImagingRegion[] {
  const byPrefix = new Map<string, ImagingRegion>();
  for (const rec of pcs.codes()) {
    const code = rec.code;
    if (code.length !== 7 || code[0] !== 'B' || !'0234'.includes(code[2]!)) continue;
    const parts = splitTitle(rec.title);
    const prefix = code.slice(0, 4);
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
    const title = `${parts.modality} of ${parts.body}`;
    byPrefix.set(prefix, { prefix, type: code[2]!, concepts, side, name: parts.body, title });
  }
  return [...byPrefix.values()];
}

/** Regions by modality, built once per PCS code set. */
const REGIONS = new WeakMap<CodeSet, ReadonlyMap<string, readonly ImagingRegion[]>>();

function regionsByType(pcs: CodeSet): ReadonlyMap<string, readonly ImagingRegion[]> {
  let m = REGIONS.get(pcs);
  if (!m) {
    const byType = new Map<string, ImagingRegion[]>();
    for (const r of imagingRegions(pcs)) byType.set(r.type, [...(byType.get(r.type) ?? []), r]);
    REGIONS.set(pcs, (m = byType));
  }
  return m;
}

/** Words read before a modality word, and after it once an "of" follows ("CT scan of the abdomen"). */
const BEFORE = 3;
const AFTER = 7;

/** Token range [first, last] of the region words around a modality word at `i`, in its sentence. */
function windowOf(tokens: NoteTokens, i: number): { first: number; last: number } {
  const { norm, sentence } = tokens;
  let first = i;
  while (first > 0 && i - first < BEFORE && sentence[first - 1] === sentence[i]) first--;
  let last = i;
  const of = norm.slice(i + 1, i + 4).indexOf('of');
  if (of >= 0) {
    while (last + 1 < norm.length && last - i < AFTER && sentence[last + 1] === sentence[i]) last++;
  }
  return { first, last };
}

/** The modality (type character) of the token at `i`, if it names one. */
function modalityAt(norm: readonly string[], i: number): string | undefined {
  const w = norm[i]!;
  const type = MODALITY_WORDS.get(w) ?? IMPLIED.get(w)?.type;
  if (type === undefined) return undefined;
  if (w === 'ray' && norm[i - 1] !== 'x') return undefined;
  if (w === 'resonance' && norm[i - 1] !== 'magnetic') return undefined;
  if (w === 'tomography' && NOT_IMAGING_BEFORE.has(norm[i - 1] ?? '')) return undefined;
  return type;
}

/** The evidence span: the modality word and the window's words that name the region. */
function spanOf(
  norm: readonly string[],
  i: number,
  first: number,
  last: number,
  r: ImagingRegion,
): { first: number; last: number } {
  let a = i;
  let b = i;
  for (let k = first; k <= last; k++) {
    if (conceptsOf(norm[k]!).some((c) => r.concepts.includes(c))) {
      a = Math.min(a, k);
      b = Math.max(b, k);
    }
  }
  return { first: a, last: b };
}

/** Imaging prefixes named in the note, one hit per modality mention and body part (the most specific). */
export function matchImaging(pcs: CodeSet, tokens: NoteTokens): ImagingHit[] {
  const byType = regionsByType(pcs);
  const hits: ImagingHit[] = [];
  const { norm } = tokens;
  for (let i = 0; i < norm.length; i++) {
    const type = modalityAt(norm, i);
    if (type === undefined) continue;
    const { first, last } = windowOf(tokens, i);
    const words = new Set<string>(IMPLIED.get(norm[i]!)?.concepts);
    for (let k = first; k <= last; k++) if (k !== i) conceptsOf(norm[k]!).forEach((c) => words.add(c));
    const found = (byType.get(type) ?? []).filter(
      (r) => r.concepts.every((c) => words.has(c)) && sideFits(r.side, words),
    );
    // "Chest and Abdomen" is named, not also "Abdomen": keep the regions no other found region contains.
    const best = found.filter(
      (r) =>
        !found.some(
          (o) => o.concepts.length > r.concepts.length && r.concepts.every((c) => o.concepts.includes(c)),
        ),
    );
    for (const r of best) hits.push({ prefix: r.prefix, ...spanOf(norm, i, first, last, r), path: r.title });
  }
  return hits;
}
