/**
 * Combination codes the "with" convention requires (Guidelines I.A.15): the tabular presumes a causal link
 * between diabetes and chronic kidney disease (E11.22 with the N18 stage as an additional code) and between
 * hypertension and heart failure / CKD (I.C.9.a: I11, I12, I13). When both parts are coded separately,
 * the separate code is replaced by the combination code; the stage / heart-failure code stays.
 */
import { setAsideItem, workingCode } from './working-code.ts';
import type { RuleOutcome, WorkingCode } from './working-code.ts';

const CKD = /^N18/;
const ESRD_OR_STAGE5 = /^N18(5|6)/;
const HEART_FAILURE = /^I50/;
/** Diabetes codes without a stated complication: E08-E13 with ".9" (without complications). */
const DIABETES_PLAIN = /^E(0[89]|1[0-3])9$/;

interface Replacement {
  readonly replace: WorkingCode;
  readonly code: string;
  readonly guideline: string;
  readonly because: readonly WorkingCode[];
  /** Codes the combination contains, set aside when also coded on their own (I12.9 beside I13.0). */
  readonly absorbs?: RegExp;
}

function hypertension(items: readonly WorkingCode[]): Replacement | undefined {
  const htn = items.find((i) => i.system === 'icd10cm' && i.code === 'I10');
  if (!htn) return undefined;
  const ckd = items.find((i) => CKD.test(i.code));
  const hf = items.find((i) => HEART_FAILURE.test(i.code));
  const late = ckd !== undefined && ESRD_OR_STAGE5.test(ckd.code);
  if (ckd && hf) {
    const code = late ? 'I132' : 'I130';
    return {
      replace: htn,
      code,
      guideline: "I.C.9.a.3 hypertensive heart and CKD ('with')",
      because: [ckd, hf],
      absorbs: /^I1[12]/,
    };
  }
  if (ckd) {
    return {
      replace: htn,
      code: late ? 'I120' : 'I129',
      guideline: "I.C.9.a.2 hypertensive CKD ('with')",
      because: [ckd],
    };
  }
  if (hf)
    return {
      replace: htn,
      code: 'I110',
      guideline: "I.C.9.a.1 hypertension with heart disease ('with')",
      because: [hf],
    };
  return undefined;
}

function diabetes(items: readonly WorkingCode[]): Replacement | undefined {
  const dm = items.find((i) => i.system === 'icd10cm' && DIABETES_PLAIN.test(i.code));
  const ckd = items.find((i) => CKD.test(i.code));
  if (!dm || !ckd) return undefined;
  return {
    replace: dm,
    code: `${dm.code.slice(0, 3)}22`,
    guideline: "I.A.15 'with': diabetes with CKD",
    because: [ckd],
  };
}

/** Applies the combination rules; `describe` gives a code's title (to check it exists in the release). */
export function applyCombinations(
  items: readonly WorkingCode[],
  exists: (code: string) => boolean,
): RuleOutcome {
  let kept = [...items];
  const setAside: RuleOutcome['setAside'] = [];
  for (const rule of [diabetes, hypertension]) {
    const r = rule(kept);
    if (!r || !exists(r.code)) continue;
    const combined = workingCode(
      r.replace.system,
      r.code,
      r.replace.confidence,
      [...r.replace.mentions, ...r.because.flatMap((b) => b.mentions)],
      `combination of ${[r.replace, ...r.because].map((b) => b.code).join(' + ')}`,
      r.guideline,
    );
    kept = kept.map((i) => (i === r.replace ? combined : i));
    setAside.push(setAsideItem(r.replace, 'combined', `replaced by ${r.code} (${r.guideline})`));
    for (const part of kept.filter((i) => i.system === 'icd10cm' && r.absorbs?.test(i.code))) {
      kept = kept.filter((i) => i !== part);
      setAside.push(setAsideItem(part, 'combined', `contained in ${r.code} (${r.guideline})`));
    }
    // The combination code proposed on its own as well (a learned phrase for E11.22): one code, listed once.
    for (const same of kept.filter(
      (i) => i !== combined && i.system === combined.system && i.code === r.code,
    )) {
      kept = kept.filter((i) => i !== same);
      setAside.push(
        setAsideItem(same, 'combined', `coded once, as the combination ${r.code} (${r.guideline})`),
      );
    }
  }
  return { kept, setAside };
}
