/** The dictionary built from the real ICD-10-CM releases: index cross-references, short subterms, site adjectives. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { hasSharedData, sharedDir } from '../../../test/support/shared-data.ts';
import { defaultCodeSetFiles, loadDevCodeSets } from '../eval/load-code-sets.ts';
import { phraseTokens } from '../text/note-tokens.ts';
import { buildCodeDictionary } from './code-dictionary.ts';
import type { CodeDictionary } from './code-dictionary.ts';

describe(
  'the dictionary of the real releases',
  { skip: !hasSharedData() && 'shared data not present' },
  () => {
    let dictionary: CodeDictionary;
    before(async () => {
      const sets = await loadDevCodeSets(defaultCodeSetFiles(path.join(sharedDir(), 'data')));
      dictionary = buildCodeDictionary(sets.cm);
    });
    const codesOf = (phrase: string): string[] => [
      ...new Set(
        (dictionary.trie.lookup(phraseTokens(phrase)) ?? []).map((id) => dictionary.entries[id]!.code),
      ),
    ];
    const cases: [string, string, boolean][] = [
      // Index: "Lithiasis - see Calculus"; "Calculus, kidney N20.0"; "renal" for "kidney".
      ['renal lithiasis', 'N200', true],
      ['renal calculus', 'N200', true],
      // Index: "Hepatitis, C (viral) B19.20" (a one-letter subterm).
      ['hepatitis c', 'B1920', true],
      // Index: "Exotropia - see Strabismus, divergent concomitant" (H50.10).
      ['exotropia', 'H5010', true],
      // Inclusion term "Hepatitis A (acute)(viral) NOS" must not make "hepatitis" alone hepatitis A.
      ['hepatitis', 'B159', false],
      ['hepatitis', 'K759', true],
    ];
    for (const [phrase, code, expected] of cases) {
      it(`"${phrase}" ${expected ? 'leads' : 'does not lead'} to ${code}`, () => {
        assert.equal(codesOf(phrase).includes(code), expected, codesOf(phrase).join(' '));
      });
    }
  },
);
