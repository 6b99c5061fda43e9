/**
 * The adjectives of body sites. The index names a site by its noun ("Calculus, kidney", "Mass, testis") where
 * notes use the adjective ("renal calculus", "testicular mass"); each dictionary phrase naming a site by its
 * noun is also entered with the adjective. Keys and adjectives are folded tokens (note-tokens.ts); only
 * one-word sites whose adjective has no other sense are listed ("cervical" is both neck and cervix: left out).
 */
const SITE_ADJECTIVE_TABLE: Readonly<Record<string, readonly string[]>> = {
  abdomen: ['abdominal'],
  anus: ['anal'],
  aorta: ['aortic'],
  artery: ['arterial'],
  axilla: ['axillary'],
  bladder: ['vesical'],
  bone: ['bony', 'osseous'],
  bowel: ['intestinal'],
  brain: ['cerebral'],
  breast: ['mammary'],
  bronchus: ['bronchial'],
  cecum: ['cecal'],
  cerebellum: ['cerebellar'],
  chest: ['thoracic'],
  choroid: ['choroidal'],
  clavicle: ['clavicular'],
  colon: ['colonic'],
  conjunctiva: ['conjunctival'],
  cornea: ['corneal'],
  duodenum: ['duodenal'],
  endometrium: ['endometrial'],
  epididymis: ['epididymal'],
  esophagus: ['esophageal'],
  eye: ['ocular'],
  eyelid: ['palpebral'],
  face: ['facial'],
  femur: ['femoral'],
  fibula: ['fibular'],
  gingiva: ['gingival'],
  groin: ['inguinal'],
  heart: ['cardiac'],
  humerus: ['humeral'],
  ileum: ['ileal'],
  intestine: ['intestinal'],
  jejunum: ['jejunal'],
  joint: ['articular'],
  kidney: ['renal'],
  larynx: ['laryngeal'],
  lip: ['labial'],
  liver: ['hepatic'],
  lung: ['pulmonary'],
  macula: ['macular'],
  mandible: ['mandibular'],
  maxilla: ['maxillary'],
  mediastinum: ['mediastinal'],
  meninge: ['meningeal'],
  mouth: ['oral'],
  muscle: ['muscular'],
  myocardium: ['myocardial'],
  nose: ['nasal'],
  orbit: ['orbital'],
  ovary: ['ovarian'],
  pancreas: ['pancreatic'],
  patella: ['patellar'],
  pelvis: ['pelvic'],
  penis: ['penile'],
  pericardium: ['pericardial'],
  perineum: ['perineal'],
  peritoneum: ['peritoneal'],
  pharynx: ['pharyngeal'],
  placenta: ['placental'],
  pleura: ['pleural'],
  prostate: ['prostatic'],
  rectum: ['rectal'],
  retina: ['retinal'],
  retroperitoneum: ['retroperitoneal'],
  rib: ['costal'],
  scapula: ['scapular'],
  sclera: ['scleral'],
  scrotum: ['scrotal'],
  skin: ['cutaneous'],
  spine: ['spinal'],
  spleen: ['splenic'],
  sternum: ['sternal'],
  stomach: ['gastric'],
  testicle: ['testicular'],
  testis: ['testicular'],
  thorax: ['thoracic'],
  tibia: ['tibial'],
  tongue: ['lingual'],
  tonsil: ['tonsillar'],
  tooth: ['dental'],
  trachea: ['tracheal'],
  ulna: ['ulnar'],
  umbilicus: ['umbilical'],
  ureter: ['ureteral'],
  urethra: ['urethral'],
  uterus: ['uterine'],
  vagina: ['vaginal'],
  vein: ['venous'],
  vertebra: ['vertebral'],
  vulva: ['vulvar'],
};
const SITE_ADJECTIVES: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(SITE_ADJECTIVE_TABLE));

/** Words after which a site noun stays a noun ("calculus of kidney" is not "calculus of renal"). */
const BEFORE_NOUN: ReadonlySet<string> = new Set(['of', 'in', 'to', 'and', 'or', 'with', 'the']);

/**
 * The phrase with each site noun that is not the object of a preposition put as its adjective ("kidney
 * calculus" → "renal calculus"), one variant per adjective; [] when the phrase names no such site.
 */
export function siteAdjectiveVariants(tokens: readonly string[]): string[][] {
  let variants: string[][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const adjectives = SITE_ADJECTIVES.get(tokens[i]!);
    if (!adjectives || (i > 0 && BEFORE_NOUN.has(tokens[i - 1]!))) continue;
    const bases = variants.length > 0 ? variants : [[...tokens]];
    variants = bases.flatMap((base) =>
      adjectives.map((adjective) => base.map((t, j) => (j === i ? adjective : t))),
    );
  }
  return variants;
}

/**
 * Words the index and the tabular write one way and case reports another ("Pain, abdominal, generalized" read
 * as "diffuse abdominal pain", "Hematuria, gross" as "macroscopic hematuria", "right lower quadrant pain" as
 * "right iliac fossa pain", the quadrants as the Spanish and British anatomy names them; "abdominal tenderness"
 * as "abdominal pain on palpation"; the index's older "lymph gland" as "lymph node"). Keys and words are folded
 * tokens, several words joined by a space.
 */
const QUALIFIER_SYNONYMS: ReadonlyMap<string, readonly string[]> = new Map([
  ['generalized', ['diffuse']],
  ['gross', ['macroscopic']],
  ['lower quadrant', ['iliac fossa']],
  ['upper quadrant', ['hypochondrium']],
  ['tenderness', ['pain on palpation']],
  ['lymph gland', ['lymph node']],
]);
const LONGEST_QUALIFIER = Math.max(...[...QUALIFIER_SYNONYMS.keys()].map((k) => k.split(' ').length));
/** First words of the keys: a phrase without any (nearly all of the 300k) is passed over at once. */
const QUALIFIER_STARTS: ReadonlySet<string> = new Set(
  [...QUALIFIER_SYNONYMS.keys()].map((k) => k.split(' ')[0]!),
);

/** The phrase with each qualifier put as its synonyms, one variant per synonym; [] when it has none. */
export function qualifierVariants(tokens: readonly string[]): string[][] {
  const variants: string[][] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!QUALIFIER_STARTS.has(tokens[i]!)) continue;
    for (let n = 1; n <= LONGEST_QUALIFIER && i + n <= tokens.length; n++) {
      for (const synonym of QUALIFIER_SYNONYMS.get(tokens.slice(i, i + n).join(' ')) ?? []) {
        variants.push([...tokens.slice(0, i), ...synonym.split(' '), ...tokens.slice(i + n)]);
      }
    }
  }
  return variants;
}

/** Every site adjective of the table (folded tokens). */
export function siteAdjectives(): string[] {
  return [...new Set([...SITE_ADJECTIVES.values()].flat())].sort();
}

/** The table's site nouns and their adjectives: a word and every word it names the same site as. */
export function sameSiteWords(word: string): string[] {
  const out = [word, ...(SITE_ADJECTIVES.get(word) ?? [])];
  for (const [noun, adjectives] of SITE_ADJECTIVES) if (adjectives.includes(word)) out.push(noun);
  return out;
}
