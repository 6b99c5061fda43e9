/**
 * Age and sex edits of the Medicare Code Editor (MCE): a diagnosis for newborns, children, maternity
 * or adults outside that age band (AGE_BANDS), and a diagnosis for one sex on a patient of the other.
 * Lists: the official MCE lists when `context.mce` is given, else derived from the tabular
 * (age-sex-derivation.ts). Severity: error with the official lists and for the derived chapter-based
 * bands (newborn, maternity); warning for the derived title-based bands (pediatric, adult). Sex edits
 * follow `options.sexEdits` (default warning: CMS turned them off in MCE v42, October 2024).
 */
import { displayCode } from '../terminology/code-system.ts';
import type { AgeSexClass } from './age-sex-derivation.ts';
import { deriveAgeSex } from './age-sex-derivation.ts';
import type { CodeFacts } from './dx-facts.ts';
import type { EditContext } from './edit-context.ts';
import type { EditId, Finding, FindingSource, Severity } from './finding.ts';
import type { AgeBand, MceLists } from './mce-lists.ts';
import { AGE_BANDS } from './mce-lists.ts';
import type { PreparedEncounter } from './prepared-encounter.ts';

const show = (c: string): string => displayCode('icd10cm', c);
const DERIVED = new WeakMap<CodeFacts, AgeSexClass>();
const AGE_IDS: Readonly<Record<AgeBand, EditId>> = {
  newborn: 'DX_AGE_NEWBORN',
  pediatric: 'DX_AGE_PEDIATRIC',
  maternity: 'DX_AGE_MATERNITY',
  adult: 'DX_AGE_ADULT',
};

function derived(f: CodeFacts): AgeSexClass {
  let c = DERIVED.get(f);
  if (!c) {
    c = deriveAgeSex(f);
    DERIVED.set(f, c);
  }
  return c;
}

function fromMce(mce: MceLists, code: string): AgeSexClass {
  const l = mce.lists;
  const age: AgeBand | undefined = l.newborn.has(code)
    ? 'newborn'
    : l.pediatric.has(code)
      ? 'pediatric'
      : l.maternity.has(code)
        ? 'maternity'
        : l.adult.has(code)
          ? 'adult'
          : undefined;
  const sex = l.female.has(code) ? 'female' : l.male.has(code) ? 'male' : undefined;
  return { ...(age ? { age } : {}), ...(sex ? { sex } : {}) };
}

function source(p: PreparedEncounter, mce: MceLists | undefined): FindingSource {
  if (mce) return { kind: 'mce', file: mce.file, ...(mce.year === undefined ? {} : { year: mce.year }) };
  const layer = p.cm?.info.layers.tabular;
  return {
    kind: 'mce',
    section: 'MCE age/sex edits; lists derived from the tabular (src/edits/age-sex-derivation.ts)',
    ...(layer ? { file: layer.versionId, year: layer.year } : {}),
  };
}

export function ageSexEdit(p: PreparedEncounter, ctx: EditContext, out: Finding[]): void {
  const mce = ctx.mce;
  const sexMode = ctx.options?.sexEdits ?? 'warning';
  const patientSex = p.encounter.patient.sex;
  for (const d of p.dx) {
    if (!d.facts?.record) continue;
    const cls = mce ? fromMce(mce, d.code) : derived(d.facts);
    if (cls.age && p.age !== undefined) {
      const band = AGE_BANDS[cls.age];
      if (p.age < band.min || p.age > band.max) {
        const severity: Severity =
          mce || cls.age === 'newborn' || cls.age === 'maternity' ? 'error' : 'warning';
        out.push({
          id: AGE_IDS[cls.age],
          severity,
          codes: [d.code],
          fields: [d.field, 'patient'],
          message: `${show(d.code)} is a ${cls.age} diagnosis (age ${band.min}-${band.max}); the patient is ${p.age}.`,
          fix: { message: 'Check the patient age or birth date, or choose a code for this age.' },
          source: source(p, mce),
        });
      }
    }
    if (
      sexMode !== 'off' &&
      cls.sex &&
      (patientSex === 'female' || patientSex === 'male') &&
      cls.sex !== patientSex
    ) {
      out.push({
        id: 'DX_SEX_CONFLICT',
        severity: sexMode,
        codes: [d.code],
        fields: [d.field, 'patient.sex'],
        message: `${show(d.code)} is a ${cls.sex}-only diagnosis; the patient is ${patientSex}.`,
        fix: { message: 'Check the patient sex or the code.' },
        source: source(p, mce),
      });
    }
  }
}
