/**
 * Which candidates the assertion of their mentions keeps out: negated (Guidelines I.B: code only what is
 * documented as present), uncertain in an outpatient or emergency setting (IV.H: code the symptoms
 * instead; for inpatients II.H / III.C code it as if established), family history only, historical
 * (resolved), hypothetical. A code is kept when at least one of its mentions is affirmed in context.
 */
import type { NotCodedReason, Setting } from '../coding-result.ts';
import type { CandidateMention } from '../learned/candidate-features.ts';
import { setAsideItem, workingCode } from './working-code.ts';
import type { RuleOutcome, WorkingCode } from './working-code.ts';

/** Why a mention does not support coding, or undefined when it does. */
export function mentionBlock(m: CandidateMention, setting: Setting): NotCodedReason | undefined {
  const f = m.flags;
  if (f.negated) return 'negated';
  if (f.family) return 'family-history-only';
  if (f.hypothetical) return 'hypothetical';
  if (f.uncertain && setting !== 'inpatient') return 'uncertain-outpatient';
  if (f.historical) return 'historical';
  return undefined;
}

/** History and family-history Z codes are themselves the coded form of such mentions. */
function isHistoryCode(code: string): boolean {
  return /^Z8[0-7]/.test(code) || code.startsWith('Z92');
}

export function applyAssertions(items: readonly WorkingCode[], setting: Setting): RuleOutcome {
  const out: RuleOutcome = { kept: [], setAside: [] };
  for (const item of items) {
    if (isHistoryCode(item.code) || item.mentions.length === 0) {
      out.kept.push(item);
      continue;
    }
    // The first mention's block, and whether any mention is unblocked (a loop, no list of blocks: mention lists
    // come in more than one array kind, and this runs for every code of every note).
    let reason: NotCodedReason | undefined;
    let unblocked = false;
    for (let k = 0; k < item.mentions.length && !unblocked; k++) {
      const block = mentionBlock(item.mentions[k]!, setting);
      if (k === 0) reason = block;
      unblocked = block === undefined;
    }
    if (unblocked) {
      const uncertain = setting === 'inpatient' && item.mentions.some((m) => m.flags.uncertain);
      out.kept.push(
        uncertain
          ? workingCode(
              item.system,
              item.code,
              item.confidence,
              item.mentions,
              item.source,
              'II.H uncertain diagnosis, inpatient: coded as established',
            )
          : item,
      );
      continue;
    }
    const detail = reason === 'uncertain-outpatient' ? 'IV.H uncertain diagnosis, outpatient' : undefined;
    out.setAside.push(setAsideItem(item, reason!, detail));
  }
  return out;
}
