/**
 * Runs the engine over gold documents and scores it per code system (pure: documents and engine in,
 * scores out). The ranked list for MAP is the engine's full candidate ranking; P/R/F1 count only the codes
 * the engine emits.
 */
import { codeNote } from '../code-note.ts';
import type { CodingEngine } from '../coding-engine.ts';
import type { CodingResult, Setting } from '../coding-result.ts';
import type { GoldDocument } from './codiesp-reader.ts';
import { scoreSystem } from './metrics.ts';
import type { DocumentOutcome, SystemScores } from './metrics.ts';

export interface EvaluationReport {
  readonly documents: number;
  readonly setting: Setting;
  readonly profile: string;
  readonly diagnoses: SystemScores;
  readonly procedures: SystemScores;
}

function outcome(doc: GoldDocument, result: CodingResult, system: 'icd10cm' | 'icd10pcs'): DocumentOutcome {
  const emitted = new Set(
    [...result.diagnoses, ...result.procedures].filter((c) => c.system === system).map((c) => c.code),
  );
  return {
    id: doc.id,
    gold: system === 'icd10cm' ? doc.icd10cm : doc.icd10pcs,
    predicted: result.ranked
      .filter((r) => r.system === system)
      .map((r) => ({ code: r.code, confidence: r.confidence, accepted: emitted.has(r.code) })),
  };
}

/** Codes every document and scores diagnoses and procedures separately. */
export function evaluate(
  engine: CodingEngine,
  docs: readonly GoldDocument[],
  setting: Setting,
  onProgress?: (done: number) => void,
): EvaluationReport {
  const cm: DocumentOutcome[] = [];
  const pcs: DocumentOutcome[] = [];
  docs.forEach((doc, i) => {
    const result = codeNote(engine, doc.text, { setting });
    cm.push(outcome(doc, result, 'icd10cm'));
    pcs.push(outcome(doc, result, 'icd10pcs'));
    onProgress?.(i + 1);
  });
  return {
    documents: docs.length,
    setting,
    profile: engine.profile,
    diagnoses: scoreSystem(cm, 'icd10cm'),
    procedures: scoreSystem(pcs, 'icd10pcs'),
  };
}
