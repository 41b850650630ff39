import { AidGroup, AidSummary, Pending } from './consolidate';
import { DuplicateKind } from './duplicate-groups';
import { aidHeadline } from './headline';
import { inLang, Lang } from '../../lang';
import { displayWidth } from '../../summary/distribution-tab';
import { OutCell, SheetDescription, LinkSpec, ColumnSpec, TabContext } from '../../summary/sheet';
import { link } from '../../summary/links';

const TAB_NAMES = {
  aid: { zh: '帮扶汇总', en: 'Aid summary' },
  duplicates: { zh: '重复户核查', en: 'Duplicate households' },
};

const t = inLang;
const wan = (yuan: number) => Math.round(yuan) / 10_000;

function sheetsText(sheets: AidGroup['sheets'], multiFile: boolean): string {
  if (!multiFile) return sheets.map((s) => s.sheet).join('、');
  const byFile = new Map<string, string[]>();
  for (const s of sheets) byFile.set(s.file, [...(byFile.get(s.file) ?? []), s.sheet]);
  return [...byFile].map(([f, sheets]) => `${f}：${sheets.join('、')}`).join('；');
}

/**
 * 帮扶汇总: one table a supervisor can filter by 分组 (总计 / 按县区 / 按乡镇 / 按资金来源 /
 * 按困难类型), in 元 with 万元 beside, each row naming its source sheets; a chart by county.
 * Households, persons and money are the verified ones; money the check doubts stands apart in
 * the 待核实 columns, so every row adds up: 慰问金 + 慰问品折款 (+ 未分列) = 合计 = the sources.
 */
export function aidSummaryTab(aid: AidSummary, ctx: TabContext): SheetDescription | null {
  const { lang } = ctx;
  const multiFile = ctx.result.files.length > 1;
  const sources = aid.bySource.map((s) => s.source);
  // Only ledgers that give a bare 合计 need the column; most never see it.
  const withUnsplit = aid.total.unsplit !== 0;
  const rows: OutCell[][] = [];
  type Figures = Partial<Omit<AidGroup, 'pending'>> & { amount: number; pending?: Pending };
  const group = (label: string, name: string, g: Figures): OutCell[] => [
    label,
    name,
    g.households ?? null,
    g.persons ?? null,
    g.cash ?? null,
    g.goods ?? null,
    ...(withUnsplit ? [g.unsplit ?? null] : []),
    g.amount,
    wan(g.amount),
    ...sources.map((s) => g.sources?.[s] ?? null),
    g.pending?.households ?? null,
    g.pending?.values ?? null,
    g.pending?.amount ?? null,
    g.sheets ? sheetsText(g.sheets, multiFile) : '',
  ];
  const allSheets = [...new Map(aid.byTownship.flatMap((x) => x.sheets).map((s) => [`${s.file}\u0000${s.sheet}`, s])).values()];
  const sourcesTotal = Object.fromEntries(aid.bySource.map((s) => [s.source, s.amount]));
  rows.push(group(t(lang, '总计', 'Total'), t(lang, '全部', 'All'), { ...aid.total, sources: sourcesTotal, sheets: allSheets }));
  const firstCounty = rows.length;
  for (const c of aid.byCounty) rows.push(group(t(lang, '按县区', 'By county'), c.county, c));
  const lastCounty = rows.length - 1;
  for (const tw of aid.byTownship) rows.push(group(t(lang, '按乡镇', 'By township'), `${tw.county} ${tw.township}`, tw));
  for (const s of aid.bySource) rows.push(group(t(lang, '按资金来源', 'By fund source'), s.source, { amount: s.amount, sources: { [s.source]: s.amount } }));
  for (const ty of aid.byType) rows.push(group(t(lang, '按困难类型', 'By hardship type'), ty.type, ty));
  const columns: ColumnSpec[] = [
    { header: t(lang, '分组', 'Group'), width: 11 },
    { header: t(lang, '名称', 'Name'), width: 20 },
    { header: t(lang, '户数', 'Households'), width: 8, format: 'integer' },
    { header: t(lang, '人数', 'Persons'), width: 8, format: 'integer' },
    { header: t(lang, '慰问金（元）', 'Cash (yuan)'), width: 13, format: 'yuan' },
    { header: t(lang, '慰问品折款（元）', 'Goods (yuan)'), width: 13, format: 'yuan' },
    ...(withUnsplit ? [{ header: t(lang, '未分列（元）', 'Not split (yuan)'), width: 13, format: 'yuan' as const }] : []),
    { header: t(lang, '合计（元）', 'Total (yuan)'), width: 14, format: 'yuan' },
    { header: t(lang, '合计（万元）', 'Total (10k yuan)'), width: 11, format: 'wanyuan' },
    ...sources.map((s) => ({ header: t(lang, `${s}（元）`, `${s} (yuan)`), width: 13, format: 'yuan' as const })),
    { header: t(lang, '待核实户数', 'Households to check'), width: 9, format: 'integer' },
    { header: t(lang, '待核实金额（处）', 'Amounts to check'), width: 9, format: 'integer' },
    { header: t(lang, '待核实金额（元，账面数）', 'To check (yuan, as written)'), width: 14, format: 'yuan' },
    { header: t(lang, '来源工作表', 'Source sheets'), width: 36 },
  ];
  const totalWanCol = withUnsplit ? 8 : 7;
  return {
    role: 'aid',
    name: TAB_NAMES.aid[lang],
    title: t(lang, '计生困难家庭帮扶救助汇总（只计已核实的金额）', 'Hardship-household aid summary (verified amounts only)'),
    subtitle:
      aidHeadline(aid.total, lang) +
      t(lang, `。来源文件 ${ctx.result.files.map((f) => f.file).join('、')}`, `. Files ${ctx.result.files.map((f) => f.file).join(', ')}`),
    columns,
    rows,
    links: [],
    landscape: true,
    tableName: 'LC_Aid',
    chart: lastCounty >= firstCounty ? { title: t(lang, '各县区帮扶金额（万元，已核实）', 'Verified aid by county (10k yuan)'), categoryCol: 1, valueCol: totalWanCol, fromRow: firstCounty, toRow: lastCounty } : undefined,
  };
}

