import { AidGroup, householdPlace } from '../consolidate/aid';
import { inLang } from '../messages';
import { OutCell, SheetDescription, LinkSpec, ColumnSpec } from './sheet';
import { TAB_NAMES } from './tab-names';
import type { TabContext } from './tabs';

const t = inLang;
const wan = (yuan: number) => Math.round(yuan) / 10_000;

function sheetsText(g: AidGroup, multiFile: boolean): string {
  if (!multiFile) return g.sheets.map((s) => s.sheet).join('、');
  const byFile = new Map<string, string[]>();
  for (const s of g.sheets) byFile.set(s.file, [...(byFile.get(s.file) ?? []), s.sheet]);
  return [...byFile].map(([f, sheets]) => `${f}：${sheets.join('、')}`).join('；');
}

/**
 * 帮扶汇总: one table a supervisor can filter by 分组 (总计 / 按县区 / 按乡镇 / 按资金来源 /
 * 按困难类型), in 元 with 万元 beside, each row naming its source sheets; a chart by county.
 */
export function aidSummaryTab(ctx: TabContext): SheetDescription | null {
  const aid = ctx.result.aid;
  if (!aid) return null;
  const { lang } = ctx;
  const multiFile = ctx.result.files.length > 1;
  const sources = aid.bySource.map((s) => s.source);
  const rows: OutCell[][] = [];
  const group = (label: string, name: string, g: Omit<AidGroup, 'sources' | 'sheets'> & Partial<Pick<AidGroup, 'sources' | 'sheets'>>): OutCell[] => [
    label,
    name,
    g.households,
    g.persons,
    g.cash,
    g.goods,
    g.amount,
    wan(g.amount),
    ...sources.map((s) => g.sources?.[s] ?? null),
    g.sheets ? sheetsText(g as AidGroup, multiFile) : '',
  ];
  const allSheets = [...new Map(aid.byTownship.flatMap((x) => x.sheets).map((s) => [`${s.file}\u0000${s.sheet}`, s])).values()];
  const sourcesTotal = Object.fromEntries(aid.bySource.map((s) => [s.source, s.amount]));
  rows.push(group(t(lang, '总计', 'Total'), t(lang, '全部', 'All'), { ...aid.total, sources: sourcesTotal, sheets: allSheets }));
  const firstCounty = rows.length;
  for (const c of aid.byCounty) rows.push(group(t(lang, '按县区', 'By county'), c.county, c));
  const lastCounty = rows.length - 1;
  for (const tw of aid.byTownship) rows.push(group(t(lang, '按乡镇', 'By township'), `${tw.county} ${tw.township}`, tw));
  for (const s of aid.bySource) {
    const r: OutCell[] = [t(lang, '按资金来源', 'By fund source'), s.source, null, null, null, null, s.amount, wan(s.amount), ...sources.map((x) => (x === s.source ? s.amount : null)), ''];
    rows.push(r);
  }
  for (const ty of aid.byType) rows.push([t(lang, '按困难类型', 'By hardship type'), ty.type, ty.households, null, null, null, ty.amount, wan(ty.amount), ...sources.map(() => null), '']);
  const columns: ColumnSpec[] = [
    { header: t(lang, '分组', 'Group'), width: 11 },
    { header: t(lang, '名称', 'Name'), width: 20 },
    { header: t(lang, '户数', 'Households'), width: 8, format: 'integer' },
    { header: t(lang, '人数', 'Persons'), width: 8, format: 'integer' },
    { header: t(lang, '慰问金（元）', 'Cash (yuan)'), width: 13, format: 'yuan' },
    { header: t(lang, '慰问品折款（元）', 'Goods (yuan)'), width: 13, format: 'yuan' },
    { header: t(lang, '合计（元）', 'Total (yuan)'), width: 14, format: 'yuan' },
    { header: t(lang, '合计（万元）', 'Total (10k yuan)'), width: 11, format: 'wanyuan' },
    ...sources.map((s) => ({ header: t(lang, `${s}（元）`, `${s} (yuan)`), width: 13, format: 'yuan' as const })),
    { header: t(lang, '来源工作表', 'Source sheets'), width: 36 },
  ];
  return {
    role: 'aid',
    name: TAB_NAMES.aid[lang],
    title: t(lang, '计生困难家庭帮扶救助汇总', 'Hardship-household aid summary'),
    subtitle: t(
      lang,
      `共 ${aid.total.households} 户、${aid.total.persons} 人，金额合计 ${aid.total.amount.toLocaleString('zh-CN')} 元（${wan(aid.total.amount)} 万元）；来源文件 ${ctx.result.files.map((f) => f.file).join('、')}`,
      `${aid.total.households} households, ${aid.total.persons} persons, ${aid.total.amount.toLocaleString('en-US')} yuan in all; files ${ctx.result.files.map((f) => f.file).join(', ')}`,
    ),
    columns,
    rows,
    links: [],
    landscape: true,
    tableName: 'LC_Aid',
    chart: lastCounty >= firstCounty ? { title: t(lang, '各县区帮扶金额（万元）', 'Aid by county (10k yuan)'), categoryCol: 1, valueCol: 7, fromRow: firstCounty, toRow: lastCounty } : undefined,
  };
}

