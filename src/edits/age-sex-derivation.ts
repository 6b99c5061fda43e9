/**
 * Age and sex classes of ICD-10-CM codes DERIVED from the tabular, used when no official MCE list is
 * supplied. How (and the known limits):
 * - newborn: chapter 16 (P00-P96, "Certain conditions originating in the perinatal period"), Z38
 *   (liveborn infants) and Z00.11- (newborn health examination) -- Guidelines I.C.16 and I.C.21.c.16.
 *   The MCE newborn list is close to this; it leaves out a few P codes that may be used later in life.
 * - pediatric: Z00.12- (routine child health examination) and Z76.2 (health supervision of healthy
 *   infant and child); titles are not reliable enough to find more.
 * - maternity: chapter 15 (O00-O9A) and Z3A, Z33-Z37, Z39 (Guidelines I.C.15, I.C.21.c.11).
 * - adult: titles (own or ancestors') with the word "adult" and not "child", "juvenile", "pediatric"
 *   (G47.33 "(adult) (pediatric)") or "T-cell" (adult T-cell lymphoma is a disease name): Z00.0-, M83.
 * - sex: chapter 15 and Z3A/Z33-Z37/Z39 are female. Else the words of the title and its ancestors'
 *   titles: female words (female, ovary, uterus, cervix uteri, vagina, vulva, endometri-, fallopian,
 *   menstrua-, menopaus-, pregnan-, puerper-, placenta) or male words (male, prostate, testis,
 *   scrotum, penis, spermatic, epididym-, seminal vesicle, vas deferens). "... in female patient" wins;
 *   a title with words of both sexes gives no class. Left out on purpose: chapter 16 (newborns affected
 *   by maternal conditions), chapter 20 (Y07 perpetrators are not the patient), family history (Z80-Z84), chromosomal and sex-development conditions
 *   (Q50-Q56, Q90-Q99, E34.5). Limits: "breast" is not sex-specific; a code whose sex shows only in
 *   an inclusion term or note is missed.
 */
import type { CodeFacts } from './dx-facts.ts';
import type { AgeBand } from './mce-lists.ts';

export interface AgeSexClass {
  readonly age?: AgeBand;
  readonly sex?: 'female' | 'male';
}

const MATERNITY_Z = ['Z3A', 'Z33', 'Z34', 'Z35', 'Z36', 'Z37', 'Z39'];
const FEMALE =
  /\b(females?|ovary|ovaries|ovarian|uterus|uterine|cervix uteri|vagina|vaginal|vulva|vulvar|endometri\w*|fallopian|menstrua\w*|menopaus\w*|pregnan\w*|puerper\w*|placenta\w*)\b/i;
const MALE =
  /\b(males?|prostate|prostatic|testis|testes|testicular|scrotum|scrotal|penis|penile|spermatic|epididym\w*|seminal vesicles?|vas deferens)\b/i;
const SEX_EXCLUDED = ['Z80', 'Z81', 'Z82', 'Z83', 'Z84', 'E345'];

function ageBand(f: CodeFacts): AgeBand | undefined {
  const c = f.code;
  if (f.chapter === '16' || (c >= 'P00' && c < 'P97') || c.startsWith('Z38') || c.startsWith('Z0011'))
    return 'newborn';
  if (c.startsWith('Z0012') || c.startsWith('Z762')) return 'pediatric';
  if (f.chapter === '15' || c.startsWith('O') || MATERNITY_Z.some((z) => c.startsWith(z))) return 'maternity';
  if (
    f.titles.some((t) => /\badults?\b/i.test(t) && !/\b(child|children|juvenile|pediatric|T-cell)\b/i.test(t))
  )
    return 'adult';
  return undefined;
}

function sexOf(f: CodeFacts): 'female' | 'male' | undefined {
  const c = f.code;
  if (f.chapter === '15' || c.startsWith('O') || MATERNITY_Z.some((z) => c.startsWith(z))) return 'female';
  if (
    f.chapter === '16' ||
    f.chapter === '20' ||
    c.startsWith('P') ||
    c.startsWith('Q') ||
    (c >= 'V00' && c < 'Z')
  )
    return undefined;
  if (SEX_EXCLUDED.some((x) => c.startsWith(x))) return undefined;
  for (const title of f.titles) {
    if (/\bin female patient\b/i.test(title)) return 'female';
    if (/\bin male patient\b/i.test(title)) return 'male';
    const female = FEMALE.test(title);
    const male = MALE.test(title);
    if (female !== male) return female ? 'female' : 'male';
    if (female && male) return undefined;
  }
  return undefined;
}

/** Age band and sex of a code as derived from the tabular. */
export function deriveAgeSex(f: CodeFacts): AgeSexClass {
  const age = ageBand(f);
  const sex = sexOf(f);
  return { ...(age ? { age } : {}), ...(sex ? { sex } : {}) };
}
