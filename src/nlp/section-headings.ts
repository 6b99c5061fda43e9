/**
 * What a section heading means: its normalized category and its weight for coding.
 * Curated rules for the headings of real notes (H&P, SOAP, operative, discharge) come first;
 * medspaCy's section table (generated, MIT) classifies the rest.
 */
import { MEDSPACY_SECTION_RULES } from './medspacy-section-rules.ts';

export const SectionCategories = [
  'assessment_and_plan',
  'impression',
  'plan',
  'diagnoses',
  'admission_diagnoses',
  'discharge_diagnoses',
  'preoperative_diagnosis',
  'postoperative_diagnosis',
  'procedures',
  'procedure_details',
  'operative_details',
  'findings',
  'problem_list',
  'chief_complaint',
  'history_of_present_illness',
  'hospital_course',
  'indication',
  'physical_exam',
  'labs_and_studies',
  'imaging',
  'past_medical_history',
  'past_surgical_history',
  'medications',
  'allergies',
  'social_history',
  'review_of_systems',
  'family_history',
  'patient_instructions',
  'other',
  'none',
] as const;
export type SectionCategory = (typeof SectionCategories)[number];

/**
 * Weight of a mention by where it sits: the physician's conclusions (assessment, impression,
 * diagnoses, procedures) count most, then the present illness, exam, history, and least the review
 * of systems and family history. 'none' is text before any heading (short notes, CodiEsp cases).
 */
export const SECTION_WEIGHTS: Readonly<Record<SectionCategory, number>> = {
  assessment_and_plan: 1,
  impression: 1,
  diagnoses: 1,
  discharge_diagnoses: 1,
  postoperative_diagnosis: 1,
  procedures: 1,
  plan: 0.9,
  preoperative_diagnosis: 0.9,
  problem_list: 0.9,
  admission_diagnoses: 0.85,
  chief_complaint: 0.8,
  hospital_course: 0.8,
  findings: 0.75,
  history_of_present_illness: 0.7,
  indication: 0.7,
  procedure_details: 0.6,
  none: 0.6,
  other: 0.5,
  physical_exam: 0.5,
  imaging: 0.45,
  labs_and_studies: 0.4,
  past_medical_history: 0.4,
  operative_details: 0.35,
  past_surgical_history: 0.35,
  medications: 0.3,
  allergies: 0.3,
  social_history: 0.3,
  review_of_systems: 0.2,
  patient_instructions: 0.2,
  family_history: 0.1,
};

/** Sections whose mentions are, by default, about the past or about relatives. */
export const HISTORICAL_SECTIONS: ReadonlySet<SectionCategory> = new Set([
  'past_medical_history',
  'past_surgical_history',
]);
export const FAMILY_SECTIONS: ReadonlySet<SectionCategory> = new Set(['family_history']);

