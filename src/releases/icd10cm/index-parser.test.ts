import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { icd10cmFixture, stringSource, termByPath } from '../../../test/support/icd10cm.ts';
import { isMedcodeError } from '../../core/medcode-error.ts';
import type { LayerData } from '../../terminology/model.ts';
import { parseIcd10cmIndex, parseIcd10cmIndexFile, splitNemod } from './index-parser.ts';

describe('ICD-10-CM alphabetic index parser', async () => {
  const index = await parseIcd10cmIndexFile(icd10cmFixture('index-mini.xml'), 'index-mini.xml');

  it('is the index layer, with main terms at level 0 and no headings', () => {
    const layer: LayerData = index;
    assert.equal(layer.layer, 'index');
    assert.equal(index.headings, undefined);
    assert.deepEqual(
      index.terms.filter((t) => t.level === 0).map((t) => t.title),
      ['Abandonment', 'Abasia', 'Amyloid heart', 'Diabetes, diabetic', 'Pneumonia', 'Pressure ulcer'],
    );
  });

  it('numbers terms in document order and links subterms three levels deep to their parents', () => {
    assert.deepEqual(
      index.terms.map((t) => t.id),
      index.terms.map((_, i) => i + 1),
    );
    const ckd = termByPath(index.terms, 'Diabetes, diabetic', 'type 2', 'with', 'chronic kidney disease');
    assert.equal(ckd?.level, 3);
    assert.equal(ckd?.code, 'E1122');
    assert.equal(termByPath(index.terms, 'Pneumonia', 'aspiration')?.code, 'J690');
    assert.equal(termByPath(index.terms, 'Diabetes, diabetic', 'type 2', 'with')?.code, undefined);
  });

  it('takes nonessential modifiers out of the title, one per parenthesis', () => {
    const abasia = termByPath(index.terms, 'Abasia');
    assert.deepEqual(abasia?.nemod, ['-astasia', 'hysterical']);
    assert.equal(termByPath(index.terms, 'Abandonment')?.nemod, undefined);
    assert.deepEqual(termByPath(index.terms, 'Pressure ulcer')?.nemod, ['on']);
  });

  it('reads see, see also, manifestation, see category and subcategory', () => {
    assert.equal(termByPath(index.terms, 'Abandonment')?.see, 'Maltreatment');
    assert.equal(termByPath(index.terms, 'Diabetes, diabetic')?.seeAlso, 'Hyperglycemia');
    const amyloid = termByPath(index.terms, 'Amyloid heart');
    assert.deepEqual([amyloid?.code, amyloid?.manif], ['E854', 'I43']);
    assert.equal(termByPath(index.terms, 'Pneumonia', 'in', 'infectious disease NEC')?.seeCategory, 'M01');
    assert.equal(termByPath(index.terms, 'Pressure ulcer', 'acoustic nerve')?.subcategory, 'H933');
  });

  it('keeps the trailing "-" of a code that needs more characters', () => {
    assert.equal(termByPath(index.terms, 'Pressure ulcer')?.code, 'L899-');
  });
});

describe('ICD-10-CM external cause index parser', async () => {
  const eindex = await parseIcd10cmIndexFile(icd10cmFixture('eindex-mini.xml'), 'eindex-mini.xml');

  it('is recognised by its title and keeps the words after the modifiers', () => {
    assert.equal(eindex.layer, 'eindex');
    assert.ok(eindex.terms.every((t) => t.kind === 'eindex'));
    const abandonment = termByPath(eindex.terms, 'Abandonment NEC');
    assert.equal(abandonment?.code, 'X58');
    assert.deepEqual(abandonment?.nemod, [
      'causing exposure to weather conditions',
      'with intent to injure or kill',
    ]);
    assert.equal(
      termByPath(eindex.terms, 'Accident', 'aircraft', 'due to, caused by cataclysm')?.see,
      'Forces of nature, by type',
    );
  });
});

