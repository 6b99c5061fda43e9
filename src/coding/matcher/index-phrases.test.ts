import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IndexTerm } from '../../terminology/model.ts';
import { phraseTokens } from '../text/note-tokens.ts';
import { orAlternatives } from './code-dictionary.ts';
import { addIndexPhrases, commaParts, subtermForms, titlePhrase } from './index-phrases.ts';

type Spec = Omit<IndexTerm, 'id' | 'kind'>;

/** A synthetic index: terms in document order, ids by position. */
function phrasesOf(specs: readonly Spec[]): Map<string, string[]> {
  const terms: IndexTerm[] = specs.map((s, id) => ({ ...s, id, kind: 'index' }));
  const out = new Map<string, string[]>();
  addIndexPhrases((tokens, entry) => {
    if (tokens.length === 0) return;
    const key = tokens.join(' ');
    out.set(key, [...(out.get(key) ?? []), entry.code]);
  }, terms);
  return out;
}

const INDEX: Spec[] = [
  { level: 0, title: 'Calculus, calculi, calculous' },
  { level: 1, parent: 0, title: 'kidney', code: 'N20.0' },
  { level: 2, parent: 1, title: 'with calculus of ureter', code: 'N20.2' },
  { level: 0, title: 'Lithiasis', see: 'Calculus' },
  { level: 0, title: 'Hepatitis', code: 'K75.9' },
  { level: 1, parent: 4, title: 'C', nemod: ['viral'], code: 'B19.20' },
  { level: 0, title: 'Strabismus', code: 'H50.9' },
  { level: 1, parent: 6, title: 'divergent concomitant', code: 'H50.10' },
  { level: 0, title: 'Exotropia', see: 'Strabismus, divergent concomitant' },
  { level: 0, title: 'Kidney', see: 'condition' },
  { level: 0, title: 'Spitting blood', see: 'Hemoptysis' },
  { level: 0, title: 'Hemoptysis', code: 'R04.2' },
  { level: 0, title: 'Deficiency', code: 'E63.9' },
  { level: 1, parent: 12, title: 'vitamin K', code: 'E56.1' },
  { level: 0, title: 'Deficit', seeAlso: 'Deficiency' },
  { level: 1, parent: 14, title: 'attention', code: 'R41.840' },
  { level: 0, title: 'Hemorrhage, hemorrhagic', nemod: ['concealed'], code: 'R58' },
  { level: 1, parent: 16, title: 'intracranial', code: 'I62.9' },
  { level: 2, parent: 17, title: 'subarachnoid', code: 'I60.9' },
  { level: 1, parent: 16, title: 'subarachnoid', see: 'Hemorrhage, intracranial, subarachnoid' },
  { level: 0, title: 'Infection', code: 'B99.9' },
  { level: 1, parent: 20, title: 'urinary', nemod: ['tract'], code: 'N39.0' },
  { level: 0, title: 'Diabetes, diabetic', code: 'E11.9' },
  { level: 1, parent: 22, title: 'type 1', code: 'E10.9' },
  { level: 0, title: 'Mellitus, diabetes', see: 'Diabetes' },
  { level: 0, title: 'Paralysis, paralytic', code: 'G83.9' },
  { level: 0, title: 'Paresis', seeAlso: 'Paralysis' },
  { level: 1, parent: 26, title: 'bladder', code: 'N31.9' },
  { level: 0, title: 'Dependence', nemod: ['on'], code: 'F19.20' },
  { level: 1, parent: 28, title: 'drug NEC', code: 'F19.20' },
  { level: 2, parent: 29, title: 'nicotine', code: 'F17.20-' },
  { level: 0, title: 'Smoker', see: 'Dependence, drug, nicotine' },
  { level: 0, title: 'Edema, edematous', code: 'R60.9' },
  { level: 1, parent: 32, title: 'lung', code: 'J81.1' },
  { level: 1, parent: 32, title: 'localized', code: 'R60.0' },
  { level: 0, title: 'Mass', code: 'R68.89' },
  { level: 1, parent: 35, title: 'localized', nemod: ['skin'], code: 'R22.9' },
  { level: 0, title: 'Pain', code: 'R52' },
  { level: 1, parent: 37, title: 'neck NEC', code: 'M54.2' },
  { level: 0, title: 'Atrophy, atrophic', code: 'R68.89' },
  { level: 1, parent: 39, title: 'kidney', nemod: ['terminal'], code: 'N26.1' },
  { level: 2, parent: 5, title: 'chronic', code: 'B18.2' },
  { level: 1, parent: 12, title: 'vitamin', code: 'E56.9' },
  { level: 2, parent: 42, title: 'D', code: 'E55.9' },
];

