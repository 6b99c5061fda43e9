/**
 * Where a gold code's evidence sits in the English text. CodiEsp gives each code's evidence as a span of the
 * Spanish original; the English is a machine translation, so the span is found again by spelling: medical
 * words are mostly cognates ("orquiepididimitis" / "orchiepididymitis"), and the English phrase near the same
 * relative position whose letter trigrams best overlap the Spanish evidence is taken as its translation.
 * Training credits that phrase (not the whole neighbourhood) with the code. Pure.
 */
import type { NoteTokens } from '../text/note-tokens.ts';

/** Sentences searched either side of the one at the evidence's relative position. */
const SEARCH_SENTENCES = 2;
/** Longest English phrase considered, in tokens. */
const MAX_TOKENS = 6;
/** Lowest Dice overlap of letter trigrams accepted as a translation. */
const MIN_OVERLAP = 0.35;
/** Lowest overlap accepted away from the expected sentences. */
const FAR_OVERLAP = 0.5;
/** Most readings of one evidence text tried (alternative glosses multiply). */
const MAX_READINGS = 8;

export interface LocatedSpan {
  readonly first: number;
  readonly last: number;
  /** Dice coefficient of the letter trigrams (0..1). */
  readonly overlap: number;
}

/**
 * English for the frequent Spanish evidence words that are not cognates (the 150 most frequent words of the
 * training evidence the trigrams alone did not place, read by hand), and the shorthand of Spanish reports.
 * Used only to find the evidence again at training time.
 */