/** 重复户核查: every household found in more than one place, one row per place. */
export function duplicatesTab(ctx: TabContext): SheetDescription | null {
  const aid = ctx.result.aid;
  if (!aid) return null;
  const { lang } = ctx;
  const rows: OutCell[][] = [];
  const links: LinkSpec[] = [];
  const multiFile = ctx.result.files.length > 1;
  const byPlace = new Map<string, { head: string; township: string; amount: number }>();
  const wanted = new Set(aid.duplicates.flatMap((d) => d.places.map((p) => `${p.file}\u0000${p.sheet}\u0000${p.cell}`)));
  for (const at of ctx.result.households) {
    const p = householdPlace(at);
    const key = `${p.file}\u0000${p.sheet}\u0000${p.cell}`;
    if (wanted.has(key)) byPlace.set(key, { head: at.household.head, township: at.household.township, amount: at.household.amount });
  }
  aid.duplicates.forEach((d, i) => {
    for (const p of d.places) {
      const h = byPlace.get(`${p.file}\u0000${p.sheet}\u0000${p.cell}`);
      rows.push([i + 1, d.id, h?.head ?? '', h?.township ?? '', h?.amount ?? null, ...(multiFile ? [p.file] : []), p.sheet, p.cell, t(lang, '待核实', 'to check')]);
      if (ctx.linkFile !== null && p.file === ctx.linkFile) links.push({ row: rows.length - 1, col: multiFile ? 7 : 6, sheet: p.sheet, cell: p.cell });
    }
  });
  return {
    role: 'duplicates',
    name: TAB_NAMES.duplicates[lang],
    title: t(lang, '重复户核查（同一身份证号出现在多处，可能重复救助）', 'Households found in more than one place'),
    subtitle: t(lang, `共 ${aid.duplicates.length} 户出现在多处；身份证号仅显示前 6 位和后 4 位`, `${aid.duplicates.length} households in more than one place; ID numbers show their first 6 and last 4 characters`),
    columns: [
      { header: t(lang, '组', 'Group'), width: 5, format: 'integer' },
      { header: t(lang, '身份证号', 'ID number'), width: 20 },
      { header: t(lang, '户主姓名', 'Head'), width: 10 },
      { header: t(lang, '乡镇（街道）', 'Township'), width: 12 },
      { header: t(lang, '金额（元）', 'Amount (yuan)'), width: 12, format: 'yuan' },
      ...(multiFile ? [{ header: t(lang, '文件', 'File'), width: 20 }] : []),
      { header: t(lang, '工作表', 'Sheet'), width: 12 },
      { header: t(lang, '单元格', 'Cell'), width: 8 },
      { header: t(lang, '核查结果', 'Outcome'), width: 12 },
    ],
    rows,
    links,
    landscape: true,
    tableName: 'LC_Duplicates',
  };
}
