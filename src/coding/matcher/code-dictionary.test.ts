/**
 * The dictionary built from the real ICD-10-CM releases: index cross-references, short subterms, site
 * adjectives, the neoplasm table as a matcher, and the drugs of long-term use.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { hasSharedData, sharedDir } from '../../../test/support/shared-data.ts';
import { defaultCodeSetFiles, loadDevCodeSets } from '../eval/load-code-sets.ts';
import { phraseTokens, tokenizeNote } from '../text/note-tokens.ts';
import { matchTables } from './table-matcher.ts';
import { matchLongTermDrugs } from './long-term-drugs.ts';
import { buildCodeDictionary } from './code-dictionary.ts';
import type { CodeDictionary } from './code-dictionary.ts';

/** [phrase or sentence, code, whether it leads there]. */
type Case = readonly [string, string, boolean];

const PHRASES: readonly Case[] = [
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
  // "Retinopathy, diabetic - see Diabetes, retinopathy": the subterm under Diabetes > with.
  ['diabetic retinopathy', 'E11319', true],
  // "Nephropathy, diabetic - see E08-E13 with .21": diabetes of no stated type is E11 (I.C.4.a.2).
  ['diabetic nephropathy', 'E1121', true],
  ['diabetic neuropathy', 'E1140', true],
  // "see Complications, vaccination": the main term "Complication(s)" named by its plural.
  ['vaccination complication', 'T881', true],
  // The external cause index: "Bite, bitten by > dog" W54.0; "Accident > traffic" V87.9.
  ['dog bite', 'W540', true],
  ['traffic accident', 'V879', true],
  // Abbreviations: the expansion as a disease ("human immunodeficiency virus disease"), without "virus".
  ['hiv', 'B20', true],
  ['hcv', 'B1920', true],
  ['uti', 'N390', true],
  ['sah', 'I609', true],
  // Tabular B95-B97: the organism names its code, without "as the cause of diseases classified elsewhere".
  ['enterococcus', 'B952', true],
  ['pseudomonas', 'B965', true],
  ['helicobacter pylori', 'B9681', true],
  // Index: "Pain > neck NEC" (M54.2) without "NEC"; "Smoker - see Dependence, drug, nicotine" (F17.200).
  ['neck pain', 'M542', true],
  ['smoker', 'F17200', true],
  // Index: "Paresis - see also Paralysis" (G83.9), and not "Deficit - see also Deficiency" (E63.9).
  ['paresis', 'G839', true],
  ['deficit', 'E639', false],
  // Index: "Adenopathy > localized" (R59.0) for a named site; qualifiers as reports write them.
  ['inguinal lymphadenopathy', 'R590', true],
  ['diffuse abdominal pain', 'R1084', true],
  ['right iliac fossa pain', 'R1031', true],
];

/** Long-term (current) drug therapy, Z79: the Table of Drugs' class of the drug leads to the Z79 code. */
const LONG_TERM_SENTENCES: readonly Case[] = [
  // Acenocoumarol and Sintrom: T45.51 anticoagulants.
  ['Anticoagulated with acenocoumarol.', 'Z7901', true],
  ['Treatment with Sintrom.', 'Z7901', true],
  // A direct oral anticoagulant the table has no row for (the short list).
  ['On rivaroxaban 20 mg daily.', 'Z7901', true],
  // A comma synonym of the row "Dicoumarol, dicoumarin, dicumarol".
  ['Usual treatment with oral dicoumarin.', 'Z7901', true],
  // T38.0 glucocorticoids; "corticoids" is a class word of the list.
  ['On prednisone 30 mg daily.', 'Z7952', true],
  ['Follow-up on corticoids.', 'Z7952', true],
  // T38.3 splits: insulins Z79.4, the others oral hypoglycemics Z79.84.
  ['Treated with metformin.', 'Z7984', true],
  ['Treated with metformin.', 'Z794', false],
  ['Insulin-dependent diabetic.', 'Z794', true],
  ['Non-insulin dependent diabetes mellitus.', 'Z794', false],
  // Glucagon is in T38.3 but raises the blood sugar; amoxicillin's class has no Z79 code here.
  ['Treated with glucagon.', 'Z7984', false],
  ['Treated with amoxicillin.', 'Z792', false],
];

const TABLE_SENTENCES: readonly Case[] = [
  // A second-level row ("cord > spermatic"), and "-sarcoma" selecting Malignant Primary.
  ['Liposarcoma of the spermatic cord.', 'C631', true],
  // A site by its adjective.
  ['Renal carcinoma.', 'C64', true],
  ['Renal adenoma.', 'D300', true],
  ['Pulmonary metastases.', 'C780', true],
  // A second-level row after its site.
  ['A tumor in the lung middle lobe.', 'D491', true],
  ['Carcinoma of the scalp skin.', 'C4440', true],
  // "lingula, lung" is "lingula of lung", not a second name of the lung.
  ['Carcinoma of the lingula of the lung.', 'C341', true],
  ['Lung carcinoma.', 'C341', false],
  // No column word in the sentence: no table code.
  ['Renal function was normal.', 'C64', false],
  // "neoplasia" states no behavior, as "neoplasm"; a stated behavior wins.
  ['Bladder neoplasia.', 'D494', true],
  ['Bladder neoplasia.', 'C679', false],
  ['Malignant bladder neoplasia.', 'C679', true],
  // "colon - see also Neoplasm, intestine, large": its "-" columns from there.
  ['A tumor of the colon.', 'D490', true],
  ['Colonic adenoma.', 'D126', true],
  // The table's "lymph gland" is the notes' "lymph node".
  ['Lymph node metastases.', 'C779', true],
  // A third-level row after its site and second level ("lymph > gland > axilla, axillary").
  ['Axillary lymph node metastasis.', 'C773', true],
  ['Metastases in cervical lymph nodes.', 'C770', true],
];

describe(
  'the dictionary of the real releases',
  { skip: !hasSharedData() && 'shared data not present' },
  () => {
    let dictionary: CodeDictionary;
    before(async () => {
      const sets = await loadDevCodeSets(defaultCodeSetFiles(path.join(sharedDir(), 'data')));
      dictionary = buildCodeDictionary(sets.cm);
    });
    const phraseCodes = (phrase: string): string[] =>
      (dictionary.trie.lookup(phraseTokens(phrase)) ?? []).map((id) => dictionary.entries[id]!.code);
    const tableCodes = (text: string): string[] =>
      matchTables(dictionary.tables, tokenizeNote(text)).map((h) => h.entry.code);
    const longTermCodes = (text: string): string[] =>
      matchLongTermDrugs(dictionary.longTermDrugs, tokenizeNote(text)).map((h) => h.entry.code);
    for (const [title, cases, codesOf] of [
      ['phrases', PHRASES, phraseCodes],
      ['neoplasm table', TABLE_SENTENCES, tableCodes],
      ['long-term drugs', LONG_TERM_SENTENCES, longTermCodes],
    ] as const) {
      describe(title, () => {
        for (const [text, code, expected] of cases) {
          it(`${JSON.stringify(text)} ${expected ? 'leads' : 'does not lead'} to ${code}`, () => {
            const codes = codesOf(text);
            assert.equal(codes.includes(code), expected, codes.join(' '));
          });
        }
      });
    }
  },
);
