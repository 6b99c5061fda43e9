import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { HcpcsFileContent } from '../../../src/releases/hcpcs/hcpcs-file-parser.ts';
import { parseHcpcsFile } from '../../../src/releases/hcpcs/hcpcs-file-parser.ts';
import { hasSharedData, sharedData } from '../../support/shared-data.ts';

const skip = !hasSharedData() && 'shared data not present';

describe('HCPCS 2025 annual file', { skip }, () => {
  let content: HcpcsFileContent | undefined;
  before(async () => {
    content = await parseHcpcsFile(sharedData('hcpcs', '2025', 'HCPC2025_JAN_ANWEB_12172024.txt'));
  });
  const code = (c: string) => content?.codes.codes.find((r) => r.code === c);
  const detail = (c: string) => content?.details.details.find((d) => d.code === c);

  it('holds 8,259 procedure codes and 383 modifiers, each once', () => {
    const codes = content?.codes.codes ?? [];
    assert.equal(codes.filter((c) => c.kind === 'code').length, 8_259);
    // The file has 383 first modifier lines (record id 7) and 193 continuation lines (id 8).
    assert.equal(codes.filter((c) => c.kind === 'modifier').length, 383);
    assert.equal(new Set(codes.map((c) => `${c.kind}:${c.code}`)).size, codes.length);
    assert.equal(content?.details.details.length, codes.length);
    assert.equal(content?.year, 2025);
    assert.ok(
      codes.every((c, i) => c.order === i + 1),
      'order is the position in the file',
    );
  });

  it('reads A0425 ground mileage', () => {
    assert.equal(code('A0425')?.title, 'Ground mileage, per statute mile');
    assert.equal(code('A0425')?.shortTitle, 'Ground mileage');
    assert.deepEqual(detail('A0425'), {
      code: 'A0425',
      isModifier: false,
      pricing: ['52'],
      multiplePricing: 'A',
      coverage: 'C',
      betos: 'O1A',
      typeOfService: ['D'],
      addDate: '2001-01-01',
      actionEffectiveDate: '2001-01-01',
      actionCode: 'N',
      anesthesiaBaseUnits: 0,
    });
  });

  it('reads E0601 CPAP as capped rental DME', () => {
    assert.equal(code('E0601')?.title, 'Continuous positive airway pressure (cpap) device');
    assert.deepEqual(detail('E0601')?.pricing, ['36']);
    assert.equal(detail('E0601')?.coverage, 'D');
    assert.equal(detail('E0601')?.betos, 'D1E');
    assert.deepEqual(detail('E0601')?.typeOfService, ['R']);
    assert.equal(detail('E0601')?.addDate, '1988-01-01');
    assert.equal(detail('E0601')?.actionEffectiveDate, '2014-01-01');
  });

  it('joins the two lines of the G0438 long description', () => {
    assert.equal(
      code('G0438')?.title,
      'Annual wellness visit; includes a personalized prevention plan of service (pps), initial visit',
    );
    assert.equal(code('G0438')?.shortTitle, 'Ppps, initial visit');
    assert.deepEqual(detail('G0438')?.pricing, ['13']);
    assert.equal(detail('G0438')?.betos, 'M5D');
  });

  it('reads J1100 dexamethasone as a drug with two types of service', () => {
    assert.equal(code('J1100')?.title, 'Injection, dexamethasone sodium phosphate, 1 mg');
    assert.deepEqual(detail('J1100')?.pricing, ['51']);
    assert.deepEqual(detail('J1100')?.typeOfService, ['1', 'P']);
    assert.equal(detail('J1100')?.addDate, '1982-01-01');
  });

  it('gives terminated codes a termination date before the year', () => {
    const terminated = content?.details.details.filter((d) => d.terminationDate) ?? [];
    assert.ok(terminated.length > 0);
    for (const d of terminated) assert.ok((d.terminationDate ?? '') < '2025-12-31', d.code);
    assert.ok(terminated.some((d) => d.actionCode === 'D' && d.terminationDate === '2024-12-31'));
  });
});
