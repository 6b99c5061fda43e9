/**
 * Clinical abbreviations → expansions, with context rules for the ones that have several senses in
 * notes ("PE" pulmonary embolism vs physical exam, "RA" rheumatoid arthritis vs room air vs right
 * atrium). Shared with the search layer, which keeps its own query-side list.
 */
import type { NoteAnalysis } from './analyze-note.ts';
import { ABBREVIATION_TABLE, type AbbreviationEntry } from './abbreviation-table.ts';
import type { SectionCategory } from './section-headings.ts';
import { sectionAt } from './sections.ts';
import { sentenceIndexAt } from './sentences.ts';

export { ABBREVIATION_TABLE, type AbbreviationEntry } from './abbreviation-table.ts';

/** One sense of an ambiguous abbreviation: chosen when a cue word is near or the section matches. */
export interface AbbreviationSense {
  readonly expansion: string;
  /** Lower-case words that, near the abbreviation, select this sense. */
  readonly cues: readonly string[];
  readonly sections: readonly SectionCategory[];
}

/** An abbreviation with several senses; `defaultSense` is used when no cue is present. */
export interface AmbiguousAbbreviation {
  readonly abbreviation: string;
  readonly caseSensitive: boolean;
  readonly senses: readonly AbbreviationSense[];
  readonly defaultSense: string;
}

/** What surrounds the abbreviation: neighbouring words (lower case) and the section it sits in. */
export interface AbbreviationContext {
  readonly words?: readonly string[];
  readonly section?: SectionCategory;
}

function sense(
  expansion: string,
  cues: string,
  sections: readonly SectionCategory[] = [],
): AbbreviationSense {
  return { expansion, cues: cues ? cues.split(' ') : [], sections };
}

function ambiguous(
  abbreviation: string,
  defaultSense: string,
  senses: readonly AbbreviationSense[],
  caseSensitive = false,
): AmbiguousAbbreviation {
  return { abbreviation, caseSensitive, senses, defaultSense };
}

/** Abbreviations with several senses; cues were chosen from how each sense is written in notes. */
export const AMBIGUOUS_ABBREVIATIONS: readonly AmbiguousAbbreviation[] = [
  ambiguous('pe', 'pulmonary embolism', [
    sense(
      'physical examination',
      'unremarkable revealed reveals shows showed normal exam findings benign notable',
      ['physical_exam'],
    ),
    sense('pressure equalization tube', 'tube tubes ear ears tympanostomy myringotomy otitis'),
  ]),
  ambiguous('ra', 'rheumatoid arthritis', [
    sense('room air', 'sat sats saturation saturating o2 oxygen spo2 % pulse oximetry breathing satting'),
    sense(
      'right atrium',
      'atrial atrium enlarged dilated la rv lv ventricle echo echocardiogram catheter mean enlargement',
    ),
  ]),
  ambiguous('ms', 'multiple sclerosis', [
    sense('mitral stenosis', 'mitral valve valvular murmur gradient mr ar echo echocardiogram rheumatic'),
    sense('mental status', 'mental altered change changes alert oriented confused'),
    sense('morphine sulfate', 'mg iv morphine dose q4h q3h q2h contin pca'),
    sense('musculoskeletal', 'strength tone range motion rom', ['review_of_systems']),
  ]),
  ambiguous('mi', 'myocardial infarction', [
    sense('mitral insufficiency', 'mitral valve regurgitation valvular murmur echo'),
  ]),
  ambiguous('cp', 'chest pain', [
    sense(
      'cerebral palsy',
      'spastic quadriplegic quadriplegia diplegia diplegic cerebral developmental wheelchair',
    ),
  ]),
  ambiguous('pt', 'patient', [
    sense('prothrombin time', 'inr ptt coagulation coags seconds sec prolonged'),
    sense('physical therapy', 'therapy rehab rehabilitation ot exercises sessions strengthening therapist'),
  ]),
  ambiguous('bs', 'blood sugar', [
    sense('bowel sounds', 'bowel abdomen active hypoactive hyperactive normoactive soft nontender distended'),
    sense('breath sounds', 'breath lungs lung decreased diminished auscultation clear bilateral'),
  ]),
  ambiguous(
    'ED',
    'emergency department',
    [sense('erectile dysfunction', 'erectile viagra sildenafil cialis tadalafil sexual impotence libido')],
    true,
  ),
  ambiguous('arf', 'acute renal failure', [
    sense(
      'acute respiratory failure',
      'respiratory intubated intubation ventilator hypoxic hypercapnic bipap hypoxemic',
    ),
  ]),
  ambiguous('ca', 'cancer', [
    sense('calcium', 'level phosphorus phos magnesium mg potassium sodium electrolytes ionized albumin'),
  ]),
  ambiguous('asd', 'atrial septal defect', [
    sense('autism spectrum disorder', 'autism autistic developmental behavior behavioral speech'),
  ]),
  ambiguous('hd', 'hemodialysis', [sense('hospital day', 'day hospital #')]),
  ambiguous('loc', 'loss of consciousness', [
    sense('level of consciousness', 'level altered decreased depressed'),
  ]),
  ambiguous('pvd', 'peripheral vascular disease', [
    sense('posterior vitreous detachment', 'vitreous eye floaters retina retinal ophthalmology flashes'),
  ]),
  ambiguous('cva', 'cerebrovascular accident', [sense('costovertebral angle', 'tenderness angle flank')]),
  ambiguous('bm', 'bowel movement', [sense('bone marrow', 'biopsy aspirate aspiration transplant marrow')]),
  ambiguous('sbp', 'systolic blood pressure', [
    sense('spontaneous bacterial peritonitis', 'ascites paracentesis cirrhosis peritonitis ascitic'),
  ]),
  ambiguous('pd', "parkinson's disease", [
    sense('peritoneal dialysis', 'dialysis catheter peritoneal peritonitis exchanges'),
  ]),
  ambiguous('bpd', 'bipolar disorder', [
    sense('borderline personality disorder', 'borderline personality'),
    sense('bronchopulmonary dysplasia', 'premature prematurity infant neonatal preterm oxygen'),
  ]),
  ambiguous('si', 'suicidal ideation', [sense('sacroiliac', 'joint joints injection sacroiliitis')]),
  ambiguous('hr', 'heart rate', [sense('hour', '24 48 72 12 hours per every')]),
  ambiguous('cf', 'cystic fibrosis', [sense('compare', 'see')]),
  ambiguous('dc', 'discharge', [sense('discontinue', 'medication medications mg dose stop')]),
  ambiguous('d/c', 'discharge', [sense('discontinue', 'medication medications mg dose stop')]),
  ambiguous('lad', 'left anterior descending artery', [
    sense('left axis deviation', 'axis deviation ekg ecg electrocardiogram'),
  ]),
  ambiguous('mva', 'motor vehicle accident', [
    sense('mitral valve area', 'mitral valve area cm2 cm stenosis'),
  ]),
  ambiguous('pcp', 'primary care physician', [
    sense('pneumocystis pneumonia', 'pneumonia pneumocystis hiv aids prophylaxis bactrim cd4'),
  ]),
  ambiguous('rom', 'range of motion', [
    sense('rupture of membranes', 'membranes fluid amniotic spontaneous artificial clear'),
  ]),
  ambiguous('gbs', 'group b streptococcus', [
    sense(
      'guillain-barre syndrome',
      'guillain barre weakness ascending paralysis areflexia ivig plasmapheresis',
    ),
  ]),
  ambiguous('L', 'left', [sense('liter', 'o2 oxygen nasal cannula nc per min')], true),
];

