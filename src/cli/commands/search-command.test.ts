import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Command } from 'commander';
import { isMedcodeError } from '../../core/medcode-error.ts';
import type { SearchHit } from '../../search/search.ts';
import { searchFixtureCodeSets } from '../../../test/fixtures/search/search-code-sets.ts';
import { registerSearchCommand } from './search-command.ts';

async function run(...args: string[]): Promise<{ text: string[]; json: unknown[] }> {
  const { fy2025, fy2026 } = searchFixtureCodeSets();
  const text: string[] = [];
  const json: unknown[] = [];
  const program = new Command('medcode').exitOverride();
  registerSearchCommand(program, {
    searchSources: () => Promise.resolve([fy2025, fy2026]),
    out: (t) => text.push(t),
    json: (v) => json.push(v),
  });
  await program.parseAsync(['search', ...args], { from: 'user' });
  return { text, json };
}

describe('medcode search', () => {
  it('prints codes with their billable mark, description and why', async () => {
    const { text } = await run('acute on chronic systolic CHF');
    assert.match(text[0] ?? '', /^I50\.23 \* Acute on chronic systolic \(congestive\) heart failure\n/);
    assert.match(text[0] ?? '', /read as: chf → congestive heart failure/);
  });

  it('prints JSON with the limit, system and billable filter applied', async () => {
    const { json } = await run(
      'heart failure',
      '--json',
      '--limit',
      '3',
      '--system',
      'icd10cm',
      '--billable',
    );
    const hits = json[0] as SearchHit[];
    assert.equal(hits.length, 3);
    assert.ok(hits.every((h) => h.billable && h.system === 'icd10cm'));
    assert.equal(hits[0]?.code, 'I50.9');
  });

  it('searches the version of the date of service', async () => {
    const { json } = await run('other general symptoms and signs', '--date', '2026-02-01', '--json');
    assert.ok(!(json[0] as SearchHit[]).some((h) => h.code === 'R68.89'));
  });

  it('completes as you type with --prefix', async () => {
    const { json } = await run('pneum', '--prefix', '--json');
    assert.equal((json[0] as SearchHit[])[0]?.code, 'J18.9');
  });

  it('says so when nothing matches', async () => {
    const { text } = await run('qqqq zzzz');
    assert.deepEqual(text, ['no codes found for "qqqq zzzz"']);
  });

  it('rejects a bad limit, date or system, and an empty query, with a MedcodeError', async () => {
    for (const args of [
      ['copd', '--limit', '0'],
      ['copd', '--limit', 'ten'],
      ['copd', '--date', '2026-13-01'],
      ['copd', '--system', 'snomed'],
      [''],
    ]) {
      await assert.rejects(run(...args), (e: unknown) => isMedcodeError(e), args.join(' '));
    }
  });
});
