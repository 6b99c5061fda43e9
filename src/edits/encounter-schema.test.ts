import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../../test/support/shared-data.ts';
import { isMedcodeError } from '../core/medcode-error.ts';
import {
  ENCOUNTER_LIMITS,
  POA_VALUES,
  PROCEDURE_SYSTEMS,
  SETTINGS,
  SEXES,
  encounterErrors,
  parseEncounter,
} from './encounter-schema.ts';

const VALID = {
  setting: 'inpatient',
  dates: { from: '2026-01-10', to: '2026-01-14', admission: '2026-01-10', discharge: '2026-01-14' },
  patient: { ageYears: 67, sex: 'female' },
  diagnoses: [
    { code: 'E11.22', poa: 'Y' },
    { code: 'N18.4', poa: '1' },
  ],
  procedures: [{ system: 'icd10pcs', code: '0DTJ4ZZ', date: '2026-01-11' }],
  documented: { tobacco: false },
};

type Json = Record<string, unknown>;
const withField = (path: string[], value: unknown): Json => {
  const copy = structuredClone(VALID) as Json;
  let at: Json = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Json;
  at[path.at(-1)!] = value;
  return copy;
};

const MALFORMED: readonly { name: string; input: unknown; path: string }[] = [
  { name: 'the root is not an object', input: [VALID], path: '(root)' },
  { name: 'setting is not one of the four', input: withField(['setting'], 'home'), path: 'setting' },
  { name: 'an unknown top-level field', input: withField(['payer'], 'X'), path: 'payer' },
  {
    name: 'an unknown field in a diagnosis',
    input: withField(['diagnoses'], [{ code: 'I10', poa: 'Y', rank: 1 }]),
    path: 'diagnoses[0].rank',
  },
  {
    name: 'a code of the wrong type',
    input: withField(
      ['diagnoses'],
      [
        { code: 'I10', poa: 'Y' },
        { code: 10, poa: 'Y' },
      ],
    ),
    path: 'diagnoses[1].code',
  },
  {
    name: 'a POA indicator outside Y/N/U/W/1',
    input: withField(['diagnoses'], [{ code: 'I10', poa: 'X' }]),
    path: 'diagnoses[0].poa',
  },
  {
    name: 'POA missing on an inpatient claim',
    input: withField(['diagnoses'], [{ code: 'I10' }]),
    path: 'diagnoses[0].poa',
  },
  {
    name: '10,000 diagnosis codes',
    input: withField(
      ['diagnoses'],
      Array.from({ length: 10_000 }, () => ({ code: 'I10', poa: 'Y' })),
    ),
    path: 'diagnoses',
  },
  { name: 'no diagnosis', input: withField(['diagnoses'], []), path: 'diagnoses' },
  {
    name: 'a date that is not a calendar day',
    input: withField(['dates', 'from'], '2026-02-30'),
    path: 'dates.from',
  },
  {
    name: 'a date before ICD-10 (2015-10-01)',
    input: withField(['dates', 'from'], '1999-01-01'),
    path: 'dates.from',
  },
  { name: 'a date after 2099', input: withField(['dates', 'to'], '2150-01-01'), path: 'dates.to' },
  {
    name: 'discharge before admission',
    input: withField(['dates', 'discharge'], '2026-01-01'),
    path: 'dates.discharge',
  },
  {
    name: 'missing admission on an inpatient claim',
    input: withField(['dates', 'admission'], undefined),
    path: 'dates.admission',
  },
  { name: 'age out of range', input: withField(['patient', 'ageYears'], 130), path: 'patient.ageYears' },
  {
    name: 'age not a whole number',
    input: withField(['patient', 'ageYears'], 4.5),
    path: 'patient.ageYears',
  },
  { name: 'sex missing', input: withField(['patient', 'sex'], undefined), path: 'patient.sex' },
  {
    name: 'a procedure system not known',
    input: withField(['procedures'], [{ system: 'cpt4', code: '11111' }]),
    path: 'procedures[0].system',
  },
  {
    name: 'units of zero',
    input: withField(['procedures'], [{ system: 'cpt', code: '11111', units: 0 }]),
    path: 'procedures[0].units',
  },
  {
    name: 'five modifiers',
    input: withField(
      ['procedures'],
      [{ system: 'cpt', code: '11111', modifiers: ['59', 'LT', 'RT', 'XE', 'XS'] }],
    ),
    path: 'procedures[0].modifiers',
  },
  {
    name: 'a modifier of three characters',
    input: withField(['procedures'], [{ system: 'cpt', code: '11111', modifiers: ['591'] }]),
    path: 'procedures[0].modifiers[0]',
  },
  {
    name: 'documented.tobacco not a boolean',
    input: withField(['documented'], { tobacco: 'yes' }),
    path: 'documented.tobacco',
  },
];

