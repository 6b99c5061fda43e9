import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { termByPath } from '../support/icd10cm.ts';
import type { IndexLayer } from '../../src/releases/icd10cm/index-parser.ts';
import { parseIcd10cmIndexFile } from '../../src/releases/icd10cm/index-parser.ts';
import { hasSharedData, sharedData } from '../support/shared-data.ts';

const skip = !hasSharedData() && 'shared data not present';

/** The codes of an order file (second column), for checking that every code the index names exists. */
async function orderCodes(year: string, name: string): Promise<Set<string>> {
  const text = await readFile(sharedData('icd10cm', year, name), 'latin1');
  return new Set(text.split('\n').map((line) => line.slice(6, 13).trim()));
}

/** Every code an index names, without its trailing "-" (a manifestation only when it is a code). */
function referencedCodes(layer: IndexLayer): Set<string> {
  const out = new Set<string>();
  for (const t of layer.terms) {
    const manif = t.manif && /^[A-Z]\d/.test(t.manif) ? t.manif : undefined;
    for (const c of [t.code, manif, t.subcategory, t.seeCategory, ...Object.values(t.cells ?? {})]) {
      if (c && c !== '-') out.add(c.replace(/-$/, ''));
    }
  }
  return out;
}

describe('FY2023 ICD-10-CM alphabetic index XML', { skip }, async () => {
  const index = await parseIcd10cmIndexFile(
    sharedData('icd10cm', '2023', 'icd10cm_index_2023.xml'),
    'index 2023',
    'index',
  );

  it('has 8,060 main terms and 72,058 subterms', () => {
    assert.equal(index.terms.filter((t) => t.level === 0).length, 8060);
    assert.equal(index.terms.filter((t) => t.level > 0).length, 72058);
    assert.ok(index.terms.every((t) => (t.level === 0) === (t.parent === undefined)));
  });

  it('leads from Pneumonia > aspiration to J69.0', () => {
    assert.equal(termByPath(index.terms, 'Pneumonia', 'aspiration')?.code, 'J690');
  });

  it('names only codes of the FY2023 order file, but for the known quirks of the source', async () => {
    const codes = await orderCodes('2023', 'icd10cm-order-2023.txt');
    const unknown = [...referencedCodes(index)].filter((c) => !codes.has(c));
    assert.deepEqual(unknown, ['E34828']);
    // The other quirk: a manifestation given as the abbreviation "SCFE", kept as text.
    assert.equal(termByPath(index.terms, 'Slipped, slipping', 'epiphysis', 'capital femoral')?.manif, 'SCFE');
  });

  it('has manifestation codes and nonessential modifiers', () => {
    assert.equal(index.terms.filter((t) => t.manif).length, 760);
    assert.ok(index.terms.filter((t) => t.nemod).length > 12000);
  });
});

for (const year of ['2025', '2026'] as const) {
  const files = {
    '2025': [
      'icd-10-cm-eindex-2025.xml',
      'icd-10-cm-drug-2025.xml',
      'icd-10-cm-neoplasm-2025.xml',
      'icd10cm_order_2025.txt',
    ],
    '2026': [
      'icd10cm-eindex-April-1-2026-XML.xml',
      'icd10cm-drug-April-1-2026-XML.xml',
      'icd10cm-neoplasm-April-1-2026-XML.xml',
      'icd10cm_order_2026.txt',
    ],
  }[year];
  const [eindexFile, drugFile, neoplasmFile, orderFile] = files as [string, string, string, string];

  describe(`FY${year} ICD-10-CM external cause index, drug and neoplasm XML`, { skip }, async () => {
    const eindex = await parseIcd10cmIndexFile(sharedData('icd10cm', year, eindexFile), eindexFile);
    const drug = await parseIcd10cmIndexFile(sharedData('icd10cm', year, drugFile), drugFile);
    const neoplasm = await parseIcd10cmIndexFile(sharedData('icd10cm', year, neoplasmFile), neoplasmFile);

    it('recognises each file by its content', () => {
      assert.deepEqual([eindex.layer, drug.layer, neoplasm.layer], ['eindex', 'drug', 'neoplasm']);
    });

    it('has the drug table headings and the row of a known substance', () => {
      assert.deepEqual(drug.headings, [
        'Substance',
        'Poisoning Accidental (unintentional)',
        'Poisoning Intentional self-harm',
        'Poisoning Assault',
        'Poisoning Undetermined',
        'Adverse effect',
        'Underdosing',
      ]);
      assert.deepEqual(termByPath(drug.terms, 'Acetaminophen')?.cells, {
        'Poisoning Accidental (unintentional)': 'T391X1',
        'Poisoning Intentional self-harm': 'T391X2',
        'Poisoning Assault': 'T391X3',
        'Poisoning Undetermined': 'T391X4',
        'Adverse effect': 'T391X5',
        Underdosing: 'T391X6',
      });
    });

    it('has the neoplasm row of "abdomen, abdominal"', () => {
      assert.deepEqual(termByPath(neoplasm.terms, 'Neoplasm, neoplastic', 'abdomen, abdominal')?.cells, {
        'Malignant Primary': 'C762',
        'Malignant Secondary': 'C798-',
        'Ca in situ': 'D098',
        Benign: 'D367',
        'Uncertain Behavior': 'D487',
        'Unspecified Behavior': 'D4989',
      });
    });

    it(`names only codes of the FY${year} order file`, async () => {
      const codes = await orderCodes(year, orderFile);
      for (const layer of [eindex, drug, neoplasm]) {
        assert.deepEqual(
          [...referencedCodes(layer)].filter((c) => !codes.has(c)),
          [],
          layer.layer,
        );
      }
    });
  });
}
