/**
 * Medical and surgical procedures (ICD-10-PCS section 0) named in a note by a root-operation word and a body
 * part beside it ("gastric biopsy", "biopsy of the tongue", "resection of the sigmoid colon") give the
 * 4-character prefix 0 + body system + root operation + body part. The root operation follows the PCS
 * definitions (Guidelines B3.4a: a biopsy is Excision with the qualifier Diagnostic; B3.8: Resection is the
 * whole body part; Drainage takes fluid out); body parts are read from the release's titles
 * (pcs-body-parts.ts). Approach, device and qualifier are left to the prefix's learned full code.
 */
import type { CodeSet } from '../../terminology/code-set.ts';
import type { NoteTokens } from '../text/note-tokens.ts';
import {
  bodyPartRegions,
  regionsByKind,
  regionsNamed,
  spanOf,
  triggerPositions,
  triggerTable,
  windowOf,
} from './pcs-body-parts.ts';
import type { BodyPartRegion, PcsHit } from './pcs-body-parts.ts';

/** Root operation (3rd character of section 0) by note word (folded tokens). */
const OPERATION_WORDS: ReadonlyMap<string, string> = new Map([
  ...['biopsy', 'biopsie', 'biopsied', 'excision', 'excisional', 'excised', 'exeresi'].map(
    (w) => [w, 'B'] as const,
  ),
  ...['resection', 'resected'].map((w) => [w, 'T'] as const),
  ...['drainage', 'drained'].map((w) => [w, '9'] as const),
]);

/** Words that name the root operation and the body part at once (side, if any, from the words beside them). */
const IMPLIED_WORDS: readonly (readonly [string, string, readonly string[]])[] = [
  ['colonoscopy', 'J', ['lower', 'intestinal', 'tract']],
  ['rectosigmoidoscopy', 'J', ['lower', 'intestinal', 'tract']],
  ['sigmoidoscopy', 'J', ['lower', 'intestinal', 'tract']],
  ['gastroscopy', 'J', ['upper', 'intestinal', 'tract']],
  ['esophagogastroduodenoscopy', 'J', ['upper', 'intestinal', 'tract']],
  ['cystoscopy', 'J', ['bladder']],
  ['bronchoscopy', 'J', ['tracheobronchial', 'tree']],
  ['fibrobronchoscopy', 'J', ['tracheobronchial', 'tree']],
  ['laparotomy', 'J', ['peritoneum', 'cavity']],
  ['laparoscopy', 'J', ['peritoneum', 'cavity']],
  ['splenectomy', 'T', ['spleen']],
  ['cholecystectomy', 'T', ['gallbladder']],
  ['appendectomy', 'T', ['appendix']],
  ['appendicectomy', 'T', ['appendix']],
  ['prostatectomy', 'T', ['prostate']],
  ['cystectomy', 'T', ['bladder']],
  ['nephrectomy', 'T', ['kidney']],
  ['hysterectomy', 'T', ['uterus']],
  ['thyroidectomy', 'T', ['thyroid', 'gland']],
  ['mastectomy', 'T', ['breast']],
  ['orchiectomy', 'T', ['testis']],
  ['orchidectomy', 'T', ['testis']],
  ['gastrectomy', 'T', ['stomach']],
  ['sigmoidectomy', 'T', ['sigmoid', 'colon']],
  ['paracentesis', '9', ['peritoneum', 'cavity']],
  ['pericardiocentesis', '9', ['pericardial', 'cavity']],
  ['thoracentesis', '9', ['pleura', 'cavity']],
];

/** IMPLIED_WORDS by folded token, plurals included ("colonoscopies" folds to "colonoscopie"). */
const IMPLIED: ReadonlyMap<string, { readonly operation: string; readonly concepts: readonly string[] }> =
  new Map(
    IMPLIED_WORDS.flatMap(([w, operation, concepts]) =>
      [w, `${w.slice(0, -1)}ie`].map((k) => [k, { operation, concepts }] as const),
    ),
  );

/** Root-operation words, by vocabulary id. */
const TRIGGERS = triggerTable([...OPERATION_WORDS.keys(), ...IMPLIED.keys()]);

const OPERATIONS = new Set([...OPERATION_WORDS.values(), ...IMPLIED_WORDS.map(([, op]) => op)]);

/** "Excision of Liver, Percutaneous Approach, Diagnostic" → root operation and body part. */
function splitTitle(title: string): { operation: string; body: string } | undefined {
  const m = /^(\w+) of (.*?), (?:Open|Percutaneous|Via|External)\b/.exec(title);
  return m ? { operation: m[1]!, body: m[2]! } : undefined;
}

/** The body parts of the root operations above, by root operation character. */
export function rootOperationRegions(pcs: CodeSet): BodyPartRegion[] {
  return bodyPartRegions(
    pcs,
    (code) => (code[0] === '0' && OPERATIONS.has(code[2]!) ? code[2] : undefined),
    splitTitle,
  );
}

/** Regions by root operation, built once per PCS code set. */
const regionsByOperation = regionsByKind(rootOperationRegions);

/** Section 0 prefixes named in the note, one hit per root-operation word and body part (the most specific). */
export function matchRootOperations(pcs: CodeSet, tokens: NoteTokens): PcsHit[] {
  const byOperation = regionsByOperation(pcs);
  const hits: PcsHit[] = [];
  const { norm, sentence } = tokens;
  for (const i of triggerPositions(tokens, TRIGGERS)) {
    const implied = IMPLIED.get(norm[i]!);
    const operation = OPERATION_WORDS.get(norm[i]!) ?? implied?.operation;
    if (operation === undefined) continue;
    const window = windowOf(norm, sentence, i);
    for (const r of regionsNamed(byOperation.get(operation), norm, window, implied?.concepts)) {
      hits.push({ prefix: r.prefix, ...spanOf(norm, window, r), path: r.title });
    }
  }
  return hits;
}
