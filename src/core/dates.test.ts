import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fiscalYearOf, fiscalYearRange, fromCompactDate, parseIsoDate } from './dates.ts';

describe('fiscal years', () => {
  it('October 1 starts the next fiscal year', () => {
    assert.equal(fiscalYearOf('2025-09-30'), 2025);
    assert.equal(fiscalYearOf('2025-10-01'), 2026);
    assert.deepEqual(fiscalYearRange(2026), { from: '2025-10-01', to: '2026-09-30' });
  });
  it('rejects dates that are not calendar days', () => {
    assert.throws(() => parseIsoDate('2025-02-30'), /not a calendar date/);
    assert.throws(() => parseIsoDate('20250101'), /not a calendar date/);
    assert.equal(parseIsoDate('2024-02-29'), '2024-02-29');
  });
  it('reads compact CCYYMMDD dates and treats blanks as absent', () => {
    assert.equal(fromCompactDate('20250101'), '2025-01-01');
    assert.equal(fromCompactDate('        '), undefined);
  });
});
