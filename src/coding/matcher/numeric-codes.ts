/**
 * ICD-10-CM codes a number in the note decides: weeks of gestation (Z3A, "at 23 weeks of gestation",
 * "pregnancy of 30+2 weeks"), body mass index (Z68, "BMI 34,9 kg/m2"; the pediatric percentiles when the
 * note gives a percentile), low birth weight (P07.0-P07.1, "birth weight 2,320 g") and the Glasgow coma scale
 * (R40.2, coma-scale.ts). The value is read beside its words and looked up in the ranges the release's own
 * titles state (numeric-ranges.ts), so only codes of the loaded release, billable, are proposed; a value
 * outside every range, or beside no word of its family, proposes nothing.
 */
import type { CodeSet } from '../../terminology/code-set.ts';
import type { NoteTokens } from '../text/note-tokens.ts';
import { matchComaScale } from './coma-scale.ts';
import { countValue, decimalValue, inRange, numberAt, numberEndingAt } from './note-numbers.ts';
import type { NoteNumber } from './note-numbers.ts';
import { fillerWords, nearestWord, numberAfter } from './number-near.ts';
import { codeFor, rangedCodes } from './numeric-ranges.ts';
import type { RangedCode } from './numeric-ranges.ts';
import { triggerPositions, triggerTable } from './pcs-body-parts.ts';

/** A code a number of the note decides, with the tokens of its words and the number. */
export interface NumericHit {
  readonly code: string;
  readonly first: number;
  readonly last: number;
  /** The title of the code (its range). */
  readonly path: string;
}

/** Billable codes under `root` whose title contains `word` (all of them without one). */
function billableUnder(root: string, word?: string) {
  return (cm: CodeSet): { code: string; title: string }[] =>
    cm.billableDescendants(root).filter((r) => r.billable && (!word || r.title.toLowerCase().includes(word)));
}

const WEEK_WORDS = ['week', 'wk', 'wks'];
const GESTATION_WORDS = new Set([
  'gestation',
  'gestational',
  'pregnancy',
  'pregnant',
  'gestating',
  'amenorrhea',
]);
/** Weeks of gestation a pregnancy can be at (a larger number is about something else). */
const MAX_WEEKS = 45;
/** Tokens before the number and after the week word where a gestation word may stand. */
const GESTATION_BEFORE = 4;
const GESTATION_AFTER = 3;

/** Z3A weeks of gestation: "N weeks" or "week N" with a gestation word beside it; completed weeks count. */
function gestationHits(cm: CodeSet, tokens: NoteTokens, w: number): NumericHit | undefined {
  const n = numberEndingAt(tokens, w - 1) ?? numberAt(tokens, w + 1);
  if (!n || inRange(tokens, n) || n.unit !== '' || n.whole < 1 || n.whole > MAX_WEEKS) return undefined;
  const first = Math.min(n.first, w);
  const last = Math.max(n.last, w);
  // "GA 38 weeks": the abbreviation only right before the number (elsewhere "GA" is often a drug).
  const cue =
    tokens.norm[n.first - 1] === 'ga'
      ? n.first - 1
      : nearestWord(tokens, w, first - GESTATION_BEFORE, last + GESTATION_AFTER, GESTATION_WORDS);
  if (cue === undefined) return undefined;
  const code = codeFor(rangedCodes(cm, 'Z3A', billableUnder('Z3A')), n.whole);
  return code && hitOf(code, Math.min(first, cue), Math.max(last, cue));
}

const BMI_FILLER = fillerWords([
  ...['bmi', 'imc', 'body', 'mass', 'index', 'kg', 'm2', 'calculated', 'estimated', 'approximately'],
  ...['greater', 'less', 'more', 'than', 'above', 'below', 'over', 'under', 'equal', 'to', 'around', 'value'],
]);
const BMI_ABOVE = /[>≥]|\b(?:greater|more|above|over)\b/;
const BMI_BELOW = /[<≤]|\b(?:less|below|under)\b/;
/** Body mass indexes a person can have (a larger number is about something else). */
const BMI_PLAUSIBLE = { lo: 8, hi: 150 } as const;

/** Tokens after the index's value where the percentile it stands at may follow ("18.1, 40th percentile"). */
const PERCENTILE_REACH = 6;

/** The percentile a child's index is stated at, after its value ("BMI 19.7, 40th percentile"), if any. */
function percentileAfter(tokens: NoteTokens, n: NoteNumber): NoteNumber | undefined {
  const at = nearestWord(tokens, n.last, n.last + 1, n.last + PERCENTILE_REACH, PERCENTILE);
  if (at === undefined) return undefined;
  const p = numberEndingAt(tokens, at - 1) ?? numberEndingAt(tokens, at - 2);
  return p && p.first >= n.first ? p : undefined;
}

const PERCENTILE = new Set(['percentile', 'centile']);