/** Lower case, single spaces, no trailing ":" / "," / "." and no "(s)" / "(es)" plural marks. */
export function normalizeHeading(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/\s*\((e?s)\)/g, '')
    .replace(/[\s:,.]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

type Rule = readonly [RegExp, SectionCategory];

/** Ordered: the first matching rule wins. Anchored on the whole heading so prose never matches. */
const CURATED_RULES: readonly Rule[] = [
  [/^(post-?op(erative)?|post-?procedure)( final)? diagnos[ie]s$/, 'postoperative_diagnosis'],
  [/^(pre-?op(erative)?|pre-?procedure) diagnos[ie]s$/, 'preoperative_diagnosis'],
  [/^(pre-?op(erative)? and post-?op(erative)?) diagnos[ie]s$/, 'postoperative_diagnosis'],
  [/^(discharge|final|principal|primary|secondary)( discharge)? diagnos[ie]s$/, 'discharge_diagnoses'],
  [/^(admi(ssion|tting)|working|provisional|differential) diagnos[ie]s$/, 'admission_diagnoses'],
  [/^diagnostic (studies|data|tests|testing|procedures)$/, 'labs_and_studies'],
  [/^(assessment|impression|a) ?(and|\/|&) ?(plan|recommendations?|p)$/, 'assessment_and_plan'],
  [/^(diagnos[ie]s|(clinical )?diagnos[ie]s|problems\/diagnoses|axis (i|ii|iii|iv|v))$/, 'diagnoses'],
  [/^(discussion|medical decision making|formulation)$/, 'assessment_and_plan'],
  [/^(treatment|prognosis|treatment plan)$/, 'plan'],
  [/^(mental status exam(ination)?|neurological exam(ination)?|gen(eral)? exam)$/, 'physical_exam'],
  [
    /^((major|angiographic|abnormal|pathologic) findings|history and gross findings|hemodynamics|hemodynamic data)$/,
    'findings',
  ],
  [/^(psychiatric|birth|past psychiatric|medical) history$|^coronary risk factors$/, 'past_medical_history'],
  [
    /^(legal history|shx\/fhx|family\/social history|family social history|social\/family history)$/,
    'social_history',
  ],
  [/^medication history$/, 'medications'],
  [
    /^(tubes and drains|total tourniquet time|counts|drain|iv fluids|urine|assistants?|informed consent)$/,
    'operative_details',
  ],
  [/^operation in detail$/, 'procedure_details'],
  [/^(nerve conduction studies|needle emg|emg)$/, 'labs_and_studies'],
  [/^clinical$/, 'indication'],
  [/^((final|clinical) )?(re)?assess?ments?$/, 'assessment_and_plan'],
  [/^((diagnostic|clinical|final|overall) )?(impressions?|conclusions?)$/, 'impression'],
  [/^(plans?|recommendations?|(treatment|postoperative|discharge) plan|disposition)$/, 'plan'],
  [/^(active )?problems?( list)?$|^(current|medical|active) problems$/, 'problem_list'],
  [
    /^(chief|presenting) complaints?$|^cc$|^reasons? for (visit|consult(ation)?|referral|admission|evaluation)$/,
    'chief_complaint',
  ],
  [
    /^(history of (the )?present(ing)? illness|present illness|hpi|subjective|interval history)$/,
    'history_of_present_illness',
  ],
  [/^((brief|clinical) )?(history|hx)( and physical)?$/, 'history_of_present_illness'],
  [/^(family( medical)? history|fhx|fh|family hx)$/, 'family_history'],
  [/^(social( and family)? history|shx|sh|personal history|social hx|habits)$/, 'social_history'],
  [/^(past )?surgical history|^psh(x)?$|^past surgeries$/, 'past_surgical_history'],
  [
    /^(past|prior) (medical|psychiatric)( and surgical)? (history|hx)$|^(past|medical) history$|^pmh(x)?$|^mhx$/,
    'past_medical_history',
  ],
  [/^(review of systems?|ros|systems review)$/, 'review_of_systems'],
  [
    /^((physical|general) )?exam(ination)?s?( on admission| at discharge)?$|^pe$|^objective$|^vital signs$/,
    'physical_exam',
  ],
  [/^(known |drug )?allerg(y|ies)$|^nkda$/, 'allergies'],
  [
    /^((current|home|admission|discharge|outpatient) )?(medications?|meds)( on (admission|discharge))?$/,
    'medications',
  ],
  [/^((brief )?hospital|clinical|ed|er|emergency (department|room)) course$|^course$/, 'hospital_course'],
  [
    /^(description|details?) of (the )?(procedures?|operations?)$|^(operative )?procedures? (in detail|details?)$|^operative (note|report|technique)$|^technique$/,
    'procedure_details',
  ],
  [
    /^(name|title) of (the )?(procedures?|operations?)$|^(operative )?procedures?( performed| done)?$|^operations?( performed)?$/,
    'procedures',
  ],
  [
    /^indications?( for (the )?(procedure|operation|surgery|study|exam))?$|^reason for (the )?(exam|examination|study)$|^clinical indications?$/,
    'indication',
  ],
  [/^((operative|intraoperative|gross|clinical|surgical) )?findings$/, 'findings'],
  [
    /^(anesthesia|estimated blood loss|ebl|blood loss|complications|specimens?|drains|fluids( received)?|tourniquet time|urine output|hemostasis|implants|disposition of specimens?)$/,
    'operative_details',
  ],
  [
    /^(lab(oratory|s)?( data| studies| results| values)?|studies|results|pathology|micro(biology)?|ekg|ecg|echo(cardiogram)?)$/,
    'labs_and_studies',
  ],
  [/^(imaging( studies)?|radiology|x-rays?|ct|mri|ultrasound|comparison)$/, 'imaging'],
  [
    /^(discharge (instructions|condition)|follow-?up( instructions)?|patient instructions|diet|activity|condition( on discharge)?)$/,
    'patient_instructions',
  ],
];

/** Body-system labels inside an exam or review of systems: they do not open a section of their own. */
const SUBHEADINGS: ReadonlySet<string> = new Set(
  (
    'general|general appearance|constitutional|vitals|vital|bp|hr|rr|temp|pulse|respirations|heent|head|' +
    'eyes|ears|nose|throat|mouth|ent|neck|head and neck|chest|breasts|lungs|pulmonary|respiratory|heart|' +
    'cardiac|cardiovascular|cv|cvs|abdomen|abd|gi|gastrointestinal|gu|genitourinary|genitalia|pelvic|rectal|' +
    'back|spine|extremities|ext|musculoskeletal|msk|ms|skin|integumentary|dermatologic|neuro|neurologic|' +
    'neurological|cns|cn|cranial nerves|motor|sensory|reflexes|gait|psych|psychiatric|mental status|' +
    'lymphatic|lymphatics|lymph nodes|hematologic|hematologic/lymphatic|heme|endocrine|allergic/immunologic|' +
    'immunologic|vascular|peripheral vascular|weight|height|o2 sat|sat|oxygen saturation|temperature'
  ).split('|'),
);

const MEDSPACY_CATEGORY_MAP: Readonly<Record<string, SectionCategory>> = {
  addendum: 'other',
  allergy: 'allergies',
  allergies: 'allergies',
  chief_complaint: 'chief_complaint',
  comments: 'other',
  patient_education: 'patient_instructions',
  diagnoses: 'diagnoses',
  family_history: 'family_history',
  history_of_present_illness: 'history_of_present_illness',
  hospital_course: 'hospital_course',
  imaging: 'imaging',
  labs_and_studies: 'labs_and_studies',
  medications: 'medications',
  neurological: 'physical_exam',
  observation_and_plan: 'assessment_and_plan',
  other: 'other',
  past_medical_history: 'past_medical_history',
  patient_instructions: 'patient_instructions',
  physical_exam: 'physical_exam',
  problem_list: 'problem_list',
  reason_for_examination: 'indication',
  signature: 'other',
  social_history: 'social_history',
};

/** How a heading is classified: a section category, an exam subheading, or unknown. */
export type HeadingClass = SectionCategory | 'subheading' | undefined;

/** Classifies a normalized heading (see normalizeHeading). */
export function classifyHeading(norm: string): HeadingClass {
  if (SUBHEADINGS.has(norm)) return 'subheading';
  for (const [pattern, category] of CURATED_RULES) if (pattern.test(norm)) return category;
  const medspacy = MEDSPACY_SECTION_RULES.get(norm);
  return medspacy === undefined ? undefined : (MEDSPACY_CATEGORY_MAP[medspacy] ?? 'other');
}

/** Keyword rules for upper-case headings no exact rule knows ("DESCRIPTION OF PROCEDURE IN DETAIL"). */
const LOOSE_RULES: readonly Rule[] = [
  [
    /(procedure|operation|operative|surgery|technique|the or\b).*\b(detail|description|narrative|summary|note|findings)|\b(detail|description|narrative|summary)s? of (the )?(procedure|operation|operative|surgery|technique|case)/,
    'procedure_details',
  ],
  [
    /present(ing)? (illness|problem|complaint|injury)|history of (injury|present)/,
    'history_of_present_illness',
  ],
  [/diagnos[ie]s/, 'diagnoses'],
  [/impression|opinion|conclusion/, 'impression'],
  [/assessment/, 'assessment_and_plan'],
  [/hospital course|course per/, 'hospital_course'],
  [/indication/, 'indication'],
  [/findings/, 'findings'],
  [/family/, 'family_history'],
  [/medical history|past history/, 'past_medical_history'],
  [/exam(ination)?\b|evaluation/, 'physical_exam'],
  [/\bplan\b/, 'plan'],
  [/medication/, 'medications'],
  [/\blab(oratory|s)?\b|studies/, 'labs_and_studies'],
];

/** Classifies an upper-case heading by keyword when classifyHeading does not know it. */
export function classifyHeadingLoosely(norm: string): SectionCategory | undefined {
  for (const [pattern, category] of LOOSE_RULES) if (pattern.test(norm)) return category;
  return undefined;
}
