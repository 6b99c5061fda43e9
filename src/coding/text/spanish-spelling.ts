/**
 * The spelling bridge: the English of CodiEsp is a machine translation of Spanish reports, and it leaves
 * medical words in a Spanish (or British, or Latin plural) spelling no dictionary phrase has: "pionephrosis",
 * "blefarochalasia", "coriorretinitis", "oedema", "abscesses" (folded to "abscesse"). A word no dictionary
 * matcher knows is rewritten by the rules below, each applied to the word as written (at most MAX_STEPS of
 * them, an ending last), and stands for the dictionary word reached with the fewest rewrites, then with the
 * rules earliest in the list. The rewrites are spelled down a letter trie of the dictionary words
 * (spelling-targets.ts), so a rewrite no word starts like is dropped at its first wrong letter. Rules only
 * rewrite Spanish-shaped spelling towards English, never "close" words in general: edit distance was tried
 * and dropped, most near words are other words (performed / perforated).
 *
 * Rules were chosen on the words of CodiEsp train English that no dictionary phrase has (the `example` of
 * each rule is one of them when the data had one); English-shaped words are left alone (ENGLISH_SHAPE).
 */
import { SpellingTargets } from './spelling-targets.ts';
import { isStopword } from './token-vocabulary.ts';

export type RulePlace = 'start' | 'anywhere' | 'end';

export interface SpellingRule {
  readonly from: string;
  readonly to: string;
  /** 'start' and 'end' rewrite only there; an 'end' rule is the last rewrite of a word. */
  readonly place: RulePlace;
  /** A word the rule bridges, Spanish-shaped → English. */
  readonly example: string;
}

const rule = (place: RulePlace, from: string, to: string, example: string): SpellingRule => ({
  from,
  to,
  place,
  example,
});