const GLOSS: Readonly<Record<string, string>> = {
  dolor: 'pain',
  dolores: 'pain',
  dolorosa: 'painful',
  doloroso: 'painful',
  enfermedad: 'disease',
  fiebre: 'fever',
  febril: 'febrile',
  izquierdo: 'left',
  izquierda: 'left',
  derecho: 'right',
  derecha: 'right',
  ambos: 'both',
  ambas: 'both',
  masa: 'mass',
  rinon: 'kidney',
  perdida: 'loss',
  peso: 'weight',
  debilidad: 'weakness',
  vih: 'hiv',
  vhc: 'hcv',
  vhb: 'hbv',
  hta: 'hypertension',
  epoc: 'copd',
  erc: 'chronic kidney disease',
  cefalea: 'headache',
  insuficiencia: 'failure',
  disnea: 'dyspnea',
  adenopatias: 'lymphadenopathy',
  adenopatia: 'lymphadenopathy',
  cronica: 'chronic',
  cronico: 'chronic',
  aguda: 'acute',
  agudo: 'acute',
  leve: 'mild',
  ojo: 'eye',
  inferiores: 'lower',
  inferior: 'lower',
  superior: 'upper',
  palidez: 'pallor',
  cardiopatia: 'heart disease',
  hepatopatia: 'liver disease',
  cigarrillos: 'cigarettes',
  fumador: 'smoker',
  fumadora: 'smoker',
  exfumador: 'former smoker',
  tabaquismo: 'smoking',
  tabaquico: 'smoking',
  antecedentes: 'history',
  miembros: 'limbs',
  sangrado: 'bleeding',
  hipocondrio: 'hypochondrium',
  quiste: 'cyst',
  quistes: 'cysts',
  mareo: 'dizziness',
  caida: 'fall',
  vesical: 'bladder',
  vesicales: 'bladder',
  tumoracion: 'mass',
  ictericia: 'jaundice',
  mioclonias: 'myoclonus',
  estrenimiento: 'constipation',
  cicatriz: 'scar',
  cicatricial: 'scar',
  pie: 'foot',
  toracico: 'chest',
  temblor: 'tremor',
  mama: 'breast',
  testiculo: 'testicle',
  osea: 'bone',
  oseo: 'bone',
  sudoracion: 'sweating',
  desprendimiento: 'detachment',
  tobillo: 'ankle',
  malestar: 'malaise',
  muslo: 'thigh',
  mano: 'hand',
  manos: 'hands',
  hombro: 'shoulder',
  pierna: 'leg',
  cuello: 'neck',
  parpado: 'eyelid',
  convulsiones: 'seizures',
  convulsion: 'seizure',
  escalofrios: 'chills',
  cutanea: 'skin',
  lumbalgia: 'low back pain',
  tos: 'cough',
  traumatismo: 'trauma',
  heces: 'stool',
  picadura: 'bite',
  herida: 'wound',
  muerte: 'death',
  quemadura: 'burn',
  quemaduras: 'burns',
  hepatico: 'liver',
  hepatica: 'liver',
  hepaticas: 'liver',
  higado: 'liver',
  pulmon: 'lung',
  vejiga: 'bladder',
  ganglios: 'lymph nodes',
  ganglionar: 'lymph node',
  embarazo: 'pregnancy',
  parto: 'delivery',
  sordera: 'deafness',
  ceguera: 'blindness',
  vomitos: 'vomiting',
  nauseas: 'nausea',
  hinchazon: 'swelling',
  bulto: 'lump',
  cansancio: 'fatigue',
  astenia: 'asthenia',
  // Procedures: imaging and the shorthand of Spanish reports.
  ecografia: 'ultrasound',
  ecografias: 'ultrasound',
  tac: 'ct',
  tc: 'ct',
  radiografia: 'x-ray',
  radiografias: 'x-rays',
  rx: 'x-ray',
  torax: 'chest',
  toracica: 'chest',
  tomografia: 'tomography',
  resonancia: 'resonance',
  rmn: 'mri',
  rnm: 'mri',
  rm: 'mri',
  fondo: 'fundus',
  bloqueo: 'block',
  ecg: 'electrocardiogram',
  eeg: 'electroencephalogram',
  colonoscopia: 'colonoscopy',
  gastroscopia: 'gastroscopy',
  cistoscopia: 'cystoscopy',
  broncoscopia: 'bronchoscopy',
  drenaje: 'drainage',
  craneal: 'cranial',
  craneo: 'skull',
  glandula: 'gland',
  puncion: 'puncture',
  paaf: 'fine needle aspiration',
  dpca: 'peritoneal dialysis',
  npt: 'parenteral nutrition',
  rtu: 'transurethral resection',
  tacto: 'examination',
  cesarea: 'cesarean',
  exeresis: 'excision',
  extirpacion: 'removal',
  extraccion: 'extraction',
  muneca: 'wrist',
  cadera: 'hip',
  lavado: 'lavage',
  sonda: 'catheter',
  ojos: 'eyes',
  pies: 'feet',
  piel: 'skin',
  columna: 'spine',
  atm: 'temporomandibular joint',
  od: 'right eye',
  // Read from the evidence the trigrams still missed; alternatives split by "|".
  hemorragia: 'hemorrhage|bleeding',
  hemorragias: 'hemorrhage|bleeding',
  hemorragica: 'hemorrhagic|bleeding',
  hemorragicas: 'hemorrhagic|bleeding',
  rectorragia: 'rectal bleeding|rectorrhagia',
  rectorragias: 'rectal bleeding|rectorrhagia',
  febricula: 'low grade fever|fever',
  bebedor: 'drinker|alcohol',
  exfumadora: 'former smoker',
  incendio: 'fire',
  silla: 'wheelchair',
  ansiedad: 'anxiety',
  somnolencia: 'drowsiness|somnolence|sleepiness',
  cicatrices: 'scars|scarring',
  cicatrizacion: 'healing|scarring',
  hipopotasemia: 'hypokalemia|hypokalaemia',
  hiperpotasemia: 'hyperkalemia',
  exantema: 'rash|exanthema',
  erupcion: 'rash|eruption',
  lues: 'syphilis|lues',
  petequias: 'petechiae',
  calambres: 'cramps',
  tumefaccion: 'swelling',
  trombo: 'thrombus',
  acufenos: 'tinnitus',
  alucinaciones: 'hallucinations',
  gripe: 'flu|influenza',
  soplo: 'murmur',
  esfacelos: 'slough|sloughing',
  esfacelo: 'slough',
  bocio: 'goiter',
  sinequia: 'synechia',
  mareos: 'dizziness',
  miedo: 'fear',
  picor: 'itching|pruritus',
  sobrepeso: 'overweight',
  quemados: 'burns',
  suicidio: 'suicide',
  delirios: 'delusions',
  nerviosismo: 'nervousness',
  prision: 'prison',
  ictus: 'stroke',
  cid: 'dic',
  hsa: 'subarachnoid hemorrhage|sah',
  hsd: 'subdural hematoma',
  tce: 'head injury|head trauma|traumatic brain injury',
  eii: 'inflammatory bowel disease|ibd',
  fa: 'atrial fibrillation|af',
  iam: 'myocardial infarction|ami',
  les: 'lupus|sle',
  itu: 'urinary tract infection|uti',
  tbc: 'tuberculosis|tb',
  irc: 'chronic renal failure|chronic kidney disease',
  hda: 'upper gastrointestinal bleeding',
  hdb: 'lower gastrointestinal bleeding',
  ela: 'amyotrophic lateral sclerosis|als',
  hpb: 'benign prostatic hyperplasia|bph',
  vhs: 'herpes simplex|hsv',
  imc: 'bmi',
  sarm: 'mrsa',
  aines: 'nsaids',
  eeii: 'lower limbs',
  ulcus: 'ulcer',
  teste: 'testis|testicle',
  neoplasia: 'neoplasm|neoplasia|tumor',
  tumoraciones: 'tumors|masses',
  sintomas: 'symptoms',
  sintomatologia: 'symptoms',
  trastorno: 'disorder',
  sindrome: 'syndrome',
  pelo: 'hair',
  bazo: 'spleen',
  rinones: 'kidneys',
  pulmones: 'lungs',
  sangre: 'blood',
  oculta: 'occult',
  cabeza: 'head',
  oido: 'ear',
  hueso: 'bone',
  huesos: 'bones',
  dedos: 'fingers|toes',
  munecas: 'wrists',
  rodilla: 'knee',
  espalda: 'back',
  piernas: 'legs',
  brazo: 'arm',
  lengua: 'tongue',
  boca: 'mouth',
  labio: 'lip',
  diente: 'tooth',
  encia: 'gum',
  sueno: 'sleep',
  apetito: 'appetite',
  falta: 'lack|loss',
  aumento: 'increase|enlarged',
  tamano: 'size',
  estado: 'state',
  animo: 'mood',
  marcha: 'gait',
  inestabilidad: 'instability|unsteadiness',
  lesion: 'lesion',
  lesiones: 'lesions',
  calculo: 'stone|calculus',
  calculos: 'stones|calculi',
  litiasis: 'lithiasis|stones',
  ampolla: 'blister',
  ampollas: 'blisters',
  costras: 'crusts',
  costrosas: 'crusted|crusty',
};

