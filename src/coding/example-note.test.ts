/**
 * The README's example note (docs/examples/office-note.txt, synthetic) coded on the real releases under the
 * us profile: the Official Guidelines behaviours the quick start shows, end to end with the trained model.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { hasSharedData, repoRoot, sharedDir } from '../../test/support/shared-data.ts';
import { codeNote } from './code-note.ts';
import { createCodingEngine } from './coding-engine.ts';
import { defaultCodeSetFiles, loadDevCodeSets } from './eval/load-code-sets.ts';
import { loadCodingModel } from './io/load-coding-model.ts';

describe('the README example note', { skip: !hasSharedData() && 'shared data not present' }, () => {
  it('codes the combinations, the acuity and the stage, and says why the rest is not coded', async () => {
    const sets = await loadDevCodeSets(defaultCodeSetFiles(path.join(sharedDir(), 'data')));
    const engine = createCodingEngine({ cm: sets.cm, model: loadCodingModel(), profile: 'us' });
    const text = readFileSync(path.join(repoRoot, 'docs/examples/office-note.txt'), 'utf8');
    const r = codeNote(engine, text, { setting: 'outpatient' });
    const coded = r.diagnoses.map((d) => d.code);
    // Diabetes with CKD (I.A.15), hypertension with heart disease and CKD (I.C.9.a.3), the heart failure's
    // type and acuity, the CKD stage, insulin (Z79.4).
    for (const code of ['E1122', 'I130', 'I5023', 'N1832', 'Z794']) assert.ok(coded.includes(code), code);
    // Each code once: the learned phrase "chronic kidney disease" proposes E11.22 too.
    assert.deepEqual(coded, [...new Set(coded)]);
    const reasons = new Map(r.notCoded.map((n) => [n.code, n.reason]));
    assert.equal(reasons.get('J189'), 'uncertain-outpatient');
    assert.equal(reasons.get('R079'), 'negated');
    assert.equal(reasons.get('C189'), 'family-history-only');
    assert.equal(reasons.get('I10'), 'combined');
    assert.ok(!coded.includes('I129') && !coded.includes('I10'));
  });
});
