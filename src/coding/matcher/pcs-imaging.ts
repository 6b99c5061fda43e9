/**
 * Imaging procedures (ICD-10-PCS section B, Imaging) named in a note: a modality word (CT, MRI, ultrasound,
 * X-ray) with a body region next to it ("thoracoabdominal CT", "CT scan of the chest, abdomen and pelvis")
 * gives the 4-character prefix B + body system + type + body part whose body part the region words name.
 * Body parts are read from the release's own titles (pcs-body-parts.ts) ("Computerized Tomography (CT Scan) of Chest and
 * Abdomen"), so every body part of the four modalities is reachable; a note's adjectives ("abdominal",
 * "cranial") are mapped to the nouns the titles use. Approach-free prefixes are what case reports document
 * (PCS Guidelines B3.1: the body part is the one imaged; contrast is the 5th character, rarely stated).
 */
import type { CodeSet } from '../../terminology/code-set.ts';
import type { NoteTokens } from '../text/note-tokens.ts';
import {
  bodyPartRegions,
  regionsByKind,
  regionsNamed,
  spanOf,
  triggerPositions,
  triggerTable,
  windowOf,
} from './pcs-body-parts.ts';
import type { BodyPartRegion, PcsHit } from './pcs-body-parts.ts';

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

/** Words of a modality's name besides the modality words ("computed axial tomography", "CT scan"). */
const NAME_WORDS = [
  ...['computed', 'computerized', 'computerised', 'axial', 'scan', 'magnetic', 'imaging', 'x'],
  ...['simple', 'plain', 'contrast', 'enhanced', 'helical', 'multislice', 'control', 'new'],
];

/**
 * Per modality, the words read past when looking back for the region (its own name: "abdominal-pelvic
 * computed tomography (CT)") and the words that end the look back (another modality: "cerebral MRI and CT").
 */
const LOOK_BACK: ReadonlyMap<string, { free: ReadonlySet<string>; stop: ReadonlySet<string> }> = new Map(
  [...new Set(MODALITY_WORDS.values())].map((type) => {
    const words = [...MODALITY_WORDS, ...[...IMPLIED].map(([w, m]) => [w, m.type] as const)];
    const own = words.filter(([, t]) => t === type).map(([w]) => w);
    const other = words.filter(([, t]) => t !== type).map(([w]) => w);
    return [type, { free: new Set([...NAME_WORDS, ...own]), stop: new Set(other) }];
  }),
);

/** Words before "tomography" that make it another procedure (PET is nuclear medicine, OCT is not section B). */
const NOT_IMAGING_BEFORE = new Set(['emission', 'coherence', 'optical']);

/** "Computerized Tomography (CT Scan) of Chest and Abdomen using ..." → modality title and body part. */
function splitTitle(title: string): { operation: string; body: string } | undefined {
  const m = /^(.*?) of (.*?)(?: using .*)?$/.exec(title);
  return m ? { operation: m[1]!, body: m[2]! } : undefined;
}

/** The imageable body parts of plain radiography, CT, MRI and ultrasonography, by type character. */
export function imagingRegions(pcs: CodeSet): BodyPartRegion[] {
  return bodyPartRegions(
    pcs,
    (code) => (code[0] === 'B' && '0234'.includes(code[2]!) ? code[2] : undefined),
    splitTitle,
  );
}

/** Regions by modality, built once per PCS code set. */
const regionsByType = regionsByKind(imagingRegions);

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

/** Modality words, by vocabulary id. */
const TRIGGERS = triggerTable([...MODALITY_WORDS.keys(), ...IMPLIED.keys()]);

/** Words of the sentence read after a modality word that has no region beside it. */
const FINDING_AFTER = 12;

/** Imaging prefixes named in the note, one hit per modality mention and body part (the most specific). */
export function matchImaging(pcs: CodeSet, tokens: NoteTokens): PcsHit[] {
  const byType = regionsByType(pcs);
  const hits: PcsHit[] = [];
  const { norm, sentence } = tokens;
  for (const i of triggerPositions(tokens, TRIGGERS)) {
    const type = modalityAt(norm, i);
    if (type === undefined) continue;
    const regions = byType.get(type);
    const implied = IMPLIED.get(norm[i]!)?.concepts;
    let window = windowOf(norm, sentence, i, LOOK_BACK.get(type));
    let best = regionsNamed(regions, norm, window, implied);
    // "Ultrasound showed a cyst in the left kidney": with no region beside it, the study is of the organ
    // the sentence's finding sits in.
    if (best.length === 0) {
      window = windowOf(norm, sentence, i, { rest: FINDING_AFTER });
      best = regionsNamed(regions, norm, window, implied);
    }
    for (const r of best) hits.push({ prefix: r.prefix, ...spanOf(norm, window, r), path: r.title });
  }
  return hits;
}