describe('encounter validation', () => {
  it('a complete inpatient encounter is accepted', () => {
    assert.deepEqual(encounterErrors(VALID), []);
    assert.equal(parseEncounter(VALID).setting, 'inpatient');
  });

  it('an outpatient encounter needs neither POA nor admission dates', () => {
    const e = {
      setting: 'outpatient',
      dates: { from: '2026-01-10' },
      patient: { birthDate: '1960-02-29', sex: 'male' },
      diagnoses: [{ code: 'I10' }],
    };
    assert.deepEqual(encounterErrors(e), []);
  });

  for (const c of MALFORMED) {
    it(`refuses ${c.name}, pointing at ${c.path}`, () => {
      const errors = encounterErrors(c.input);
      assert.ok(
        errors.some((e) => e.path === c.path),
        `errors: ${JSON.stringify(errors)}`,
      );
    });
  }

  it('ENCOUNTER_INVALID lists every field error, the first in the message', () => {
    const bad = withField(['setting'], 7);
    (bad['patient'] as Json)['sex'] = 'f';
    assert.throws(
      () => parseEncounter(bad, 'enc.json'),
      (e: unknown) => {
        assert.ok(isMedcodeError(e));
        assert.equal(e.code, 'ENCOUNTER_INVALID');
        assert.equal(e.exitCode, 2);
        assert.deepEqual(e.location, { field: 'setting', file: 'enc.json' });
        const paths = (e.details as { errors: { path: string }[] }).errors.map((x) => x.path);
        assert.deepEqual(paths, ['setting', 'patient.sex']);
        return true;
      },
    );
  });

  it('at most 50 errors are reported for a hostile input', () => {
    const many = withField(
      ['diagnoses'],
      Array.from({ length: 100 }, () => ({ code: 5 })),
    );
    assert.equal(encounterErrors(many).length, 50);
  });
});

describe('docs/encounter.schema.json', () => {
  const schema = JSON.parse(readFileSync(path.join(repoRoot, 'docs/encounter.schema.json'), 'utf8')) as {
    properties: Record<
      string,
      Json & { properties?: Record<string, Json>; items?: Json & { properties: Record<string, Json> } }
    >;
    $defs: Record<string, Json>;
  };
  const p = schema.properties;

  it('states the same enums as the validator', () => {
    assert.deepEqual(p['setting']!['enum'], [...SETTINGS]);
    assert.deepEqual(p['patient']!.properties!['sex']!['enum'], [...SEXES]);
    assert.deepEqual(p['diagnoses']!.items!.properties['poa']!['enum'], [...POA_VALUES]);
    assert.deepEqual(p['procedures']!.items!.properties['system']!['enum'], [...PROCEDURE_SYSTEMS]);
  });

  it('states the same limits as the validator', () => {
    assert.equal(p['diagnoses']!['maxItems'], ENCOUNTER_LIMITS.diagnoses);
    assert.equal(p['procedures']!['maxItems'], ENCOUNTER_LIMITS.procedures);
    assert.equal(p['procedures']!.items!.properties['modifiers']!['maxItems'], ENCOUNTER_LIMITS.modifiers);
    assert.equal(p['procedures']!.items!.properties['units']!['maximum'], ENCOUNTER_LIMITS.maxUnits);
    assert.equal(p['patient']!.properties!['ageYears']!['maximum'], ENCOUNTER_LIMITS.maxAge);
    assert.equal(schema.$defs['serviceDate']!['formatMinimum'], ENCOUNTER_LIMITS.minServiceDate);
    assert.equal(schema.$defs['serviceDate']!['formatMaximum'], ENCOUNTER_LIMITS.maxServiceDate);
  });

  it('its examples are valid encounters', () => {
    const examples = (schema as unknown as { examples: unknown[] }).examples;
    assert.ok(examples.length >= 2);
    for (const e of examples) assert.deepEqual(encounterErrors(e), []);
  });

  it('allows the same fields as the validator', () => {
    assert.deepEqual(Object.keys(p).sort(), [
      'dates',
      'diagnoses',
      'documented',
      'patient',
      'procedures',
      'setting',
    ]);
    const unknown = encounterErrors({ ...VALID, extra: 1 }).map((e) => e.path);
    assert.deepEqual(unknown, ['extra']);
  });
});
