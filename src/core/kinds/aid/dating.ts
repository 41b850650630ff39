import { dayFromIso, readDateCached } from '../../read/date';
import { Settings } from '../../settings';
import { CellValue } from '../../workbook';
import { Household } from './household';

export interface DatingYears {
  /** The year of year-less dates (1月13日). */
  year: number;
  /** A campaign window across New Year: the other year, tried when the first misses the window. */
  alt: number | null;
  from: number;
  to: number;
}

/** Year-less dates take the campaign window's year, else the title's (2017年春节…), else the as-of date's. */
export function datingYears(campaign: Settings['window'], titleYear: number | null, refYear: number): DatingYears {
  if (campaign) {
    const a = Number(campaign.from.slice(0, 4));
    const b = Number(campaign.to.slice(0, 4));
    return { year: a, alt: b !== a ? b : null, from: dayFromIso(campaign.from)!, to: dayFromIso(campaign.to)! };
  }
  return { year: titleYear ?? refYear, alt: null, from: 0, to: 0 };
}

/** 12月28日 in a window from 2016-12-25 to 2017-01-22 is 2016; 1月13日 is 2017. */
export function redate(h: Household, v: CellValue, years: DatingYears) {
  const d = h.visitDate;
  if (typeof v !== 'string' || d.kind !== 'date' || (d.day >= years.from && d.day <= years.to) || /\d{4}/.test(v)) return;
  const other = readDateCached(v, years.alt!);
  if (other.kind === 'date' && other.day >= years.from && other.day <= years.to) h.visitDate = other;
}
