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
  bladder: ['vesical'],
  bone: ['bony', 'osseous'],
  bowel: ['intestinal'],
  brain: ['cerebral'],
  breast: ['mammary'],
  bronchus: ['bronchial'],
  chest: ['thoracic'],
  colon: ['colonic'],
  cornea: ['corneal'],
  duodenum: ['duodenal'],
  esophagus: ['esophageal'],
  eye: ['ocular'],
  eyelid: ['palpebral'],
  face: ['facial'],
  femur: ['femoral'],
  heart: ['cardiac'],
  humerus: ['humeral'],
  intestine: ['intestinal'],
  kidney: ['renal'],
  larynx: ['laryngeal'],
  lip: ['labial'],
  liver: ['hepatic'],
  lung: ['pulmonary'],
  mandible: ['mandibular'],
  maxilla: ['maxillary'],
  mouth: ['oral'],
  muscle: ['muscular'],
  nose: ['nasal'],
  orbit: ['orbital'],
  ovary: ['ovarian'],
  pancreas: ['pancreatic'],
  penis: ['penile'],
  pericardium: ['pericardial'],
  peritoneum: ['peritoneal'],
  pharynx: ['pharyngeal'],
  placenta: ['placental'],
  pleura: ['pleural'],
  prostate: ['prostatic'],
  rectum: ['rectal'],
  retina: ['retinal'],
  scrotum: ['scrotal'],
  skin: ['cutaneous'],
  spine: ['spinal'],
  spleen: ['splenic'],
  stomach: ['gastric'],
  testicle: ['testicular'],
  testis: ['testicular'],
  thorax: ['thoracic'],
  tibia: ['tibial'],
  tongue: ['lingual'],
  tooth: ['dental'],
  trachea: ['tracheal'],
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
