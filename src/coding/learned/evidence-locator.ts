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
export const MIN_OVERLAP = 0.35;

export interface LocatedSpan {
  readonly first: number;
  readonly last: number;
  /** Dice coefficient of the letter trigrams (0..1). */
  readonly overlap: number;
}

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

/**
 * The English phrase (token span) best matching a Spanish evidence text near relative position `at` (0..1),
 * or undefined when nothing overlaps it by MIN_OVERLAP.
 */
export function locateEvidence(tokens: NoteTokens, spanish: string, at: number): LocatedSpan | undefined {
  const n = tokens.norm.length;
  const target = trigrams(plain(spanish));
  if (n === 0 || target.size === 0) return undefined;
  const centre = tokens.sentence[Math.min(n - 1, Math.floor(at * n))]!;
  const words = tokens.norm.map(plain);
  const maxTokens = Math.min(MAX_TOKENS, plain(spanish).split(' ').length + 2);
  let best: LocatedSpan | undefined;
  for (let i = 0; i < n; i++) {
    const s = tokens.sentence[i]!;
    if (s < centre - SEARCH_SENTENCES || s > centre + SEARCH_SENTENCES) continue;
    let phrase = '';
    for (let j = i; j < n && j - i < maxTokens && tokens.sentence[j] === s; j++) {
      phrase = phrase === '' ? words[j]! : `${phrase} ${words[j]!}`;
      const overlap = dice(target, trigrams(phrase));
      // Ties go to the phrase nearer the expected sentence, then the shorter one.
      const better =
        !best ||
        overlap > best.overlap + 1e-9 ||
        (Math.abs(overlap - best.overlap) <= 1e-9 &&
          Math.abs(s - centre) < Math.abs(tokens.sentence[best.first]! - centre));
      if (better) best = { first: i, last: j, overlap };
    }
  }
  return best && best.overlap >= MIN_OVERLAP ? best : undefined;
}