/** The rewrites, in order of preference: the endings (the surest sign) before single letters. */
export const SPELLING_RULES: readonly SpellingRule[] = [
  // Leading "es" + consonant: Spanish puts an e before s + consonant.
  rule('start', 'es', 's', 'esclerosis → sclerosis'),
  rule('start', 'neum', 'pneum', 'neumotorax → pneumothorax'),
  // Spanish endings, most specific first. Not "-osa" → "-ous": English has mucosa, submucosa, serosa.
  rule('end', 'ectomia', 'ectomy', 'nefrectomia → nephrectomy'),
  rule('end', 'tomia', 'tomy', 'laparotomia → laparotomy'),
  rule('end', 'patia', 'pathy', 'cardiopatia → cardiopathy'),
  rule('end', 'plastia', 'plasty', 'blefaroplastia → blepharoplasty'),
  rule('end', 'scopia', 'scopy', 'laringoscopia → laryngoscopy'),
  rule('end', 'grafia', 'graphy', 'urografia → urography'),
  rule('end', 'cefalia', 'cephaly', 'plagiocefalia → plagiocephaly'),
  rule('end', 'encia', 'ency', 'deficiencia → deficiency'),
  rule('end', 'encia', 'ence', 'incontinencia → incontinence'),
  rule('end', 'ancia', 'ance', 'intolerancia → intolerance'),
  rule('end', 'ente', 'ent', 'persistente → persistent'),
  rule('end', 'oide', 'oid', 'tiroide → thyroid'),
  rule('end', 'ico', 'ic', 'diabetico → diabetic'),
  rule('end', 'ica', 'ic', 'isquemica → ischemic'),
  rule('end', 'oso', 'ous', 'fibroso → fibrous'),
  rule('end', 'ivo', 'ive', 'positivo → positive'),
  rule('end', 'iva', 'ive', 'infiltrativa → infiltrative'),
  rule('end', 'cion', 'tion', 'malformacion → malformation'),
  rule('end', 'idad', 'ity', 'obesidad → obesity'),
  rule('end', 'ismo', 'ism', 'astigmatismo → astigmatism'),
  rule('end', 'ina', 'in', 'renina → renin'),
  rule('end', 'ino', 'in', 'carboplatino → carboplatin'),
  rule('end', 'ina', 'ine', 'creatinina → creatinine'),
  rule('end', 'gia', 'ge', 'hemorragia → hemorrhage'),
  rule('end', 'ia', 'y', 'plagiocephalia → plagiocephaly'),
  rule('end', 'ia', 'is', 'hemiparesia → hemiparesis'),
  rule('end', 'ia', 'ism', 'criptorquidia → cryptorchidism'),
  rule('end', 'ia', 'us', 'hydrocephalia → hydrocephalus'),
  rule('end', 'io', 'ium', 'epigastrio → epigastrium'),
  rule('end', 'io', 'y', 'laboratorio → laboratory'),
  rule('end', 'ar', 'ary', 'papilar → papillary'),
  rule('end', 'ula', 'ule', 'capsula → capsule'),
  rule('end', 'ma', 'me', 'pralidoxima → pralidoxime'),
  rule('end', 'aco', 'ac', 'ketorolaco → ketorolac'),
  // English forms the plural folding or the translation leave: "-es" plurals, Latin "-ae", adjectives.
  rule('end', 'sse', 'ss', 'abscesses → abscess'),
  rule('end', 'che', 'ch', 'branches → branch'),
  rule('end', 'she', 'sh', 'crushes → crush'),
  rule('end', 'xe', 'x', 'complexes → complex'),
  rule('end', 'ae', 'a', 'fossae → fossa'),
  rule('end', 'in', 'ine', 'vinorelbin → vinorelbine'),
  rule('end', 'itic', 'itis', 'vasculitic → vasculitis'),
  rule('end', 'otic', 'osis', 'hydronephrotic → hydronephrosis'),
  rule('end', 'asic', 'astic', 'neoplasic → neoplastic'),
  rule('end', 'ic', 'ia', 'tachycardic → tachycardia'),
  rule('end', 'thic', 'thy', 'adenopathic → adenopathy'),
  rule('end', 'phic', 'phy', 'leukodystrophic → leukodystrophy'),
  // British and Latin digraphs.
  rule('anywhere', 'ae', 'e', 'haemorrhage → hemorrhage'),
  rule('anywhere', 'oe', 'e', 'oedema → edema'),
  // Greek letters Spanish spells plainly: φ, υ, χ / κ, θ, ῥ.
  rule('anywhere', 'f', 'ph', 'fenylketonuria → phenylketonuria'),
  rule('anywhere', 'nf', 'mph', 'linfoma → lymphoma'),
  rule('anywhere', 'i', 'y', 'pionephrosis → pyonephrosis'),
  rule('anywhere', 'y', 'i', 'lysinopril → lisinopril'),
  rule('anywhere', 'qu', 'ch', 'liquen → lichen'),
  rule('anywhere', 'c', 'ch', 'clorambucil → chlorambucil'),
  rule('anywhere', 'c', 'k', 'leucocyte → leukocyte'),
  rule('anywhere', 't', 'th', 'ortopnea → orthopnea'),
  rule('anywhere', 'rr', 'rrh', 'gingivorragia → gingivorrhagia'),
  rule('anywhere', 'rr', 'r', 'coriorretinitis → chorioretinitis'),
  // Spanish writes single consonants English doubles (and the translation doubles a letter now and then).
  rule('anywhere', 'nm', 'mm', 'inmunodeficiencia → immunodeficiency'),
  rule('anywhere', 'l', 'll', 'brucela → brucella'),
  rule('anywhere', 't', 'tt', 'glotis → glottis'),
  rule('anywhere', 'p', 'pp', 'apendicitis → appendicitis'),
  rule('anywhere', 's', 'ss', 'glositis → glossitis'),
  rule('anywhere', 'll', 'l', 'colluria → choluria'),
  rule('anywhere', 'oo', 'o', 'ketoosis → ketosis'),
];

/** Rewrites per word, at most ("criptorquidia → cryptorchidism" takes three). */
export const MAX_STEPS = 3;
/** Words shorter than this are never rewritten: short words have too many neighbours. */
export const MIN_LENGTH = 6;
/** Rewritten words this short are not taken. */
const MIN_TARGET_LENGTH = 5;
/**
 * English-shaped words: inflected English (-ed, -ing, -ly, -er, -ness, -ful, -less), French "-que" (torque),
 * letters Spanish does not write (w, gh, ck), and anything with a digit. The rules are not for them ("cooked" is not "choked").
 */
const ENGLISH_SHAPE = /\d|w|gh|ck|(?:ed|ing|ly|er|ness|ful|less|que)$/;
const CONSONANT = /[bcdfgklmnpqrstvz]/;

