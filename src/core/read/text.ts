import { CellValue, isCellError } from '../workbook';

/** Full-width ASCII (！ to ～) and the ideographic space become their half-width forms. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += s[i];
  }
  return out;
}

/** The text a person sees in the cell, trimmed; '' for empty. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (isCellError(v)) return v.error;
  return '';
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Half-width, no white space at all (line breaks inside header cells included). */
export function compact(s: string): string {
  return toHalfWidth(s).replace(/[\s\u00a0\u200b]+/g, '');
}

/** A comparison key: compact, lower case, without punctuation that clerks type inconsistently. */
export function textKey(s: string): string {
  return compact(s).toLowerCase().replace(/[、，,。.;；:：·'"“”‘’()（）【】\[\]《》<>\-—_/\\|]/g, '');
}

/** Split a list of units or people: 、，,/；; and line breaks. */
export function splitList(s: string): string[] {
  return s
    .split(/[、，,/／;；\n\r]+|\s{2,}/)
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
}