const UNAMBIGUOUS = new Map<string, AbbreviationEntry>();
for (const e of ABBREVIATION_TABLE) UNAMBIGUOUS.set(e.abbreviation, e);
const AMBIGUOUS = new Map<string, AmbiguousAbbreviation>();
for (const a of AMBIGUOUS_ABBREVIATIONS)
  AMBIGUOUS.set(a.caseSensitive ? a.abbreviation : a.abbreviation.toLowerCase(), a);

function lookup<T extends { readonly caseSensitive: boolean }>(
  map: Map<string, T>,
  token: string,
): T | undefined {
  const exact = map.get(token);
  if (exact?.caseSensitive) return exact;
  const lower = map.get(token.toLowerCase());
  return lower && !lower.caseSensitive ? lower : undefined;
}

function resolve(entry: AmbiguousAbbreviation, context: AbbreviationContext): string {
  let best = entry.defaultSense;
  let bestScore = 0;
  for (const s of entry.senses) {
    let score = context.section !== undefined && s.sections.includes(context.section) ? 2 : 0;
    for (const w of context.words ?? []) if (s.cues.includes(w)) score++;
    if (score > bestScore) {
      best = s.expansion;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Expansion of an abbreviation as written in the note (case matters for "AS", "OR", "ED"), or
 * undefined when the token is not a known abbreviation.
 * @example expandAbbreviation('RA', { words: ['98%', 'on'] }) // 'room air'
 */
export function expandAbbreviation(token: string, context: AbbreviationContext = {}): string | undefined {
  const amb = lookup(AMBIGUOUS, token);
  if (amb) return resolve(amb, context);
  return lookup(UNAMBIGUOUS, token)?.expansion;
}

/** Whether the token has several senses in clinical notes. */
export function isAmbiguousAbbreviation(token: string): boolean {
  return lookup(AMBIGUOUS, token) !== undefined;
}

/** Context of token `index` of an analyzed note: words within `window` tokens in its sentence. */
export function abbreviationContext(analysis: NoteAnalysis, index: number, window = 6): AbbreviationContext {
  const token = analysis.tokens[index];
  if (!token) return {};
  const s = analysis.sentences[sentenceIndexAt(analysis.sentences, token.start)];
  const from = Math.max(s ? s.tokenStart : 0, index - window);
  const to = Math.min(s ? s.tokenEnd : analysis.tokens.length, index + window + 1);
  const words: string[] = [];
  for (let i = from; i < to; i++) if (i !== index) words.push(analysis.tokens[i]!.norm);
  return { words, section: sectionAt(analysis.sections, token.start)?.category };
}
