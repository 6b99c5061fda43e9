/**
 * Reads the CodiEsp JSONL (one case report per line: id, text_en, icd10cm, icd10pcs). Pure: takes the file
 * text, so the CLI and the training script share it. Codes come back normalized (upper case, no dot).
 */
import { MedcodeError } from '../../core/medcode-error.ts';
import { normalizeCode } from '../../terminology/code-system.ts';

/** One gold document: the English text and its gold codes, in gold file order (not meaningful). */
export interface GoldDocument {
  readonly id: string;
  readonly text: string;
  readonly icd10cm: readonly string[];
  readonly icd10pcs: readonly string[];
  /**
   * Where each gold code's evidence sits, as a fraction (0..1) of the Spanish original's length; the English
   * is a sentence-by-sentence translation, so the same fraction of the English text lands near it.
   */
  readonly evidence: readonly GoldEvidence[];
}

/** One gold code's evidence: where it sits (fraction of the Spanish text) and its Spanish words. */
export interface GoldEvidence {
  readonly code: string;
  readonly at: number;
  readonly text: string;
}

function evidenceOf(obj: Record<string, unknown>): GoldEvidence[] {
  const es = obj['text_es'];
  const list = obj['evidence'];
  if (typeof es !== 'string' || es.length === 0 || !Array.isArray(list)) return [];
  const out: GoldEvidence[] = [];
  for (const e of list as Record<string, unknown>[]) {
    const start = Number(String(e['offsets_es'] ?? '').split(/[ ;]/)[0]);
    if (typeof e['code'] === 'string' && Number.isFinite(start)) {
      const text = typeof e['text_es'] === 'string' ? e['text_es'] : '';
      out.push({ code: normalizeCode(e['code']), at: Math.min(1, start / es.length), text });
    }
  }
  return out;
}

function stringList(value: unknown, field: string, file: string, line: number): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new MedcodeError('INVALID_INPUT', `field "${field}" is not a list of codes`, {
      location: { file, line, field },
      hint: 'Each line must be a CodiEsp JSON object with "icd10cm" and "icd10pcs" lists of strings.',
    });
  }
  return [...new Set((value as string[]).map(normalizeCode))];
}

/** Parses CodiEsp JSONL text; `file` is used in error locations only. */
export function parseCodiEspJsonl(content: string, file = '<gold>'): GoldDocument[] {
  const docs: GoldDocument[] = [];
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '') continue;
    let obj: Record<string, unknown>;
    try {
      obj = JSON.parse(raw) as Record<string, unknown>;
    } catch (cause) {
      throw new MedcodeError('INVALID_INPUT', 'line is not valid JSON', {
        location: { file, line: i + 1 },
        hint: 'The gold file must be JSON Lines: one JSON object per line.',
        cause,
      });
    }
    const id = obj['id'];
    const text = obj['text_en'] ?? obj['text'];
    if (typeof id !== 'string' || typeof text !== 'string') {
      throw new MedcodeError('INVALID_INPUT', 'line lacks a string "id" or "text_en"', {
        location: { file, line: i + 1 },
        hint: 'Use the codiesp_<split>.jsonl files from the shared eval folder.',
      });
    }
    docs.push({
      id,
      text,
      icd10cm: stringList(obj['icd10cm'], 'icd10cm', file, i + 1),
      icd10pcs: stringList(obj['icd10pcs'], 'icd10pcs', file, i + 1),
      evidence: evidenceOf(obj),
    });
  }
  return docs;
}
