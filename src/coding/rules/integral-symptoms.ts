/**
 * Signs and symptoms integral to a confirmed diagnosis are not coded (Guidelines I.B.5): under the `us`
 * profile an R-chapter code is set aside when a definitive (non-R) diagnosis is documented in the same
 * sentence. The CodiEsp gold codes such symptoms anyway, so the `codiesp` profile skips this rule.
 */
import type { NoteTokens } from '../text/note-tokens.ts';
import { setAsideItem } from './working-code.ts';
import type { RuleOutcome, WorkingCode } from './working-code.ts';

function sentences(tokens: NoteTokens, item: WorkingCode): Set<number> {
  return new Set(item.mentions.map((m) => tokens.sentence[m.first]!));
}

export function dropIntegralSymptoms(items: readonly WorkingCode[], tokens: NoteTokens): RuleOutcome {
  const definitive = items.filter(
    (i) => i.system === 'icd10cm' && !i.code.startsWith('R') && !i.code.startsWith('Z'),
  );
  const out: RuleOutcome = { kept: [], setAside: [] };
  // Sentence lists pushed into array literals (not spread): one array kind, whatever the note.
  const definitiveSentences: number[][] = [];
  for (const d of definitive) {
    const list: number[] = [];
    for (const s of sentences(tokens, d)) list.push(s);
    definitiveSentences.push(list);
  }
  for (const item of items) {
    if (item.system !== 'icd10cm' || !item.code.startsWith('R')) {
      out.kept.push(item);
      continue;
    }
    const mine = sentences(tokens, item);
    const owner = definitive.find((_, k) => definitiveSentences[k]!.some((s) => mine.has(s)));
    if (owner) out.setAside.push(setAsideItem(item, 'integral-symptom', `integral to ${owner.code} (I.B.5)`));
    else out.kept.push(item);
  }
  return out;
}
