/**
 * Golden tests: the engine's output on a few CodiEsp TRAIN documents (codes, rounded confidences, evidence
 * offsets; never the text) is pinned in test/fixtures/coding/golden/codiesp-train.json. A change of behaviour
 * shows up as a diff there. Regenerate after an intended change:
 *
 *   UPDATE_GOLDEN=1 MEDCODE_SHARED=/path/to/shared node --import tsx --test src/coding/golden.test.ts
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { hasSharedData, repoRoot, sharedDir } from '../../test/support/shared-data.ts';
import { codeNote } from './code-note.ts';
import { createCodingEngine } from './coding-engine.ts';
import type { CodingResult } from './coding-result.ts';
import { parseCodiEspJsonl } from './eval/codiesp-reader.ts';
import { defaultCodeSetFiles, loadDevCodeSets } from './eval/load-code-sets.ts';
import { loadCodingModel } from './io/load-coding-model.ts';

const GOLDEN = path.join(repoRoot, 'test/fixtures/coding/golden/codiesp-train.json');
const DOCUMENTS = 4;

function pin(r: CodingResult): unknown {
  const item = (c: CodingResult['diagnoses'][number]): unknown => ({
    code: c.code,
    confidence: Number(c.confidence.toFixed(2)),
    evidence: c.evidence.map((e) => [e.start, e.end]),
  });
  return {
    diagnoses: r.diagnoses.map(item),
    procedures: r.procedures.map(item),
    notCoded: r.notCoded.map((n) => [n.code, n.reason]),
  };
}

describe('golden: CodiEsp train documents', { skip: !hasSharedData() && 'shared data not present' }, () => {
  it('the engine output on the first train documents matches the golden file', async () => {
    const file = path.join(sharedDir(), 'eval/codiesp/train/codiesp_train.jsonl');
    const docs = parseCodiEspJsonl(readFileSync(file, 'utf8'), file).slice(0, DOCUMENTS);
    const sets = await loadDevCodeSets(defaultCodeSetFiles(path.join(sharedDir(), 'data')));
    const model = loadCodingModel();
    const actual: Record<string, unknown> = {};
    for (const profile of ['codiesp', 'us'] as const) {
      const engine = createCodingEngine({
        cm: sets.cm,
        ...(sets.pcs ? { pcs: sets.pcs } : {}),
        model,
        profile,
      });
      for (const d of docs)
        actual[`${profile}/${d.id}`] = pin(codeNote(engine, d.text, { setting: 'inpatient' }));
    }
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 1)}\n`);
    const expected = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, unknown>;
    assert.deepEqual(actual, expected);
  });
});