/**
 * Words the rules would turn into another word, found reading the bridge's mappings on CodiEsp train and
 * MTSamples: English adjectives of another sense ("tympanitic" abdomen is not tympanitis, an "osteopathic"
 * physician no osteopathia), a misspelling (hypertropic for hypertrophic, not hypertropia) and names (the
 * tokens are lower case: Taylor is not a tailor).
 */
const NOT_BRIDGED: ReadonlySet<string> = new Set([
  'tympanitic',
  'osteopathic',
  'melanotic',
  'hypertropic',
  'estate',
  'taylor',
  'georgia',
  'benedict',
  'gutmann',
]);

/** Whether the spelling bridge may rewrite this (lower-case, folded) word at all. */
export function isBridgeable(word: string): boolean {
  return word.length >= MIN_LENGTH && !ENGLISH_SHAPE.test(word) && !NOT_BRIDGED.has(word);
}

/** A rewrite found: how many rules it took, which (their indices, sorted, base 128) and the word. */
interface Hit {
  readonly steps: number;
  readonly rules: number;
  readonly word: string;
}

/** Whether rule `r` may rewrite `word` at position `i` (its place, and never the last letter alone). */
function appliesAt(r: SpellingRule, word: string, i: number): boolean {
  if (!word.startsWith(r.from, i)) return false;
  if (r.place === 'start') return i === 0 && (r.from !== 'es' || CONSONANT.test(word.charAt(2)));
  if (r.place === 'end') return i >= 3 && i + r.from.length === word.length;
  return i + r.from.length < word.length;
}

/** Indices of the rules by the first letter they rewrite: most letters start a few rules, some none. */
const RULES_BY_LETTER = new Map<string, number[]>();
SPELLING_RULES.forEach((r, k) => {
  const list = RULES_BY_LETTER.get(r.from.charAt(0));
  if (list) list.push(k);
  else RULES_BY_LETTER.set(r.from.charAt(0), [k]);
});

/** Depth-first over the rewrites of word[i..] below trie `node`; every target reached goes to `hits`. */
function search(
  word: string,
  targets: SpellingTargets,
  at: { i: number; node: number; steps: number; rules: number },
  hits: Hit[],
): void {
  const { i, node, steps, rules } = at;
  if (i === word.length) {
    const found = targets.wordAt(node);
    if (found !== undefined && steps > 0) hits.push({ steps, rules, word: found });
    return;
  }
  if (steps < MAX_STEPS) {
    for (const k of RULES_BY_LETTER.get(word.charAt(i)) ?? []) {
      const r = SPELLING_RULES[k]!;
      if (!appliesAt(r, word, i)) continue;
      const next = targets.walk(node, r.to);
      if (next < 0) continue;
      const key = insertSorted(rules, steps, k);
      search(word, targets, { i: i + r.from.length, node: next, steps: steps + 1, rules: key }, hits);
    }
  }
  const next = targets.walk(node, word.charAt(i));
  if (next >= 0) search(word, targets, { i: i + 1, node: next, steps, rules }, hits);
}

/** Rule indices kept sorted in one number (base 128, `count` of them so far), with `k` added. */
function insertSorted(rules: number, count: number, k: number): number {
  const list: number[] = [];
  for (let c = 0, r = rules; c < count; c++, r = Math.floor(r / 128)) list.unshift(r % 128);
  list.push(k);
  list.sort((x, y) => x - y);
  return list.reduce((acc, x) => acc * 128 + x, 0);
}

/**
 * The target word an unknown word stands for: of its rewrites that are targets (not stopwords, not too
 * short), the one with the fewest rewrites, then with the rules earliest in SPELLING_RULES; undefined when
 * none is, or the word is too short or English-shaped.
 *
 * @example bridgeSpelling('blefarochalasia', dictionaryTargets) // 'blepharochalasis' (f → ph, -ia → -is)
 */
export function bridgeSpelling(word: string, targets: SpellingTargets): string | undefined {
  if (!isBridgeable(word)) return undefined;
  const hits: Hit[] = [];
  search(word, targets, { i: 0, node: SpellingTargets.ROOT, steps: 0, rules: 0 }, hits);
  let best: Hit | undefined;
  for (const h of hits) {
    if (h.word.length < MIN_TARGET_LENGTH || isStopword(h.word)) continue;
    if (!best || h.steps < best.steps || (h.steps === best.steps && h.rules < best.rules)) best = h;
  }
  return best?.word;
}
