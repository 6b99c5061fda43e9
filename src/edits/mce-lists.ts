/**
 * Medicare Code Editor (MCE) age and sex lists: the official ones when the user supplies them, else the
 * lists derived from the tabular (age-sex-derivation.ts).
 *
 * File format (our own; the MCE Definitions Manual publishes the lists as tables, export them to it):
 *   # comment lines and blank lines are ignored
 *   list<TAB or comma>code
 *   newborn	P07.30
 *   maternity	O80
 *   female	N80.0
 * `list` is one of newborn, pediatric, maternity, adult, female, male; the code is ICD-10-CM with or
 * without its dot. A first line "list,code" (a header) is skipped.
 */
import { MedcodeError } from '../core/medcode-error.ts';
import { normalizeCode } from '../terminology/code-system.ts';

export const MCE_LISTS = ['newborn', 'pediatric', 'maternity', 'adult', 'female', 'male'] as const;
export type MceList = (typeof MCE_LISTS)[number];
export type AgeBand = 'newborn' | 'pediatric' | 'maternity' | 'adult';

/** MCE age bands in whole years, inclusive (MCE: newborn 0, pediatric 0-17, maternity 9-64, adult 15-124). */
export const AGE_BANDS: Readonly<Record<AgeBand, { readonly min: number; readonly max: number }>> = {
  newborn: { min: 0, max: 0 },
  pediatric: { min: 0, max: 17 },
  maternity: { min: 9, max: 64 },
  adult: { min: 15, max: 124 },
};

export interface MceLists {
  /** Where the lists came from, for the findings' source (file name, MCE version). */
  readonly file: string;
  readonly year?: number;
  readonly lists: Readonly<Record<MceList, ReadonlySet<string>>>;
}

/** Parses the documented MCE list format; throws EDIT_FILE_INVALID with the line of a bad row. */
export function parseMceLists(text: string, file: string, year?: number): MceLists {
  const lists = Object.fromEntries(MCE_LISTS.map((l) => [l, new Set<string>()])) as Record<
    MceList,
    Set<string>
  >;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [list, code, ...rest] = line.split(/\s*[\t,]\s*/);
    if (i === 0 && list?.toLowerCase() === 'list') return;
    const name = list?.toLowerCase() as MceList | undefined;
    if (
      !name ||
      !MCE_LISTS.includes(name) ||
      !code ||
      rest.length ||
      !/^[A-Z]\d[0-9A-Z.]{1,6}$/i.test(code)
    ) {
      throw new MedcodeError(
        'EDIT_FILE_INVALID',
        `MCE list row is not "list<TAB>code": ${JSON.stringify(raw)}`,
        {
          location: { file, line: i + 1 },
          hint: `Lists are ${MCE_LISTS.join(', ')}; see src/edits/mce-lists.ts for the format.`,
        },
      );
    }
    lists[name].add(normalizeCode(code));
  });
  return { file, ...(year === undefined ? {} : { year }), lists };
}