describe('ICD-10-CM drug and neoplasm table parser', async () => {
  const drug = await parseIcd10cmIndexFile(icd10cmFixture('drug-mini.xml'), 'drug-mini.xml');
  const neoplasm = await parseIcd10cmIndexFile(icd10cmFixture('neoplasm-mini.xml'), 'neoplasm-mini.xml');

  it('returns the column headings in column order', () => {
    assert.equal(drug.layer, 'drug');
    assert.equal(drug.headings?.length, 7);
    assert.deepEqual(
      [drug.headings?.[0], drug.headings?.[1], drug.headings?.[6]],
      ['Substance', 'Poisoning Accidental (unintentional)', 'Underdosing'],
    );
    assert.equal(neoplasm.layer, 'neoplasm');
    assert.equal(neoplasm.headings?.[2], 'Malignant Secondary');
  });

  it('keys each cell by its heading, with "-" where the table has no code', () => {
    assert.deepEqual(termByPath(drug.terms, '1-propanol')?.cells, {
      'Poisoning Accidental (unintentional)': 'T513X1',
      'Poisoning Intentional self-harm': 'T513X2',
      'Poisoning Assault': 'T513X3',
      'Poisoning Undetermined': 'T513X4',
      'Adverse effect': '-',
      Underdosing: '-',
    });
    const acetic = termByPath(drug.terms, 'Acid', 'acetic');
    assert.equal(acetic?.cells?.['Adverse effect'], '-');
    assert.equal(acetic?.cells?.['Poisoning Assault'], 'T542X3');
    assert.deepEqual(termByPath(drug.terms, 'Acetaminophen')?.nemod, ['paracetamol']);
    assert.equal(termByPath(drug.terms, 'Adrenaline')?.see, 'Epinephrine');
  });

  it('reads neoplasm rows at every level, keeping "C79.8-" as "C798-"', () => {
    const tissue = termByPath(
      neoplasm.terms,
      'Neoplasm, neoplastic',
      'abdomen, abdominal',
      'wall',
      'connective tissue',
    );
    assert.equal(tissue?.level, 3);
    assert.deepEqual(tissue?.cells, {
      'Malignant Primary': 'C494',
      'Malignant Secondary': 'C798-',
      'Ca in situ': '-',
      Benign: 'D214',
      'Uncertain Behavior': 'D481-',
      'Unspecified Behavior': 'D492',
    });
    assert.equal(termByPath(neoplasm.terms, 'Neoplasm, neoplastic', 'acoustic nerve')?.cells, undefined);
  });
});

describe('ICD-10-CM index parser checks', () => {
  it('refuses a file of another index than the one expected', async () => {
    await assert.rejects(
      parseIcd10cmIndexFile(icd10cmFixture('drug-mini.xml'), 'drug-mini.xml', 'neoplasm'),
      (e) => {
        assert.ok(isMedcodeError(e));
        assert.equal(e.code, 'RELEASE_FILE_MISMATCH');
        assert.match(e.message, /drug-mini\.xml is the ICD-10-CM drug XML/);
        return true;
      },
    );
  });

  it('reports a cut-short index as truncated with its line', async () => {
    const xml = '<ICD10CM.index>\n<letter>\n<title>A</title>\n<mainTerm>\n<title>Ab';
    await assert.rejects(parseIcd10cmIndex(stringSource(xml), 'cut.xml'), (e) => {
      assert.ok(isMedcodeError(e));
      assert.equal(e.code, 'RELEASE_FILE_TRUNCATED');
      assert.equal(e.location?.line, 5);
      return true;
    });
  });

  it('splits modifiers with nested parentheses and keeps loose words for the title', () => {
    assert.deepEqual(splitNemod('(joint(s)) (acute)'), { modifiers: ['joint(s)', 'acute'], loose: '' });
    assert.deepEqual(splitNemod('(on) chronic (congestive)'), {
      modifiers: ['on', 'congestive'],
      loose: 'chronic',
    });
  });
});
