import { MedcodeError } from './medcode-error.ts';

/** An ISO calendar date, YYYY-MM-DD. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Validates a YYYY-MM-DD date (a real calendar day) and returns it; throws INVALID_INPUT otherwise. */
export function parseIsoDate(value: string, field = 'date'): IsoDate {
  const m = ISO_DATE.exec(value);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dt = new Date(Date.UTC(y, mo - 1, d));
    if (dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d) return value;
  }
  throw new MedcodeError('INVALID_INPUT', `"${value}" is not a calendar date`, {
    location: { field },
    hint: 'Write the date of service as YYYY-MM-DD, for example 2026-01-15.',
  });
}

/**
 * The US federal fiscal year of a date: ICD-10-CM and ICD-10-PCS releases take effect on October 1,
 * so FY2026 runs from 2025-10-01 to 2026-09-30.
 */
export function fiscalYearOf(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month >= 10 ? year + 1 : year;
}

/** First and last day of a fiscal year. */
export function fiscalYearRange(fy: number): { from: IsoDate; to: IsoDate } {
  return { from: `${fy - 1}-10-01`, to: `${fy}-09-30` };
}

/** Today's date in UTC as YYYY-MM-DD. */
export function today(): IsoDate {
  return new Date().toISOString().slice(0, 10);
}

/** Converts a CCYYMMDD field (HCPCS file) to an ISO date, or undefined when blank or zero. */
export function fromCompactDate(value: string): IsoDate | undefined {
  const v = value.trim();
  if (!/^\d{8}$/.test(v) || v === '00000000') return undefined;
  return `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`;
}
