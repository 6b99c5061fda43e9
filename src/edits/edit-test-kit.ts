/** Shared assertions of the edit tests: does `check` report (or not report) an edit for a code. */
import assert from 'node:assert/strict';
import { check } from './check.ts';
import type { EditContext } from './edit-context.ts';
import { editContext } from './edit-context.ts';
import type { EditId, Finding } from './finding.ts';
import type { EncounterSpec } from './synthetic-encounters.ts';
import { encounterOf } from './synthetic-encounters.ts';
import { syntheticCm, syntheticHcpcs, syntheticPcs } from './synthetic-code-sets.ts';

export const SETS = [
  syntheticCm(2026),
  syntheticCm(2025),
  syntheticPcs(2026),
  syntheticPcs(2025),
  syntheticHcpcs(),
];
export const CONTEXT: EditContext = editContext(SETS);

/** One row of an edit's case table: `expect` is the finding the encounter must (or must not) get. */
export interface EditCase {
  readonly name: string;
  readonly spec: EncounterSpec;
  readonly id: EditId;
  /** True: a finding with this id (and `code` among its codes, and this severity, when given) is reported. */
  readonly found: boolean;
  readonly code?: string;
  readonly severity?: Finding['severity'];
}

export function assertCase(c: EditCase, context: EditContext = CONTEXT): Finding | undefined {
  const findings = check(encounterOf(c.spec), context);
  const hit = findings.find(
    (f) =>
      f.id === c.id &&
      (c.code === undefined || f.codes.includes(c.code)) &&
      (c.severity === undefined || f.severity === c.severity),
  );
  const seen = findings.map((f) => `${f.id}(${f.codes.join(',')})`).join(' ');
  if (c.found) {
    assert.ok(hit, `expected ${c.id}${c.code ? ` on ${c.code}` : ''}; got: ${seen || 'nothing'}`);
  } else assert.equal(hit, undefined, `did not expect ${c.id}; got: ${seen}`);
  return hit;
}
