/**
 * How a predicted billable code is compared with a CodiEsp gold code. The gold was made by coders who were
 * allowed to stop above the billable leaf, so a more specific prediction must not be punished for it:
 *
 *  - ICD-10-CM: a 7-character prediction whose first 6 characters are a gold code counts as that gold code
 *    (the gold omits the 7th character, initial/subsequent/sequela, on injury codes: S00.32XA ~ S00.32X);
 *    so does one whose first 6 characters, without trailing placeholder X's, are (T14.8XXA ~ T14.8,
 *    T14.90XA ~ T14.90: the gold drops the placeholders with the 7th character).
 *  - ICD-10-PCS: a 7-character prediction whose first 4 characters are a gold code counts as that gold code
 *    (about half the gold PCS labels are 4-character prefixes: root operation + body part, e.g. 0TTB).
 *  - Otherwise exact match on the normalized code (upper case, no dot).
 *
 * A prediction is only ever mapped to a gold code of the same document, never to a sibling; after mapping,
 * repeats are dropped keeping the first (best-ranked) one, so two predictions cannot both earn one gold code.
 */
export type GoldSystem = 'icd10cm' | 'icd10pcs';

/** The human-readable normalization rule, printed in every evaluation report. */
export const ALIGNMENT_RULE =
  'codes compared upper case without dots; ICD-10-CM: a 7-character prediction counts for a gold code that ' +
  'equals its first 6 characters, or those without trailing placeholder X (gold omits the 7th character ' +
  'and its placeholders); ICD-10-PCS: a prediction counts for a gold code that ' +
  'equals its first 4 characters (gold 4-character prefixes); repeats after mapping are dropped.';

/** Maps one predicted code to the gold form it earns, or returns it unchanged. */
export function alignCode(predicted: string, gold: ReadonlySet<string>, system: GoldSystem): string {
  if (gold.has(predicted)) return predicted;
  if (system === 'icd10cm' && predicted.length === 7) {
    const six = predicted.slice(0, 6);
    if (gold.has(six)) return six;
    const bare = six.replace(/X+$/, '');
    if (bare.length >= 3 && gold.has(bare)) return bare;
  }
  if (system === 'icd10pcs' && predicted.length === 7 && gold.has(predicted.slice(0, 4))) {
    return predicted.slice(0, 4);
  }
  return predicted;
}

/** Aligns a ranked prediction list to the gold forms, dropping repeats after mapping (first rank wins). */
export function alignRanked(
  ranked: readonly string[],
  gold: ReadonlySet<string>,
  system: GoldSystem,
): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const code of ranked) {
    const aligned = alignCode(code, gold, system);
    if (seen.has(aligned)) continue;
    seen.add(aligned);
    out.push(aligned);
  }
  return out;
}
