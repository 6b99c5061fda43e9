import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../../../test/support/shared-data.ts';
import { parsePcsDefinitions, splitIncludes } from './definitions-parser.ts';

const fixture = path.join(repoRoot, 'test/fixtures/pcs/definitions-mini.xml');

describe('ICD-10-PCS definitions parser', () => {
  it('gives each term its section, axis, definition and includes', async () => {
    const { definitions } = await parsePcsDefinitions(fixture);
    assert.deepEqual(
      definitions.find((d) => d.term === 'Resection'),
      {
        section: '0',
        pos: 3,
        axisTitle: 'Operation',
        term: 'Resection',
        definition: 'Cutting out or off, without replacement, all of a body part',
        includes: ['Total nephrectomy', 'total lobectomy of lung'],
      },
    );
    assert.deepEqual(definitions.find((d) => d.term === 'Appendix')?.includes, [
      'Vermiform appendix',
      'Appendiceal orifice',
    ]);
  });

  it('repeats the content for every title of a terms block', async () => {
    const { definitions } = await parsePcsDefinitions(fixture);
    const toes = definitions.filter((d) => d.term.startsWith('1st Toe'));
    assert.deepEqual(
      toes.map((d) => [d.term, d.includes]),
      [
        ['1st Toe, Left', ['Hallux']],
        ['1st Toe, Right', ['Hallux']],
      ],
    );
  });

  it('keeps the axis title of each section and skips the device aggregation table', async () => {
    const { definitions } = await parsePcsDefinitions(fixture);
    assert.deepEqual(
      definitions.map((d) => `${d.section}${d.pos} ${d.axisTitle}: ${d.term}`),
      [
        '03 Operation: Resection',
        '04 Body Part: Appendix',
        '04 Body Part: 1st Toe, Left',
        '04 Body Part: 1st Toe, Right',
        '05 Approach: Percutaneous Endoscopic',
        'F5 Type Qualifier: Communicative/Cognitive Integration Skills',
      ],
    );
  });

  const splits = [
    { text: 'Face lift, breast augmentation', pos: 3, expected: ['Face lift', 'breast augmentation'] },
    { text: 'Includes EEG, blood pressure, ECG', pos: 3, expected: ['Includes EEG, blood pressure, ECG'] },
    { text: 'Arachnoid mater, intracranial', pos: 4, expected: ['Arachnoid mater, intracranial'] },
  ];
  for (const { text, pos, expected } of splits) {
    it(`splits includes "${text}" at axis ${pos} into ${expected.length}`, () => {
      assert.deepEqual(splitIncludes(text, pos), expected);
    });
  }
});
