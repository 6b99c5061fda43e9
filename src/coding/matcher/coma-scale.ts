/**
 * Glasgow coma scale codes (R40.21-R40.24) from the scores a note states. Guidelines I.C.18.e: the
 * individual components (eyes open, best verbal, best motor: "E2V3M4") are coded when documented, the total
 * score (R40.24-, "Glasgow 6/15", "an 8-point Glasgow coma scale", "GCS of 15") only when they are not; the
 * 7th character says when the score was taken ("in the field", "at arrival to emergency department", "at
 * hospital admission"), else "unspecified time". Score ranges and times are read from the release's titles.
 */
import type { CodeSet } from '../../terminology/code-set.ts';
import type { NoteTokens } from '../text/note-tokens.ts';
import { fillerWords, nearestWord, numberAfter, numberBefore } from './number-near.ts';
import type { NumericHit } from './numeric-codes.ts';
import { codeFor, rangedCodes } from './numeric-ranges.ts';
import type { RangedCode } from './numeric-ranges.ts';
import { triggerPositions, triggerTable } from './pcs-body-parts.ts';

const TRIGGERS = triggerTable(['glasgow', 'gcs']);
const AFTER_FILLER = fillerWords(['coma', 'scale', 'score', 'scored', 'total', 'initial', 'on', 'in', 'ecg']);
const BEFORE_FILLER = fillerWords(['point', 'on', 'in', 'score', 'the']);
/** Tokens read after and before the trigger word for its number. */
const AFTER = 6;
const BEFORE = 4;
/** The scale's totals. */
const TOTAL = { lo: 3, hi: 15 } as const;

/**
 * When the score was taken, by the words of its sentence: each time's note words and the words of the 7th
 * character's title that name it.
 */
const TIMES: readonly (readonly [readonly string[], string])[] = [
  [['ambulance', 'prehospital', 'paramedic', 'emt', 'scene'], 'in the field'],
  [['emergency', 'er'], 'emergency department'],
  [['admission'], 'at hospital admission'],
];
const TIME_WORDS = new Set(TIMES.flatMap(([words]) => words));
const UNSPECIFIED_TIME = 'unspecified time';

/** The R40.24- total score codes (6 characters, below "Glasgow coma scale, total score"), with their ranges. */
function totalCodes(cm: CodeSet): readonly RangedCode[] {
  return rangedCodes(cm, 'R4024', (c) =>
    c.children('R4024').filter((r) => /\bscore \d/i.test(r.title) && c.children(r.code).length > 0),
  );
}

/** The component headers (eyes, verbal, motor: R40.21-R40.23) by the letters notes write them with. */
function componentHeader(cm: CodeSet, letter: string): string | undefined {
  const words = letter === 'v' ? 'verbal' : letter === 'm' ? 'motor' : 'eyes';
  return cm.children('R402').find((r) => r.title.toLowerCase().includes(words))?.code;
}

/** The 7th-character child of `code` for the time the sentence states, else its "unspecified time" child. */
function atTime(cm: CodeSet, code: string, time: string | undefined): string | undefined {
  const kids = cm.children(code).filter((k) => k.billable);
  const pick = (words: string): string | undefined =>
    kids.find((k) => k.title.toLowerCase().includes(words))?.code;
  return (time && pick(time)) ?? pick(UNSPECIFIED_TIME);
}

/** The time words nearest the trigger at `i` in its sentence name, if any. */
function timeOf(tokens: NoteTokens, i: number): string | undefined {
  const at = nearestWord(tokens, i, 0, tokens.norm.length - 1, TIME_WORDS);
  if (at === undefined) return undefined;
  const word = tokens.norm[at]!;
  return TIMES.find(([words]) => words.includes(word))?.[1];
}

const COMPONENT = /^([eov])(\d)(?:([v])(\d)([m])(\d))?$|^([vm])(\d)$/;

/** Component scores ("E2V3M4", "E2 V3 M4", "O2V2M4") among the tokens after the trigger. */
function componentsAfter(tokens: NoteTokens, i: number): { letter: string; score: number; at: number }[] {
  const out: { letter: string; score: number; at: number }[] = [];
  for (
    let j = i + 1;
    j <= i + AFTER + 3 && j < tokens.norm.length && tokens.sentence[j] === tokens.sentence[i];
    j++
  ) {
    const m = COMPONENT.exec(tokens.norm[j]!);
    if (!m) continue;
    const parts = m[7] ? [m[7], m[8]] : [m[1], m[2], m[3], m[4], m[5], m[6]];
    for (let k = 0; k + 1 < parts.length && parts[k]; k += 2)
      out.push({ letter: parts[k]!, score: Number(parts[k + 1]), at: j });
  }
  return out;
}

/** Component codes: the score-th child of the component's header (the release lists them by score). */
function componentHits(cm: CodeSet, tokens: NoteTokens, i: number, time: string | undefined): NumericHit[] {
  const parts = componentsAfter(tokens, i);
  if (new Set(parts.map((p) => (p.letter === 'o' ? 'e' : p.letter))).size < 3) return [];
  return parts.flatMap((p) => {
    const header = componentHeader(cm, p.letter);
    const child = header ? cm.children(header)[p.score - 1] : undefined;
    const code = child && atTime(cm, child.code, time);
    return code ? [{ code, first: i, last: p.at, path: cm.get(code)!.title }] : [];
  });
}

/** R40.2 codes of the Glasgow scores the note states. */
export function matchComaScale(cm: CodeSet, tokens: NoteTokens): NumericHit[] {
  const hits: NumericHit[] = [];
  for (const i of triggerPositions(tokens, TRIGGERS)) {
    const time = timeOf(tokens, i);
    const components = componentHits(cm, tokens, i, time);
    if (components.length > 0) {
      hits.push(...components);
      continue;
    }
    const after = numberAfter(tokens, i, AFTER, AFTER_FILLER);
    const n = after ?? numberBefore(tokens, i, BEFORE, BEFORE_FILLER);
    if (!n || n.fraction !== '' || n.whole < TOTAL.lo || n.whole > TOTAL.hi) continue;
    const total = codeFor(totalCodes(cm), n.whole);
    const code = total && atTime(cm, total.code, time);
    if (code)
      hits.push({ code, first: Math.min(i, n.first), last: Math.max(i, n.last), path: cm.get(code)!.title });
  }
  return hits;
}
