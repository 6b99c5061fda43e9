import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMedcodeError } from '../core/medcode-error.ts';
import { searchFixtureCodeSets, searchFixtureHcpcs } from '../../test/fixtures/search/search-code-sets.ts';
import { decodeSearchIndex, encodeSearchIndex } from './search-index-codec.ts';
import { buildSearchIndex } from './search-index-builder.ts';
import { parseQuery } from './query-parser.ts';
import { search } from './search.ts';

const { fy2025, fy2026 } = searchFixtureCodeSets();
const sets = [fy2025, fy2026];
const top = (query: string, options = {}): string | undefined => search(sets, query, options)[0]?.code;
const codes = (query: string, options = {}): string[] => search(sets, query, options).map((h) => h.code);

function assertInvalid(query: string): void {
  assert.throws(
    () => search(sets, query),
    (e: unknown) => isMedcodeError(e) && e.code === 'SEARCH_QUERY_INVALID' && e.message.length > 10,
  );
}

describe('search', () => {
  it('finds the same code whatever the word order', () => {
    for (const q of [
      'acute on chronic systolic heart failure',
      'heart failure systolic acute on chronic',
      'chronic systolic failure heart acute',
    ]) {
      assert.equal(top(q), 'I50.23', q);
    }
  });

  it('reads coder abbreviations in the query', () => {
    const table: [string, string][] = [
      ['CHF', 'I50.9'],
      ['afib', 'I48.91'],
      ['paroxysmal a fib', 'I48.0'],
      ['GERD', 'K21.9'],
      ['acute on chronic systolic CHF', 'I50.23'],
    ];
    for (const [q, code] of table) assert.equal(top(q), code, q);
  });

  it('corrects misspellings without drowning exact matches', () => {
    assert.equal(top('pnuemonia'), 'J18.9');
    assert.equal(top('atrial fibrilation'), 'I48.91');
    assert.equal(top('lobar pneumonia'), 'J18.1');
    const why = search(sets, 'pnuemonia')[0]?.why ?? '';
    assert.match(why, /pnuemonia→pneumonia/);
  });

  it('does not match what the query rules out', () => {
    assert.equal(top('gerd w/o esophagitis'), 'K21.9');
    assert.equal(top('reflux disease without esophagitis'), 'K21.9');
    assert.equal(top('gerd with esophagitis without bleeding'), 'K21.00');
    assert.equal(top('gerd with esophagitis with bleeding'), 'K21.01');
  });

  it('gives the default unspecified child when the query says nothing more', () => {
    assert.equal(top('heart failure'), 'I50.9');
    assert.equal(top('systolic heart failure'), 'I50.20');
    assert.equal(top('reflux disease'), 'K21.9');
  });

  it('steers to the child named by laterality and episode of care (7th character)', () => {
    const table: [string, string][] = [
      ['fracture of lower end of left radius', 'S52.502A'],
      ['fx R distal radius', 'S52.501A'],
      ['fx L distal radius init', 'S52.502A'],
      ['fracture left distal radius subsequent encounter', 'S52.502D'],
      ['fx L distal radius subs', 'S52.502D'],
      ['left distal radius fracture sequela', 'S52.502S'],
    ];
    for (const [q, code] of table) assert.equal(top(q), code, q);
  });

  it('ranks non-billable headers below their billable children unless billable codes only are asked', () => {
    const hits = search(sets, 'systolic heart failure', { limit: 10 });
    const header = hits.findIndex((h) => h.code === 'I50.2');
    const firstBillable = hits.findIndex((h) => h.billable);
    assert.equal(firstBillable, 0);
    assert.ok(
      header === -1 || header > hits.filter((h) => h.code.startsWith('I50.2') && h.billable).length - 1,
    );
    assert.ok(search(sets, 'systolic heart failure', { billable: true, limit: 10 }).every((h) => h.billable));
  });

  it('follows see cross-references of the alphabetic index and says so', () => {
    const hit = search(sets, 'heart decompensation')[0];
    assert.equal(hit?.code, 'I50.9');
    assert.match(hit?.why ?? '', /see Failure, heart/);
  });

  it('gives the index path that justifies a hit', () => {
    const hit = search(sets, 'acute on chronic systolic heart failure')[0];
    assert.ok(hit);
    assert.match(hit.why, /acute|systolic/);
    assert.equal(hit.billable, true);
    assert.equal(hit.description, 'Acute on chronic systolic (congestive) heart failure');
  });

  it('does not return a code deleted in FY2026 for a 2026 date of service', () => {
    assert.ok(
      !codes('other general symptoms and signs', { date: '2026-01-15', limit: 20 }).includes('R68.89'),
    );
    const fy2025Hit = search(sets, 'other general symptoms and signs', { date: '2025-03-01' }).find(
      (h) => h.code === 'R68.89',
    );
    assert.ok(fy2025Hit);
    assert.equal(fy2025Hit.validOnDate, true);
    assert.equal(fy2025Hit.version, 'icd10cm-2025');
  });

  it('leaves out an HCPCS code terminated before the date of service', () => {
    const hcpcs = [searchFixtureHcpcs()];
    assert.deepEqual(
      search(hcpcs, 'cane quad', { date: '2025-06-01' }).map((h) => h.code),
      ['E0100'],
    );
    assert.ok(!search(hcpcs, 'cane quad').some((h) => h.code === 'E0105'));
    assert.equal(search(hcpcs, 'walker rigid')[0]?.code, 'E0130');
  });

  it('searches nothing for a date no loaded version covers', () => {
    assert.deepEqual(search(sets, 'heart failure', { date: '2019-01-01' }), []);
  });

  it('finds a code typed as a code, with or without its dot', () => {
    assert.equal(top('I50.23'), 'I50.23');
    assert.equal(top('i5023'), 'I50.23');
  });

  it('completes the last word as it is typed in prefix mode', () => {
    assert.equal(top('pneum', { prefix: true }), 'J18.9');
    assert.equal(top('atrial fib', { prefix: true }), 'I48.91'); // not "fibula"
    assert.ok(codes('S52.50', { prefix: true }).every((c) => c.startsWith('S52.50')));
  });

  it('answers empty, oversized and binary input with SEARCH_QUERY_INVALID, never a crash', () => {
    assertInvalid('');
    assertInvalid('   \n\t ');
    assertInvalid('heart failure '.repeat(8000));
    assertInvalid(String.fromCharCode(...Array.from({ length: 64 }, (_, i) => (i * 37) % 32)));
    assertInvalid('pneumonia\u0000\u0001\u0002');
  });

  it('returns an empty result for text that matches nothing', () => {
    assert.deepEqual(search(sets, 'qqqq zzzz xxxx'), []);
    assert.deepEqual(search(sets, '!!! ??? ...'), []);
    assert.deepEqual(search(sets, 'the of and'), []);
  });

  it('keeps the limit within bounds', () => {
    assert.equal(search(sets, 'heart', { limit: 2 }).length, 2);
    assert.ok(search(sets, 'heart', { limit: 0 }).length <= 1);
    assert.ok(search(sets, 'heart', { limit: Number.NaN }).length > 0);
    assert.ok(search(sets, 'heart', { limit: 10_000 }).length <= 200);
  });

  it('answers the same from a serialized and reloaded index', () => {
    const index = buildSearchIndex(fy2026);
    const reloaded = decodeSearchIndex(encodeSearchIndex(index));
    for (const q of ['CHF', 'fx L distal radius init', 'pnuemonia', 'heart decompensation', 'pneum']) {
      assert.deepEqual(
        search([reloaded], q, { prefix: q === 'pneum' }),
        search([index], q, { prefix: q === 'pneum' }),
        q,
      );
    }
  });

  it('rejects a corrupted serialized index with a clear error', () => {
    const bytes = encodeSearchIndex(buildSearchIndex(fy2026));
    assert.throws(
      () => decodeSearchIndex(bytes.subarray(0, 40)),
      (e: unknown) => isMedcodeError(e),
    );
    assert.throws(
      () => decodeSearchIndex(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])),
      (e: unknown) => isMedcodeError(e),
    );
  });

  it('knows how much of a query each version understands, so a system cannot win on the words it knows', () => {
    const index = buildSearchIndex(fy2026);
    const understood = (q: string): number => parseQuery(index, q, false).understood;
    assert.equal(understood('atrial fibrillation'), 1);
    assert.equal(understood('afib'), 1);
    assert.equal(understood('atrial fibrillation qqqzzzx'), 2 / 3);
    const corrected = understood('atrial fibrilation');
    assert.ok(corrected > 0.5 && corrected < 1, String(corrected));
    const [cane] = search([fy2026, searchFixtureHcpcs()], 'cane left', { limit: 1 });
    assert.ok(cane !== undefined && cane.score < search([searchFixtureHcpcs()], 'cane')[0]!.score);
  });
});
