/**
 * ICD-10-PCS codes are learned per 4-character prefix (section, body system, root operation, body part) and
 * emitted as the full code coders used most often under that prefix. Case reports rarely state approach,
 * device or qualifier, so the CodiEsp gold stops at the prefix for about half of its procedure labels
 * (BW20 next to BW20ZZZ and BW201ZZ): learned per full code, one procedure's evidence is split over several
 * keys and none of them gathers enough of it. A full code still earns a gold prefix (eval/gold-alignment.ts),
 * and is a valid code where the prefix is not, so the most frequent full code of the prefix is the one to
 * emit (pcsFormOf).
 */

/** Length of the PCS prefix the gold may stop at: section, body system, root operation, body part. */
export const PCS_PREFIX_LENGTH = 4;

/** Per 4-character PCS prefix, the full code to emit for it. */
export type PcsForms = Readonly<Record<string, string>>;

/** The key a PCS code is learned under: its 4-character prefix. */
export function pcsPrefix(code: string): string {
  return code.slice(0, PCS_PREFIX_LENGTH);
}

/**
 * The full code to emit for each prefix of the training documents' gold PCS codes: its most frequent
 * 7-character code (ties: the first in code order, so training is reproducible); but where coders mostly
 * stopped at the prefix, the prefix with "Z" (none / no qualifier) in the last three axes when `exists` says
 * the release has it, rather than a device or contrast the note may not state. Prefixes seen only as
 * prefixes have no entry (pcsFormOf decides).
 *
 * @example trainPcsForms([['BW20', 'BW03ZZZ'], ['BW201ZZ']], () => false) // { BW03: 'BW03ZZZ', BW20: 'BW201ZZ' }
 */
export function trainPcsForms(
  documents: readonly (readonly string[])[],
  exists: (code: string) => boolean,
): Record<string, string> {
  const counts = new Map<string, number>();
  for (const codes of documents) {
    for (const code of new Set(codes)) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const forms: Record<string, string> = {};
  const best = new Map<string, number>();
  for (const [code, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const prefix = pcsPrefix(code);
    if (code.length > PCS_PREFIX_LENGTH && n > (best.get(prefix) ?? 0)) {
      best.set(prefix, n);
      forms[prefix] = code;
    }
  }
  for (const [prefix, n] of best) {
    const none = `${prefix}ZZZ`;
    if ((counts.get(prefix) ?? 0) > n && exists(none)) forms[prefix] = none;
  }
  return forms;
}

/**
 * The code emitted for a learned PCS prefix: its most frequent full code; else, when the release has it, the
 * prefix with "Z" (none / no qualifier) in the last three axes, the code of a note that states none of them
 * (an imaging study without contrast); else the prefix itself. Full codes pass through.
 */
export function pcsFormOf(forms: PcsForms, prefix: string, exists: (code: string) => boolean): string {
  if (prefix.length !== PCS_PREFIX_LENGTH) return prefix;
  if (Object.hasOwn(forms, prefix)) return forms[prefix]!;
  const none = `${prefix}ZZZ`;
  return exists(none) ? none : prefix;
}
