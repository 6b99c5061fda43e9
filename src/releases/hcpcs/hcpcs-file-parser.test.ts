import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isMedcodeError } from '../../core/medcode-error.ts';
import { repoRoot } from '../../../test/support/shared-data.ts';
import { parseHcpcsFile } from './hcpcs-file-parser.ts';

const fixture = path.join(repoRoot, 'test/fixtures/hcpcs/HCPC2099_TEST_ANWEB.txt');
const fixtureText = readFileSync(fixture, 'latin1');
const fixtureLines = fixtureText.split('\r\n');

describe('HCPCS annual file parser', () => {
  it('reads procedures as billable codes and modifiers as modifiers, in file order', async () => {
    const { codes } = await parseHcpcsFile(fixture);
    assert.deepEqual(
      codes.codes.map((c) => [c.code, c.kind, c.billable, c.order]),
      [
        ['Z1', 'modifier', false, 1],
        ['Z9001', 'code', true, 2],
        ['Z9002', 'code', true, 3],
        ['Z9003', 'code', true, 4],
      ],
    );
  });

  it('joins the long description across continuation lines and keeps the short one', async () => {
    const { codes } = await parseHcpcsFile(fixture);
    const byCode = new Map(codes.codes.map((c) => [c.code, c]));
    assert.equal(
      byCode.get('Z9002')?.title,
      'Synthetic procedure with a long description that needs more than one line of eighty characters ' +
        'in the annual file, so it continues on the next line and on a third one',
    );
    assert.equal(byCode.get('Z9002')?.shortTitle, 'Synthetic long procedure');
    assert.equal(
      byCode.get('Z1')?.title,
      'Synthetic modifier for tests with a description that is long enough to continue on a second line',
    );
  });

  it('reads the detail fields at the positions of the record layout', async () => {
    const { details } = await parseHcpcsFile(fixture);
    assert.deepEqual(
      details.details.find((d) => d.code === 'Z9001'),
      {
        code: 'Z9001',
        isModifier: false,
        pricing: ['46', '13'],
        multiplePricing: 'A',
        coverage: 'C',
        betos: 'D1F',
        typeOfService: ['P', '1'],
        addDate: '2098-01-01',
        actionEffectiveDate: '2099-01-01',
        actionCode: 'C',
        crossReference: ['Z9002'],
        labCertification: ['100', '310'],
        statute: '1861(s)(2)',
        ascGroup: '09',
        anesthesiaBaseUnits: 0,
      },
    );
    const terminated = details.details.find((d) => d.code === 'Z9003');
    assert.equal(terminated?.terminationDate, '2098-12-31');
    assert.equal(details.details.find((d) => d.code === 'Z9002')?.anesthesiaBaseUnits, 5);
  });

  it('takes the release year from the latest action effective date', async () => {
    assert.equal((await parseHcpcsFile(fixture)).year, 2099);
  });

  it('counts one character per byte, so a Windows-1252 sign keeps the record 320 wide', async () => {
    const withSign = fixtureText.replace(
      'Synthetic supply item, per unit',
      'Synthetic supply item\u00ae per unit',
    );
    async function* bytes() {
      yield Buffer.from(withSign, 'latin1');
    }
    const { codes } = await parseHcpcsFile(bytes(), 'x.txt');
    assert.equal(codes.codes.find((c) => c.code === 'Z9001')?.title, 'Synthetic supply item\u00ae per unit');
  });

  it('reads the same records from chunks as from the file', async () => {
    async function* chunks() {
      const bytes = Buffer.from(fixtureText, 'latin1');
      for (let i = 0; i < bytes.length; i += 333) yield bytes.subarray(i, i + 333);
    }
    assert.deepEqual(await parseHcpcsFile(chunks(), 'hcpcs.zip!x.txt'), await parseHcpcsFile(fixture));
  });
});

describe('HCPCS annual file errors', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'medcode-hcpcs-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const withLine = (index: number, edit: (line: string) => string) =>
    fixtureLines.map((l, i) => (i === index ? edit(l) : l)).join('\r\n');
  const cases = [
    {
      name: 'a record shorter than 320 characters inside the file is RELEASE_FILE_MALFORMED',
      text: withLine(2, (l) => l.trimEnd()),
      code: 'RELEASE_FILE_MALFORMED',
      line: 3,
    },
    {
      name: 'a record longer than 320 characters is RELEASE_FILE_MALFORMED',
      text: withLine(1, (l) => l + ' '),
      code: 'RELEASE_FILE_MALFORMED',
      line: 2,
    },
    {
      name: 'an unknown record identification code is RELEASE_FILE_MALFORMED',
      text: withLine(2, (l) => l.slice(0, 10) + '5' + l.slice(11)),
      code: 'RELEASE_FILE_MALFORMED',
      line: 3,
    },
    {
      name: 'a continuation line without its first line is RELEASE_FILE_MALFORMED',
      text: withLine(4, (l) => 'Z9004' + l.slice(5)),
      code: 'RELEASE_FILE_MALFORMED',
      line: 5,
    },
    {
      name: 'a date that is not CCYYMMDD is RELEASE_FILE_MALFORMED',
      text: withLine(2, (l) => l.slice(0, 268) + '2098XX01' + l.slice(276)),
      code: 'RELEASE_FILE_MALFORMED',
      line: 3,
    },
    {
      name: 'an empty file is RELEASE_FILE_TRUNCATED',
      text: '\r\n',
      code: 'RELEASE_FILE_TRUNCATED',
      line: 1,
    },
    {
      name: 'a last record cut short is RELEASE_FILE_TRUNCATED',
      text: fixtureText.slice(0, fixtureText.indexOf('Z9003') + 150),
      code: 'RELEASE_FILE_TRUNCATED',
      line: 7,
    },
  ] as const;

  for (const c of cases) {
    it(c.name, async () => {
      const file = path.join(dir, 'HCPC2099_BAD.txt');
      await writeFile(file, c.text, 'latin1');
      await assert.rejects(parseHcpcsFile(file), (e) => {
        assert.ok(isMedcodeError(e));
        assert.equal(e.code, c.code);
        assert.deepEqual(e.location, { file: 'HCPC2099_BAD.txt', line: c.line });
        assert.match(e.message, new RegExp(`HCPC2099_BAD\\.txt line ${c.line}\\b`));
        return true;
      });
    });
  }
});
