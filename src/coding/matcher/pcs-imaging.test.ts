import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { miniPcsCodeSet } from '../../../test/fixtures/coding/mini-code-set.ts';
import { tokenizeNote } from '../text/note-tokens.ts';
import { imagingRegions, matchImaging } from './pcs-imaging.ts';

const pcs = miniPcsCodeSet();

const prefixesOf = (text: string): string[] =>
  [...new Set(matchImaging(pcs, tokenizeNote(text)).map((h) => h.prefix))].sort();

describe('imaging procedures named by a modality and a body region', () => {
  const CASES: readonly (readonly [string, string, readonly string[]])[] = [
    ['an adjective before the modality', 'An abdominal CT scan showed no metastasis.', ['BW20']],
    ['a compound region names both parts, not one', 'Thoraco-abdominal CT was normal.', ['BW24']],
    ['three regions after "of"', 'A CT scan of the chest, abdomen and pelvis was performed.', ['BW25']],
    ['"abdominopelvic" is abdomen and pelvis', 'Abdominopelvic computed tomography.', ['BW21']],
    [
      'the name of the modality does not hide the region',
      'An abdominal-pelvic computed tomography (CT) scan.',
      ['BW21'],
    ],
    ['a region word is of the anatomical region, not the bones', 'The pelvic CT scan was normal.', ['BW2G']],
    ['the modality sets the type', 'Abdominal ultrasound showed a cyst.', ['BW40']],
    ['"cerebral" is the brain, "cranial" the skull', 'Cerebral MRI and cranial CT.', ['B030', 'BN20']],
    ['x-ray is plain radiography', 'The chest X-ray was normal.', ['BW03']],
    ['a one-sided body part needs its side', 'Right renal ultrasound.', ['BT41']],
    ['a mention without a side is of both sides', 'Renal ultrasound was normal.', ['BT43']],
    ['both sides stated', 'Bilateral renal ultrasound.', ['BT43']],
    ['a modality word that names the body part', 'Transthoracic echocardiogram without findings.', ['B246']],
    ['PET is not a section B study', 'Positron emission tomography of the abdomen.', []],
    [
      'with no region beside it, the organ of the finding',
      'Ultrasound showed a cyst in the left kidney.',
      ['BT42'],
    ],
    [
      'a region beside the modality wins over the finding',
      'Abdominal CT showed a cyst in the brain.',
      ['BW20'],
    ],
    ['a region in another sentence does not count', 'Abdominal pain.\nCT was requested.', []],
    ['the finding is read in the sentence only', 'CT was requested.\nThe abdomen was soft.', []],
    ['"resonance" needs "magnetic"', 'Abdominal resonance frequency.', []],
  ];
  for (const [name, text, expected] of CASES) {
    it(name, () => assert.deepEqual(prefixesOf(text), [...expected].sort()));
  }

  it('reads each body part from the titles once per prefix, without contrast or laterality words', () => {
    const byPrefix = new Map(imagingRegions(pcs).map((r) => [r.prefix, r]));
    assert.deepEqual(byPrefix.get('BW20')?.concepts, ['abdomen']);
    assert.equal(byPrefix.get('BW20')?.title, 'Computerized Tomography (CT Scan) of Abdomen');
    assert.equal(byPrefix.get('BT42')?.side, 'left');
    assert.equal(byPrefix.get('BT43')?.side, 'bilateral');
    assert.equal(byPrefix.get('B246')?.side, undefined);
    assert.deepEqual(byPrefix.get('BW25')?.concepts, ['chest', 'abdomen', 'pelvis']);
    assert.equal(byPrefix.has('0DJD'), false);
  });
});
