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
    const blocks = item.mentions.map((m) => mentionBlock(m, setting));
    if (blocks.some((b) => b === undefined)) {
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
    const reason = blocks[0]!;
    const detail = reason === 'uncertain-outpatient' ? 'IV.H uncertain diagnosis, outpatient' : undefined;
    out.setAside.push(setAsideItem(item, reason, detail));
  }
  return out;
}
