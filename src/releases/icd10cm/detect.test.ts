import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { icd10cmFixture } from '../../../test/support/icd10cm.ts';
import { detectIcd10cmXml, DETECT_BYTES } from './detect.ts';

const head = async (name: string) => (await readFile(icd10cmFixture(name))).subarray(0, DETECT_BYTES);

describe('detectIcd10cmXml', () => {
  const cases: [string, string][] = [
    ['tabular-mini.xml', 'tabular'],
    ['index-mini.xml', 'index'],
    ['eindex-mini.xml', 'eindex'],
    ['drug-mini.xml', 'drug'],
    ['neoplasm-mini.xml', 'neoplasm'],
  ];
  for (const [file, kind] of cases) {
    it(`recognises ${file} as the ${kind} XML of version 2099`, async () => {
      assert.deepEqual(detectIcd10cmXml(await head(file)), { kind, year: 2099 });
    });
  }

  it('tells without a version when the head has none', () => {
    assert.deepEqual(detectIcd10cmXml('<ICD10CM.tabular><chapter>'), { kind: 'tabular' });
  });

  it('recognises nothing else', () => {
    const others = [
      '<?xml version="1.0"?>\n<ICD10PCS.tabular>\n  <version>2025</version>',
      '<?xml version="1.0"?>\n<ICD10PCS.index>\n  <version>2025</version>\n  <letter>',
      '00001 A00     0 Cholera',
      '',
    ];
    for (const text of others) assert.equal(detectIcd10cmXml(text), undefined, text);
  });

  it('does not guess an index kind before its title, headings or first letter', () => {
    assert.equal(
      detectIcd10cmXml('<?xml version="1.0"?>\n<ICD10CM.index>\n  <version>2026</version>\n'),
      undefined,
    );
  });

  it('skips comments before the root element', () => {
    assert.equal(detectIcd10cmXml('<!-- <ICD10CM.index> --><ICD10CM.tabular>')?.kind, 'tabular');
  });
});