describe('index phrases: subterms, short subterms and cross-references', () => {
  const phrases = phrasesOf(INDEX);
  const cases: [string, string[] | undefined][] = [
    ['kidney calculus', ['N20.0']],
    ['calculus kidney', ['N20.0']],
    ['calculus kidney calculus of ureter', ['N20.2']],
    // "Lithiasis - see Calculus": the subterms of Calculus under the other name.
    ['kidney lithiasis', ['N20.0']],
    ['lithiasis kidney', ['N20.0']],
    ['lithiasis kidney calculus of ureter', ['N20.2']],
    // A one-letter subterm counts joined to its main term.
    ['hepatitis c', ['B19.20']],
    ['c hepatitis', ['B19.20']],
    ['c', undefined],
    // "see" naming a subterm leads to the subterm's code.
    ['exotropia', ['H50.10']],
    // "see" a main term with a code: the code; the target may come later in the index.
    ['spitting blood', ['R04.2']],
    // "see condition" leads nowhere; a "see" term without a target leads nowhere alone.
    ['kidney', undefined],
    ['lithiasis', undefined],
    // "Deficit - see also Deficiency": its own subterms, and Deficiency's under its name; not its code, as
    // "deficit" is an ordinary word (NOT_LENT).
    ['attention deficit', ['R41.840']],
    ['vitamin k deficit', ['E56.1']],
    ['deficit', undefined],
    // A subterm's "see" another subterm: its phrases lead to the target's code.
    ['subarachnoid hemorrhage', ['I60.9']],
    ['hemorrhage subarachnoid', ['I60.9']],
    // A main term's nonessential modifier before and after its head word.
    ['concealed hemorrhage', ['R58']],
    ['hemorrhage concealed', ['R58']],
    // A subterm's nonessential modifier after it.
    ['urinary tract infection', ['N39.0']],
    ['urinary infection', ['N39.0']],
    // An inverted "see" term ("Mellitus, diabetes") is read inverted, never by its first word alone.
    ['diabetes mellitus', ['E11.9']],
    ['type 1 diabetes mellitus', ['E10.9']],
    ['mellitus', undefined],
    // "see also" from a main term without a code: the target's code for the bare term, its own subterms kept.
    ['paresis', ['G83.9']],
    ['bladder paresis', ['N31.9']],
    // A "see" target named without "NEC" ("drug NEC"), to a category needing more characters.
    ['smoker', ['F17.20']],
    // "Edema > localized": a site word says localized, except the sites with a subterm of their own.
    ['genital edema', ['R60.0']],
    ['edema genital', ['R60.0']],
    ['inguinal edema', ['R60.0']],
    ['pulmonary edema', undefined],
    ['lung edema', ['J81.1']],
    // Only the heads a site makes localized: "Mass > localized (skin)" is not any mass with a site.
    ['abdominal mass', undefined],
    // "NEC" (not elsewhere classified) is no word of the phrase.
    ['neck pain', ['M54.2']],
    ['pain neck', ['M54.2']],
    // A subterm joins the main term's other forms of its head word too.
    ['kidney atrophy', ['N26.1']],
    ['atrophic kidney', ['N26.1']],
    // A type letter stays with the word it types, whichever level it is at.
    ['chronic hepatitis c', ['B18.2']],
    ['hepatitis c chronic', ['B18.2']],
    ['vitamin d deficiency', ['E55.9']],
    ['deficiency vitamin d', ['E55.9']],
    ['chronic c hepatitis', ['B18.2']],
  ];
  for (const [phrase, codes] of cases) {
    it(`"${phrase}" → ${codes?.join(', ') ?? 'nothing'}`, () => {
      const found = phrases.get(phraseTokens(phrase).join(' '));
      assert.deepEqual(found && [...new Set(found)], codes);
    });
  }
});

describe('titlePhrase', () => {
  const cases: [string, string[]][] = [
    ['Calculus of kidneys', ['calculus', 'of', 'kidney']],
    ['Hypertension, unspecified', ['hypertension']],
    ['Diabetes mellitus (type 2) NOS', ['diabete', 'mellitus']],
    // "Hepatitis A": the type letter cannot be told from the article: no phrase rather than "hepatitis".
    ['Hepatitis A (acute)(viral) NOS', []],
    ['Type A', []],
    ['Of the', []],
  ];
  for (const [title, tokens] of cases) {
    it(`"${title}"`, () => assert.deepEqual(titlePhrase(title), tokens));
  }
  it('a short subterm is kept when asked (joined to its main term later)', () => {
    assert.deepEqual(titlePhrase('C (viral)', true), ['c']);
    assert.deepEqual(titlePhrase('C (viral)'), []);
  });
});

describe('subtermForms', () => {
  const cases: [string, string[]][] = [
    ['genital, genitalis', ['genital', 'genitalis']],
    ['with coma, hepatic', ['coma hepatic']],
    ['C (viral)', ['c']],
  ];
  for (const [title, forms] of cases) {
    it(`"${title}"`, () =>
      assert.deepEqual(
        subtermForms(title).map((f) => f.join(' ')),
        forms,
      ));
  }
});

describe('orAlternatives', () => {
  const cases: [string, string[]][] = [
    ['situs inversus or transversus', ['situs inversus', 'situs transversus']],
    ['optic nerve chiasm or tract', ['optic nerve chiasm', 'optic nerve tract']],
    ['or tract', []],
    ['pneumonia', []],
  ];
  for (const [phrase, alternatives] of cases) {
    it(`"${phrase}"`, () =>
      assert.deepEqual(
        orAlternatives(phrase.split(' ')).map((a) => a.join(' ')),
        alternatives,
      ));
  }
});

describe('commaParts', () => {
  const cases: [string, string[], string | undefined][] = [
    ['Hypertension, hypertensive', ['Hypertension', 'hypertensive'], undefined],
    ['Mellitus, diabetes', ['Mellitus'], 'diabetes'],
    ['lingula, lung', ['lingula'], 'lung'],
    ['abdomen, abdominal', ['abdomen', 'abdominal'], undefined],
    ['Calculus', ['Calculus'], undefined],
  ];
  for (const [title, forms, rest] of cases) {
    it(`"${title}"`, () => {
      const parts = commaParts(title);
      assert.deepEqual(parts.forms, forms);
      assert.equal(parts.rest, rest);
    });
  }
});
