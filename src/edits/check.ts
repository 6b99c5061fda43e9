/**
 * The claim scrubber: every edit over one encounter. Pure; the context supplies code sets and tables.
 *
 * @example
 * const findings = check(parseEncounter(json), editContext([cm2026, pcs2026, hcpcs2026]));
 */
import { ageSexEdit } from './age-sex-edit.ts';
import { dxValidityEdit } from './dx-validity-edit.ts';
import type { EditContext } from './edit-context.ts';
import type { Encounter } from './encounter-schema.ts';
import { etiologyManifestationEdit } from './etiology-manifestation-edit.ts';
import { excludes1Edit } from './excludes1-edit.ts';
import type { Finding } from './finding.ts';
import { sortFindings } from './finding.ts';
import { hcpcsEdit } from './hcpcs-edit.ts';
import { injurySeventhEdit } from './injury-seventh-edit.ts';
import { ncciEdit } from './ncci-edit.ts';
import { pcsEdit } from './pcs-edit.ts';
import { prepareEncounter } from './prepared-encounter.ts';
import { sequencingEdit } from './sequencing-edit.ts';
import { useAdditionalCodeEdit } from './use-additional-code-edit.ts';

/** Checks a validated encounter; findings come errors first, then warnings, then info. */
export function check(encounter: Encounter, context: EditContext): Finding[] {
  const p = prepareEncounter(encounter, context);
  const out: Finding[] = [];
  dxValidityEdit(p, context, out);
  excludes1Edit(p, out);
  etiologyManifestationEdit(p, out);
  useAdditionalCodeEdit(p, out);
  sequencingEdit(p, out);
  ageSexEdit(p, context, out);
  injurySeventhEdit(p, out);
  pcsEdit(p, context, out);
  hcpcsEdit(p, context, out);
  ncciEdit(p, context, out);
  return sortFindings(out);
}
