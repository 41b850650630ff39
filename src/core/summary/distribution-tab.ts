import { WHOLE_TABLE } from '../distribution';
import { inLang } from '../lang';
import { displayWidth, OutCell, SheetDescription } from './sheet';
import { TAB_NAMES } from './tab-names';
import type { TabContext } from './sheet';

const t = inLang;

/**
 * 问题分布: errors and warnings per file, per county and township, per lead unit, worst first,
 * so a supervisor sends each workbook back to the office that has to fix it, with its count.
 */
export function distributionTab(ctx: TabContext): SheetDescription {
  const { lang } = ctx;
  const d = ctx.result.distribution;
  const rows: OutCell[][] = [];
  const tally = (x: { errors: number; warnings: number; infos: number }) => [x.errors, x.warnings, x.infos];
  for (const f of d.byFile) rows.push([t(lang, '按文件', 'By file'), f.file, ...tally(f)]);
  for (const p of d.byPlace) rows.push([t(lang, '按县区乡镇', 'By county and township'), `${p.county} ${p.township}`, ...tally(p)]);
  for (const u of d.byUnit) rows.push([t(lang, '按牵头单位', 'By lead unit'), u.unit === WHOLE_TABLE.zh ? WHOLE_TABLE[lang] : u.unit, ...tally(u)]);
  const longest = Math.max(20, ...rows.map((r) => displayWidth(String(r[1]))));
  return {
    role: 'distribution',
    name: TAB_NAMES.distribution[lang],
    title: t(lang, '问题分布（谁来改：问题多的在前）', 'Who fixes what: findings by file, place and lead unit, worst first'),
    subtitle: t(lang, '各单元格的问题和改法见“检查结果”；按“分组”筛选', 'Each cell and what to do: see the Findings tab; filter by Group'),
    columns: [
      { header: t(lang, '分组', 'Group'), width: 12 },
      { header: t(lang, '名称', 'Name'), width: Math.min(longest, 60) },
      { header: t(lang, '错误', 'Errors'), width: 7, format: 'integer' },
      { header: t(lang, '警告', 'Warnings'), width: 7, format: 'integer' },
      { header: t(lang, '提示', 'Notes'), width: 7, format: 'integer' },
    ],
    rows,
    links: [],
    landscape: false,
    tableName: 'LC_Distribution',
  };
}

