/**
 * Nested cross-validation of the coding model's training on CodiEsp TRAIN (src/coding/learned/nested-validation.ts):
 * the estimate to choose features, candidates and reranker settings on, as dev is for reporting only.
 * About 4.5 minutes. `--seed N` (N > 0) shuffles the reports first, so the folds are another split: a change
 * worth keeping should gain on several seeds, as one split's estimate moves by about 0.002 F1 with any change.
 *
 *   npx tsx scripts/nested-cv-coding.ts [--train <codiesp_train.jsonl>] [--assertion lexical|context] [--reranker trees|blend|logistic] [--seed N]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ASSERTION_DETECTORS } from '../src/coding/assertion/assertion-flags.ts';
import { parseCodiEspJsonl } from '../src/coding/eval/codiesp-reader.ts';
import { defaultCodeSetFiles, loadDevCodeSets } from '../src/coding/eval/load-code-sets.ts';
import { nestedValidation } from '../src/coding/learned/nested-validation.ts';
import { RERANKER_KINDS } from '../src/coding/learned/reranker-confidence.ts';
import { shuffled } from '../src/coding/learned/train-model.ts';
import { buildCodeDictionary } from '../src/coding/matcher/code-dictionary.ts';
import { sharedDir } from '../test/support/shared-data.ts';

const { values } = parseArgs({
  options: {
    train: { type: 'string', default: path.join(sharedDir(), 'eval/codiesp/train/codiesp_train.jsonl') },
    assertion: { type: 'string', default: 'lexical' },
    reranker: { type: 'string', default: 'trees' },
    seed: { type: 'string', default: '0' },
  },
});

const started = Date.now();
const assertion = ASSERTION_DETECTORS.find((a) => a === values.assertion);
if (!assertion) throw new Error(`--assertion must be one of ${ASSERTION_DETECTORS.join(', ')}`);
const reranker = RERANKER_KINDS.find((k) => k === values.reranker);
if (!reranker) throw new Error(`--reranker must be one of ${RERANKER_KINDS.join(', ')}`);
const seed = Number(values.seed);
if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed must be a whole number >= 0');
const docs = shuffled(parseCodiEspJsonl(readFileSync(values.train, 'utf8'), values.train), seed);
const codeSets = await loadDevCodeSets(defaultCodeSetFiles(path.join(sharedDir(), 'data')));
const scores = nestedValidation(docs, codeSets, buildCodeDictionary(codeSets.cm), assertion, reranker, (k) =>
  process.stderr.write(`outer fold ${k + 1} of 10 done\n`),
);
for (const system of ['icd10cm', 'icd10pcs'] as const) {
  const s = scores[system];
  process.stdout.write(
    `nested ${system}: F1 ${s.f1.toFixed(4)} (best threshold ${s.threshold.toFixed(3)}), MAP ${s.map.toFixed(4)}\n`,
  );
}
process.stdout.write(
  `${docs.length} documents, seed ${seed}, ${Math.round((Date.now() - started) / 1000)} s\n`,
);
