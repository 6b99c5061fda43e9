/**
 * How a predicted billable code is compared with a CodiEsp gold code. The gold was made by coders who were
 * allowed to stop above the billable leaf (CodiEsp README, quality concerns 1, 3 and 4), so a more specific
 * prediction must not be punished for it:
 *
 *  - ICD-10-CM: a prediction that extends a gold code of its document counts as that gold code (the longest
 *    such gold code wins). This covers the injury codes whose 7th character the gold omits (S00.32XA ~
 *    S00.32X, T14.8XXA ~ T14.8: the placeholders go with it), categories the coders stopped at (R11.10 ~ R11)
 *    and codes billable in the 2018 Spanish edition that have children now (M54.50 ~ M54.5). A billable code
 *    has no children, so a prediction never extends a gold code that was itself a billable leaf.
 *  - ICD-10-PCS: a 7-character prediction whose first 4 characters are a gold code counts as that gold code
 *    (about half the gold PCS labels are 4-character prefixes: root operation + body part, e.g. 0TTB).
 *  - Otherwise exact match on the normalized code (upper case, no dot).
 *
 * A prediction is only ever mapped to a gold code of the same document, never to a sibling; after mapping,
 * repeats are dropped keeping the first (best-ranked) one, so two predictions cannot both earn one gold code.
 * The report also prints strict exact match (no mapping) beside the aligned scores.
 */
export type GoldSystem = 'icd10cm' | 'icd10pcs';

/** The human-readable normalization rule, printed in every evaluation report. */
export const ALIGNMENT_RULE =
  'codes compared upper case without dots; ICD-10-CM: a prediction counts for a gold code it extends (the ' +
  'gold stops above the billable leaf: a 7th character and its placeholders omitted, a category, a code ' +
  'with children since 2018); ICD-10-PCS: a prediction counts for a gold code that equals its first 4 ' +
  'characters (gold 4-character prefixes); repeats after mapping are dropped.';

/** Maps one predicted code to the gold form it earns, or returns it unchanged. */
export function alignCode(predicted: string, gold: ReadonlySet<string>, system: GoldSystem): string {
  if (gold.has(predicted)) return predicted;
  if (system === 'icd10cm') {
    for (let k = predicted.length - 1; k >= 3; k--) {
      const prefix = predicted.slice(0, k);
      if (gold.has(prefix)) return prefix;
    }
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