/** Lower case, accents off, letters and digits only, words joined by one space. */
function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function trigrams(text: string): Set<string> {
  const padded = ` ${text} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** British spellings read as American ("haemorrhage", "oedema", "tumour"), so one gloss finds both. */
function american(word: string): string {
  return word.replace(/ae|oe/g, 'e').replace(/our$/, 'or');
}

/** Readings of a Spanish evidence text: each word glossed (a gloss may list alternatives: "a|b"). */
function readings(spanish: string): string[] {
  let out = [''];
  for (const w of plain(spanish).split(' ')) {
    const options = (GLOSS[w] ?? w.replace(/cion(es)?$/, 'tion$1')).split('|');
    out = out.flatMap((r) => options.map((o) => (r === '' ? o : `${r} ${o}`))).slice(0, MAX_READINGS);
  }
  return out.filter((r) => r !== '');
}

/**
 * The English phrase (token span) best matching a Spanish evidence text near relative position `at` (0..1),
 * or undefined when nothing overlaps it by MIN_OVERLAP. The translation's sentences do not always sit where
 * the Spanish ones do, so when nothing near matches, the whole text is searched for a closer match
 * (FAR_OVERLAP).
 */
export function locateEvidence(tokens: NoteTokens, spanish: string, at: number): LocatedSpan | undefined {
  const n = tokens.norm.length;
  const read = readings(spanish);
  const targets = read.map((r) => trigrams(american(r)));
  if (n === 0 || targets.length === 0) return undefined;
  const centre = tokens.sentence[Math.min(n - 1, Math.floor(at * n))]!;
  const words = tokens.norm.map((w) => american(plain(w)));
  // The English phrase may run two words longer than the longest reading.
  const maxTokens = Math.min(MAX_TOKENS, Math.max(...read.map((r) => r.split(' ').length)) + 2);
  const search = (within: number): LocatedSpan | undefined => {
    let best: LocatedSpan | undefined;
    for (let i = 0; i < n; i++) {
      const s = tokens.sentence[i]!;
      if (s < centre - within || s > centre + within) continue;
      let phrase = '';
      for (let j = i; j < n && j - i < maxTokens && tokens.sentence[j] === s; j++) {
        phrase = phrase === '' ? words[j]! : `${phrase} ${words[j]!}`;
        const grams = trigrams(phrase);
        let overlap = 0;
        for (const t of targets) overlap = Math.max(overlap, dice(t, grams));
        // Ties go to the phrase nearer the expected sentence, then the shorter one.
        const better =
          !best ||
          overlap > best.overlap + 1e-9 ||
          (Math.abs(overlap - best.overlap) <= 1e-9 &&
            Math.abs(s - centre) < Math.abs(tokens.sentence[best.first]! - centre));
        if (better) best = { first: i, last: j, overlap };
      }
    }
    return best;
  };
  const near = search(SEARCH_SENTENCES);
  if (near && near.overlap >= MIN_OVERLAP) return near;
  const far = search(tokens.sentenceCount);
  return far && far.overlap >= FAR_OVERLAP ? far : undefined;
}
