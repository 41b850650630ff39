import type { Bilingual } from '../kind';
import type { Lang } from '../lang';
import type { ColumnSpec } from './sheet';

/**
 * How one of our summary tabs is known after an office edited it (summary/edited-tab.ts): its
 * title (A1) and its header row (row 3). Core's own tabs declare theirs in edited-tab.ts; a kind
 * declares its tabs' in its folder (`KindSpec.tabSignatures`), built from the texts its tabs are
 * written with so the two cannot drift.
 */
export interface TabSignature {
  /** The tab's role (SheetDescription.role). */
  role: string;
  title: RegExp;
  /** Over the header cells joined by tabs (see `row`). */
  header: RegExp;
}

export type Part = string | { optional: string } | { cell: string } | { cells: string; atLeast: 0 | 1 };
/** A header cell written only sometimes (文件 with several files). */
export const opt = (header: string): Part => ({ optional: header });
/** One header cell of a pattern (regex source, no tab). */
export const cell = (re: string): Part => ({ cell: re });
/** Any number (at least `atLeast`) of header cells of a pattern (one per fund source, per choice). */
export const cells = (re: string, atLeast: 0 | 1 = 1): Part => ({
  cells: re,
  atLeast,
});

/** A text as regex source matching itself. */
export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Regex source of one header cell's text: anything but a tab. */
export const NOT_TAB = '[^\\t]+';

/** The header row as one regex over the cells joined by tabs. */
export function row(...parts: Part[]): RegExp {
  const src = parts
    .map((p, i) => {
      const sep = i === 0 ? '' : '\\t';
      if (typeof p === 'string') return sep + escape(p);
      if ('optional' in p) return `(?:${sep}${escape(p.optional)})?`;
      if ('cell' in p) return `${sep}(?:${p.cell})`;
      return `(?:${sep}(?:${p.cells}))${p.atLeast === 0 ? '*' : '+'}`;
    })
    .join('');
  // An optional or repeated first part would start with a tab: the first part is always plain here.
  return new RegExp(`^${src}$`);
}

/**
 * Regex source of the texts `render` makes, its variable parts matching `holes` (regex sources):
 * a title or header built by the same function the tab is written with.
 */
export function shaped(render: (...parts: string[]) => string, ...holes: string[]): string {
  const marks = holes.map((_, i) => `\u0000${i}\u0000`);
  let src = escape(render(...marks));
  holes.forEach((h, i) => (src = src.split(marks[i]).join(`(?:${h})`)));
  return src;
}

/** A title that is exactly this text. */
export const exact = (title: string) => new RegExp(`^${escape(title)}$`);

/** A column of a tab whose header is fixed: one description for both languages. */
export type FixedColumn = Omit<ColumnSpec, 'header'> & { header: Bilingual };

/** The columns in one language, for the tab's description. */
export function columnsIn(lang: Lang, columns: readonly FixedColumn[]): ColumnSpec[] {
  return columns.map((c) => ({ ...c, header: c.header[lang] }));
}

/** The signatures of a tab in both languages, from what it writes in each. */
export function inBothLangs(role: string, title: (lang: Lang) => RegExp, header: (lang: Lang) => Part[]): TabSignature[] {
  return (['zh', 'en'] as const).map((lang) => ({ role, title: title(lang), header: row(...header(lang)) }));
}

/** The signatures of a tab whose title and every column are fixed. */
export function fixedTabSignatures(role: string, title: Bilingual, columns: readonly FixedColumn[]): TabSignature[] {
  return inBothLangs(role, (lang) => exact(title[lang]), (lang) => columns.map((c) => c.header[lang]));
}
