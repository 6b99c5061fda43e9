/** Plain-text rendering of an evaluation report (the CLI prints it). */
import { ALIGNMENT_RULE } from './gold-alignment.ts';
import type { EvaluationReport } from './evaluate.ts';
import type { Prf, SystemScores } from './metrics.ts';

const f = (x: number): string => x.toFixed(3);

function prfLine(label: string, p: Prf): string {
  return `  ${label.padEnd(22)} P ${f(p.precision)}  R ${f(p.recall)}  F1 ${f(p.f1)}  (tp ${p.tp}, fp ${p.fp}, fn ${p.fn})`;
}

function errorTable(s: SystemScores, key: 'fp' | 'fn', limit: number): string[] {
  const rows = [...s.errors].sort((a, b) => b[key] - a[key] || a.code.localeCompare(b.code)).slice(0, limit);
  return rows
    .filter((r) => r[key] > 0)
    .map(
      (r) =>
        `    ${r.code.padEnd(8)} fp ${String(r.fp).padStart(3)}  fn ${String(r.fn).padStart(3)}  tp ${String(r.tp).padStart(3)}`,
    );
}

function systemBlock(title: string, s: SystemScores, limit: number): string[] {
  const b = s.billing;
  return [
    `${title} (${s.documents} documents)`,
    `  MAP                    ${f(s.map)}`,
    prfLine('exact (aligned)', s.exact),
    prfLine('exact (strict)', s.strict),
    prfLine('3-character category', s.category),
    b
      ? `  straight to billing    confidence >= ${f(b.threshold)} keeps ${(100 * b.coverage).toFixed(1)}% of emitted codes at precision ${f(b.precision)}`
      : '  straight to billing    (no codes emitted)',
    `  top false positives:`,
    ...errorTable(s, 'fp', limit),
    `  top false negatives:`,
    ...errorTable(s, 'fn', limit),
  ];
}

/** The report as printed by `medcode eval`. */
export function formatEvaluationReport(r: EvaluationReport, limit = 10): string {
  return [
    `medcode eval: ${r.documents} documents, setting ${r.setting}, profile ${r.profile}`,
    `normalization: ${ALIGNMENT_RULE}`,
    '',
    ...systemBlock('Diagnoses (ICD-10-CM)', r.diagnoses, limit),
    '',
    ...systemBlock('Procedures (ICD-10-PCS)', r.procedures, limit),
    '',
  ].join('\n');
}
