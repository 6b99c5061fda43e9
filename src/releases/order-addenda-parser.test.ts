import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseOrderAddenda } from './order-addenda-parser.ts';

const row = (action: string, flag: string | undefined, code: string, title: string): string =>
  `${`${action}:`.padEnd(13)}${flag === undefined ? '' : `${flag} `}${code.padEnd(7)} ${title.slice(0, 60).padEnd(60)} ${title}`;

describe('order-file addenda', () => {
  it('reads ICD-10-CM additions, deletions and revisions with their billable flag', () => {
    const text = [
      row('Delete', '1', 'B880', 'Other acariasis'),
      row('Add', '0', 'B880', 'Other acariasis'),
      row('Add', '1', 'B8801', 'Infestation by Demodex mites'),
      row('Revise from', '1', 'L02212', 'Cutaneous abscess of back [any part, except buttock]'),
      row('Revise to', '1', 'L02212', 'Cutaneous abscess of back [any part, except buttock and flank]'),
      '',
      '      487 additions',
    ].join('\r\n');
    assert.deepEqual(parseOrderAddenda(text, 'a.txt'), [
      { action: 'delete', code: 'B880', billable: true, title: 'Other acariasis' },
      { action: 'add', code: 'B880', billable: false, title: 'Other acariasis' },
      { action: 'add', code: 'B8801', billable: true, title: 'Infestation by Demodex mites' },
      {
        action: 'revise',
        code: 'L02212',
        billable: true,
        title: 'Cutaneous abscess of back [any part, except buttock and flank]',
        previousTitle: 'Cutaneous abscess of back [any part, except buttock]',
      },
    ]);
  });

  it('reads ICD-10-PCS addenda, which carry no flag (every listed code is valid)', () => {
    const text = row(
      'Add',
      undefined,
      '00H033J',
      'Insertion of Infusion Device into Brain, Temporary, Percutaneous Approach',
    );
    assert.deepEqual(
      parseOrderAddenda(text, 'p.txt').map((c) => [c.action, c.code, c.billable]),
      [['add', '00H033J', true]],
    );
  });

  it('refuses a revision without its "from" line, naming the line', () => {
    const text = [row('Add', '1', 'B8801', 'x'), row('Revise to', '1', 'L02212', 'y')].join('\n');
    assert.throws(() => parseOrderAddenda(text, 'bad.txt'), /line 2|Revise from/);
  });
});
