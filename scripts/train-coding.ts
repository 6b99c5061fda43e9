/**
 * Trains the coding engine's model from CodiEsp TRAIN only (dev is for reporting; test is held out) and
 * writes src/coding/learned/model/codiesp-en.json. Reproducible: same inputs, same file. The acceptance
 * thresholds and the reported training scores come from nested cross-validation (nested-validation.ts, about
 * 4.5 minutes of the 5.5); --quick takes them from the plain out-of-fold scores instead (for a quick look
 * only: those are optimistic).
 *
 *   npx tsx scripts/train-coding.ts [--train <codiesp_train.jsonl>] [--out <model.json>] [--assertion lexical|context] [--reranker trees|blend|logistic] [--quick]
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ASSERTION_DETECTORS } from '../src/coding/assertion/assertion-flags.ts';
import { parseCodiEspJsonl } from '../src/coding/eval/codiesp-reader.ts';
import { defaultCodeSetFiles, loadDevCodeSets } from '../src/coding/eval/load-code-sets.ts';
import { nestedValidation } from '../src/coding/learned/nested-validation.ts';
import { trainCodingModel } from '../src/coding/learned/train-model.ts';
import { RERANKER_KINDS } from '../src/coding/learned/reranker-confidence.ts';
import { buildCodeDictionary } from '../src/coding/matcher/code-dictionary.ts';
import { repoRoot, sharedDir } from '../test/support/shared-data.ts';

const { values } = parseArgs({
  options: {
    train: { type: 'string', default: path.join(sharedDir(), 'eval/codiesp/train/codiesp_train.jsonl') },
    out: { type: 'string', default: path.join(repoRoot, 'src/coding/learned/model/codiesp-en.json') },
    assertion: { type: 'string', default: 'lexical' },
    reranker: { type: 'string', default: 'trees' },
    quick: { type: 'boolean', default: false },
  },
});
const started = Date.now();
const docs = parseCodiEspJsonl(readFileSync(values.train, 'utf8'), values.train);
const codeSets = await loadDevCodeSets(defaultCodeSetFiles(path.join(sharedDir(), 'data')));
const assertion = ASSERTION_DETECTORS.find((a) => a === values.assertion);
if (!assertion) throw new Error(`--assertion must be one of ${ASSERTION_DETECTORS.join(', ')}`);
const reranker = RERANKER_KINDS.find((k) => k === values.reranker);
if (!reranker) throw new Error(`--reranker must be one of ${RERANKER_KINDS.join(', ')}`);
const dictionary = buildCodeDictionary(codeSets.cm);
const heldOut = values.quick
  ? undefined
  : nestedValidation(docs, codeSets, dictionary, assertion, reranker, (k) =>
      process.stderr.write(`nested validation: outer fold ${k + 1} of 10\n`),
    );
const model = trainCodingModel(docs, codeSets, dictionary, assertion, reranker, heldOut);
mkdirSync(path.dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify(model)}\n`);
const w = (s: 'icd10cm' | 'icd10pcs'): string =>
  model.rerankers[s].weights.map((x) => x.toFixed(2)).join(' ');
process.stdout.write(
  `trained on ${docs.length} documents in ${Date.now() - started} ms -> ${values.out}\n` +
    `thresholds: icd10cm ${model.thresholds.icd10cm.toFixed(3)}, icd10pcs ${model.thresholds.icd10pcs.toFixed(3)}\n` +
    `${heldOut ? 'nested' : 'out-of-fold'} training F1: icd10cm ${model.trainingF1?.icd10cm}, icd10pcs ${model.trainingF1?.icd10pcs}; ` +
    `MAP: icd10cm ${model.trainingMap?.icd10cm}, icd10pcs ${model.trainingMap?.icd10pcs}\n` +
    `icd10cm weights: ${w('icd10cm')}\nicd10pcs weights: ${w('icd10pcs')}\n`,
);
