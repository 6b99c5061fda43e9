/**
 * What the spelling bridge (src/coding/text/spanish-spelling.ts) does on CodiEsp TRAIN English: how many word
 * types and tokens no dictionary phrase has (6 letters or more), how many it maps, and every mapping with its
 * count, to read by eye. Train only: dev is for reporting.
 *
 *   MEDCODE_SHARED=/work/shared npx tsx scripts/spelling-bridge-report.ts [--train <codiesp_train.jsonl>]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseCodiEspJsonl } from '../src/coding/eval/codiesp-reader.ts';
import { defaultCodeSetFiles, loadDevCodeSets } from '../src/coding/eval/load-code-sets.ts';
import { buildCodeDictionary } from '../src/coding/matcher/code-dictionary.ts';
import { tokenIds, tokenizeNote } from '../src/coding/text/note-tokens.ts';
import { MIN_LENGTH } from '../src/coding/text/spanish-spelling.ts';
import { termIds } from '../src/coding/text/term-ids.ts';
import { STOPWORD_IDS, isTermWord, wordOf } from '../src/coding/text/token-vocabulary.ts';
import { sharedDir } from '../test/support/shared-data.ts';

const { values } = parseArgs({
  options: {
    train: { type: 'string', default: path.join(sharedDir(), 'eval/codiesp/train/codiesp_train.jsonl') },
  },
});
const docs = parseCodiEspJsonl(readFileSync(values.train, 'utf8'), values.train);
const codeSets = await loadDevCodeSets(defaultCodeSetFiles(path.join(sharedDir(), 'data')));
buildCodeDictionary(codeSets.cm);
const unknown = new Map<string, number>();
const mapped = new Map<string, { readonly to: string; count: number }>();
for (const doc of docs) {
  const tokens = tokenizeNote(doc.text);
  const ids = tokenIds(tokens);
  const terms = termIds(tokens);
  tokens.norm.forEach((word, i) => {
    const id = ids[i]!;
    if (word.length < MIN_LENGTH || (id >= 0 && id < STOPWORD_IDS) || isTermWord(id) || /^\d+$/.test(word))
      return;
    unknown.set(word, (unknown.get(word) ?? 0) + 1);
    if (terms[i] === id) return;
    const m = mapped.get(word) ?? { to: wordOf(terms[i]!), count: 0 };
    m.count++;
    mapped.set(word, m);
  });
}
const sum = (counts: Iterable<number>): number => [...counts].reduce((a, b) => a + b, 0);
const lines = [...mapped].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
process.stdout.write(
  `${docs.length} reports; words of ${MIN_LENGTH}+ letters no dictionary phrase has: ${unknown.size} types, ` +
    `${sum(unknown.values())} tokens; bridged: ${mapped.size} types, ${sum([...mapped.values()].map((m) => m.count))} tokens\n` +
    lines.map(([w, m]) => `${m.count}\t${w} -> ${m.to}`).join('\n') +
    '\n',
);