/** Z68 body mass index: "BMI 25", "body mass index of 22.3 kg/m2", "BMI > 40"; "BMI 97th percentile". */
function bmiHits(cm: CodeSet, tokens: NoteTokens, i: number): NumericHit | undefined {
  if (tokens.norm[i] === 'index' && tokens.norm[i - 1] !== 'mass') return undefined;
  const n = numberAfter(tokens, i, 6, BMI_FILLER);
  if (!n) return undefined;
  // Children's indexes are coded by their percentile for age (Z68.5-).
  const p = percentileAfter(tokens, n);
  if (p) {
    const value = decimalValue(p);
    const code =
      value <= 100 && codeFor(rangedCodes(cm, 'Z68 pediatric', billableUnder('Z68', 'pediatric')), value);
    return code ? hitOf(code, i, p.last + 1) : undefined;
  }
  const between = tokens.text.slice(tokens.end[i], tokens.start[n.first]).toLowerCase();
  // A bound ("BMI > 40") is inside the code of the side it points to.
  const shift = BMI_ABOVE.test(between) ? 0.01 : BMI_BELOW.test(between) ? -0.01 : 0;
  const value = decimalValue(n) + shift;
  if (value < BMI_PLAUSIBLE.lo || value > BMI_PLAUSIBLE.hi) return undefined;
  const code = codeFor(rangedCodes(cm, 'Z68 adult', billableUnder('Z68', 'adult')), value);
  return code && hitOf(code, i, n.last);
}

const BIRTH_WORDS = new Set(['birth', 'born', 'newborn', 'neonate']);
const WEIGHT_FILLER = fillerWords(['birth', 'approximately', 'around', 'only', 'newborn', 'weight']);
const GRAM_UNITS = new Set(['g', 'gr', 'grs', 'gram', 'gramme']);
const KILOGRAM_UNITS = new Set(['kg', 'kgs', 'kilogram', 'kilo']);
/** Tokens around a weight word where a birth word may stand. */
const BIRTH_REACH = 6;
/** Birth weights in grams a newborn can have. */
const GRAMS_PLAUSIBLE = { lo: 200, hi: 6500 } as const;

/** The weight in grams a number with its unit states, if it states one. */
function grams(tokens: NoteTokens, n: NoteNumber): number | undefined {
  const unit = n.unit || (tokens.norm[n.last + 1] ?? '');
  if (GRAM_UNITS.has(unit)) return countValue(n);
  if (KILOGRAM_UNITS.has(unit)) return decimalValue(n) * 1000;
  return undefined;
}

/** P07.0-P07.1 low birth weight: "birth weight of 2,320 grams", "born weighing 1.8 kg". */
function birthWeightHits(cm: CodeSet, tokens: NoteTokens, i: number): NumericHit | undefined {
  const n = numberAfter(tokens, i, 5, WEIGHT_FILLER);
  if (!n) return undefined;
  const value = grams(tokens, n);
  if (value === undefined || value < GRAMS_PLAUSIBLE.lo || value > GRAMS_PLAUSIBLE.hi) return undefined;
  const birth = nearestWord(tokens, i, i - BIRTH_REACH, n.last, BIRTH_WORDS);
  if (birth === undefined) return undefined;
  const code = codeFor(rangedCodes(cm, 'P07 grams', billableUnder('P07', 'grams')), value);
  return code && hitOf(code, Math.min(i, birth), n.last + (n.unit ? 0 : 1));
}

function hitOf(code: RangedCode, first: number, last: number): NumericHit {
  return { code: code.code, first, last, path: code.title };
}

type Family = (cm: CodeSet, tokens: NoteTokens, i: number) => NumericHit | undefined;

const FAMILIES: ReadonlyMap<string, Family> = new Map([
  ...WEEK_WORDS.map((w) => [w, gestationHits] as const),
  ...['bmi', 'imc', 'index'].map((w) => [w, bmiHits] as const),
  ...['weight', 'weighing', 'weighed', 'birthweight'].map((w) => [w, birthWeightHits] as const),
]);

/** Trigger words, by vocabulary id. */
const TRIGGERS = triggerTable(FAMILIES.keys());

/** The codes the note's numbers decide, one hit per number (the first word that reads it). */
export function matchNumericCodes(cm: CodeSet, tokens: NoteTokens): NumericHit[] {
  const hits: NumericHit[] = [];
  const seen = new Set<string>();
  for (const i of triggerPositions(tokens, TRIGGERS)) {
    const hit = FAMILIES.get(tokens.norm[i]!)!(cm, tokens, i);
    // "BMI (body mass index) of 26": both words read the same number.
    if (!hit || seen.has(`${hit.code}@${hit.last}`)) continue;
    seen.add(`${hit.code}@${hit.last}`);
    hits.push(hit);
  }
  return [...hits, ...matchComaScale(cm, tokens)];
}