const KIND_TEXT: Record<DuplicateKind, Record<Lang, string>> = {
  'aided-twice': { zh: '同一人登记在多处：可能重复救助，待核实', en: 'Same person in several places: aided twice? To check' },
  'id-mistyped': { zh: '同一号码、不同姓名：某处身份证号可能录错', en: 'Same number, different names: an ID typed wrong somewhere' },
};

/** 重复户核查: every household found in more than one place, one row per place. */
export function duplicatesTab(aid: AidSummary, ctx: TabContext): SheetDescription | null {
  const { lang } = ctx;
  const rows: OutCell[][] = [];
  const links: LinkSpec[] = [];
  const multiFile = ctx.result.files.length > 1;
  const cellCol = multiFile ? 9 : 8;
  aid.duplicates.forEach((d, i) => {
    for (const p of d.places) {
      rows.push([i + 1, KIND_TEXT[d.kind][lang], d.id, p.head, p.county, p.township, p.amount, ...(multiFile ? [p.file] : []), p.sheet, p.cell, t(lang, '待核实', 'to check')]);
      link(rows, cellCol, p.file, p.sheet, p.cell, ctx, links);
    }
  });
  const twice = aid.duplicates.filter((d) => d.kind === 'aided-twice').length;
  const fileWidth = Math.max(12, ...ctx.result.files.map((f) => displayWidth(f.file)));
  const sheetWidth = Math.max(10, ...aid.duplicates.flatMap((d) => d.places.map((p) => displayWidth(p.sheet))));
  return {
    role: 'duplicates',
    name: TAB_NAMES.duplicates[lang],
    title: t(lang, '重复户核查（同一身份证号出现在多处）', 'Households found in more than one place'),
    subtitle: t(
      lang,
      `共 ${aid.duplicates.length} 个号码出现在多处：${twice} 个姓名相同（可能重复救助），${aid.duplicates.length - twice} 个姓名不同（号码可能录错）；身份证号仅显示前 6 位和后 4 位`,
      `${aid.duplicates.length} ID numbers in more than one place: ${twice} under the same name (aided twice?), ${aid.duplicates.length - twice} under different names (mistyped?); IDs show their first 6 and last 4 characters`,
    ),
    columns: [
      { header: t(lang, '组', 'Group'), width: 5, format: 'integer' },
      { header: t(lang, '可能情况', 'Likely'), width: 30 },
      { header: t(lang, '身份证号', 'ID number'), width: 20 },
      { header: t(lang, '户主姓名', 'Head'), width: 10 },
      { header: t(lang, '县（市、区）', 'County'), width: 10 },
      { header: t(lang, '乡镇（街道）', 'Township'), width: 12 },
      { header: t(lang, '金额（元）', 'Amount (yuan)'), width: 12, format: 'yuan' },
      ...(multiFile ? [{ header: t(lang, '文件', 'File'), width: Math.min(fileWidth + 1, 80) }] : []),
      { header: t(lang, '工作表', 'Sheet'), width: Math.min(sheetWidth + 1, 40) },
      { header: t(lang, '单元格', 'Cell'), width: 8 },
      { header: t(lang, '核查结果', 'Outcome'), width: 12 },
    ],
    rows,
    links,
    landscape: true,
    tableName: 'LC_Duplicates',
  };
}

/** 帮扶汇总 and, when households were found twice, 重复户核查. */
export function aidTabs(aid: AidSummary, ctx: TabContext): SheetDescription[] {
  return [aidSummaryTab(aid, ctx), duplicatesTab(aid, ctx)].filter((t): t is SheetDescription => t !== null);
}
