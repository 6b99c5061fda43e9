import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../../test/support/shared-data.ts';
import { editContext } from './edit-context.ts';
import type { EditCase } from './edit-test-kit.ts';
import { SETS, assertCase } from './edit-test-kit.ts';
import type { ProcedureLine } from './encounter-schema.ts';
import type { NcciLayout } from './ncci-tables.ts';
import { parseMueFile, parsePtpFile } from './ncci-tables.ts';

const fixture = (name: string): string =>
  readFileSync(path.join(repoRoot, 'test/fixtures/edits', name), 'utf8');
const ptp = (name: string, layout: NcciLayout) => parsePtpFile(fixture(name), name, layout);
const mue = (name: string, layout: NcciLayout) => parseMueFile(fixture(name), name, layout);

const CONTEXT = editContext(SETS, {
  ncci: {
    ptp: [ptp('ptp-practitioner.txt', 'practitioner'), ptp('ptp-hospital.csv', 'hospital')],
    mue: [mue('mue-practitioner.csv', 'practitioner'), mue('mue-hospital.txt', 'hospital')],
  },
});

const cpt = (code: string, modifiers: string[] = [], units = 1): ProcedureLine => ({
  system: 'cpt',
  code,
  modifiers,
  units,
});
const prof = (px: ProcedureLine[], from = '2025-05-01') => ({
  dx: ['I10'],
  setting: 'professional' as const,
  from,
  px,
});

const CASES: readonly EditCase[] = [
  {
    name: 'NCCI PTP indicator 1: 11111 + 22222 without modifier is refused',
    spec: prof([cpt('11111'), cpt('22222')]),
    id: 'NCCI_PTP',
    found: true,
    code: '22222',
    severity: 'error',
  },
  {
    name: 'NCCI PTP indicator 1: modifier 59 on column 2 bypasses',
    spec: prof([cpt('11111'), cpt('22222', ['59'])]),
    id: 'NCCI_PTP',
    found: false,
  },
  {
    name: 'NCCI PTP indicator 1: modifier XS bypass is reported as info',
    spec: prof([cpt('11111'), cpt('22222', ['XS'])]),
    id: 'NCCI_PTP_MODIFIER_BYPASS',
    found: true,
    severity: 'info',
  },
  {
    name: 'NCCI PTP indicator 0: modifier 59 does not bypass 11111 + 33333',
    spec: prof([cpt('11111'), cpt('33333', ['59'])]),
    id: 'NCCI_PTP',
    found: true,
    code: '33333',
  },
  {
    name: 'NCCI PTP deletion date 2024-01-01: 11111 + 44444 in 2025 passes',
    spec: prof([cpt('11111'), cpt('44444')]),
    id: 'NCCI_PTP',
    found: false,
  },
  {
    name: 'NCCI PTP before deletion: 11111 + 44444 in 2023 is refused',
    spec: prof([cpt('11111'), cpt('44444')], '2023-06-01'),
    id: 'NCCI_PTP',
    found: true,
    code: '44444',
  },
  {
    name: 'NCCI PTP indicator 9: 11111 + 55555 is not applied',
    spec: prof([cpt('11111'), cpt('55555')]),
    id: 'NCCI_PTP',
    found: false,
  },
  {
    name: 'NCCI PTP effective 2026-01-01: 66666 + 77777 in 2025 passes',
    spec: prof([cpt('66666'), cpt('77777')]),
    id: 'NCCI_PTP',
    found: false,
  },
  {
    name: 'NCCI PTP hospital table applies to outpatient claims (indicator 1 there)',
    spec: { ...prof([cpt('11111'), cpt('33333')]), setting: 'outpatient' },
    id: 'NCCI_PTP',
    found: true,
    code: '33333',
  },
  {
    name: 'NCCI PTP does not apply to inpatient claims',
    spec: { ...prof([cpt('11111'), cpt('33333')]), setting: 'inpatient' },
    id: 'NCCI_PTP',
    found: false,
  },
  {
    name: 'MUE MAI 2: 2 units of 11111 over a value of 1 is refused',
    spec: prof([cpt('11111', [], 2)]),
    id: 'MUE_UNITS',
    found: true,
    code: '11111',
  },
  {
    name: 'MUE MAI 3: two lines of 22222 add up per date of service (3 > 2)',
    spec: prof([cpt('22222', ['59'], 2), cpt('22222', ['59'], 1)]),
    id: 'MUE_UNITS',
    found: true,
    code: '22222',
  },
  {
    name: 'MUE MAI 3: 2 units of 22222 pass',
    spec: prof([cpt('22222', [], 2)]),
    id: 'MUE_UNITS',
    found: false,
  },
  {
    name: 'MUE MAI 1: lines of 33333 are counted one by one',
    spec: prof([cpt('33333', ['LT']), cpt('33333', ['RT'])]),
    id: 'MUE_UNITS',
    found: false,
  },
  {
    name: 'MUE hospital table: 3 units of 22222 pass on an outpatient claim (value 4)',
    spec: { ...prof([cpt('22222', [], 3)]), setting: 'outpatient' },
    id: 'MUE_UNITS',
    found: false,
  },
  {
    name: 'MUE applies to HCPCS lines: 2 units of G0438',
    spec: prof([{ system: 'hcpcs', code: 'G0438', units: 2 }]),
    id: 'MUE_UNITS',
    found: true,
  },
];

describe('NCCI PTP and MUE', () => {
  for (const c of CASES) it(c.name, () => void assertCase(c, CONTEXT));

  it('loads the layouts: tab-delimited and CSV with multi-line headers', () => {
    const t = ptp('ptp-hospital.csv', 'hospital');
    assert.equal(t.size, 1);
    assert.deepEqual(t.byColumn1.get('11111')?.[0], {
      column1: '11111',
      column2: '33333',
      effective: '2020-01-01',
      modifier: '1',
      rationale: 'Mutually exclusive procedures, hospital',
    });
    const m = mue('mue-practitioner.csv', 'practitioner');
    assert.deepEqual(m.values.get('33333'), {
      code: '33333',
      value: 1,
      mai: 1,
      rationale: 'Nature of Service/Procedure',
    });
  });

  it('a bad modifier indicator is refused with file and line', () => {
    const text = fixture('ptp-practitioner.txt').replace('\t*\t0\t', '\t*\t7\t');
    assert.throws(
      () => parsePtpFile(text, 'bad.txt', 'practitioner'),
      (e: unknown) => {
        assert.equal((e as { code: string }).code, 'EDIT_FILE_INVALID');
        assert.deepEqual((e as { location: unknown }).location, { file: 'bad.txt', line: 4 });
        return true;
      },
    );
  });

  it('a file without the header row is refused', () => {
    assert.throws(() => parseMueFile('11111,1,2,x\n', 'x.csv', 'practitioner'), /no header row/);
  });
});
