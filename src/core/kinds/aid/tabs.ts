import { AidGroup, AidSummary, Pending } from './consolidate';
import { DuplicateKind } from './duplicate-groups';
import { aidHeadline } from './headline';
import { inLang, Lang } from '../../lang';
import { displayWidth } from '../../summary/sheet';
import { OutCell, SheetDescription, LinkSpec, ColumnSpec, TabContext } from '../../summary/sheet';
import { link } from '../../summary/links';
import { cells, escape, exact, inBothLangs, NOT_TAB, opt, TabSignature } from '../../summary/tab-signature';
import type { Bilingual } from '../../kind';

const TAB_NAMES = {
  aid: { zh: '帮扶汇总', en: 'Aid summary' },
  duplicates: { zh: '重复户核查', en: 'Duplicate households' },
};

const t = inLang;

/** Each tab's title and headers in both languages: what it writes, and how it is known after an edit. */
const AID = {
  title: { zh: '计生困难家庭帮扶救助汇总（只计已核实的金额）', en: 'Hardship-household aid summary (verified amounts only)' },
  group: { zh: '分组', en: 'Group' },
  name: { zh: '名称', en: 'Name' },
  households: { zh: '户数', en: 'Households' },
  persons: { zh: '人数', en: 'Persons' },
  cash: { zh: '慰问金（元）', en: 'Cash (yuan)' },
  goods: { zh: '慰问品折款（元）', en: 'Goods (yuan)' },
  unsplit: { zh: '未分列（元）', en: 'Not split (yuan)' },
  total: { zh: '合计（元）', en: 'Total (yuan)' },
  totalWan: { zh: '合计（万元）', en: 'Total (10k yuan)' },
  pendingHouseholds: { zh: '待核实户数', en: 'Households to check' },
  pendingValues: { zh: '待核实金额（处）', en: 'Amounts to check' },
  pendingAmount: { zh: '待核实金额（元，账面数）', en: 'To check (yuan, as written)' },
  sheets: { zh: '来源工作表', en: 'Source sheets' },
  /** After a fund source's name: one column per source. */
  sourceSuffix: { zh: '（元）', en: ' (yuan)' },
} satisfies Record<string, Bilingual>;

const DUPLICATES = {
  title: { zh: '重复户核查（同一身份证号出现在多处）', en: 'Households found in more than one place' },
  group: { zh: '组', en: 'Group' },
  likely: { zh: '可能情况', en: 'Likely' },
  id: { zh: '身份证号', en: 'ID number' },
  head: { zh: '户主姓名', en: 'Head' },
  county: { zh: '县（市、区）', en: 'County' },
  township: { zh: '乡镇（街道）', en: 'Township' },
  amount: { zh: '金额（元）', en: 'Amount (yuan)' },
  file: { zh: '文件', en: 'File' },
  sheet: { zh: '工作表', en: 'Sheet' },
  cell: { zh: '单元格', en: 'Cell' },
  outcome: { zh: '核查结果', en: 'Outcome' },
} satisfies Record<string, Bilingual>;

/**
 * 帮扶汇总 and 重复户核查 as an office may have edited them (KindSpec.tabSignatures): 未分列 only
 * when some amounts were not split, one column per fund source, 文件 only with several files.
 */
export const AID_TAB_SIGNATURES: readonly TabSignature[] = [
  ...inBothLangs('aid', (lang) => exact(AID.title[lang]), (lang) => {
    const h = (k: keyof typeof AID) => AID[k][lang];
    const sources = cells(`${NOT_TAB}${escape(AID.sourceSuffix[lang])}`, 0);
    return [h('group'), h('name'), h('households'), h('persons'), h('cash'), h('goods'), opt(h('unsplit')), h('total'), h('totalWan'), sources, h('pendingHouseholds'), h('pendingValues'), h('pendingAmount'), h('sheets')];
  }),
  ...inBothLangs('duplicates', (lang) => exact(DUPLICATES.title[lang]), (lang) => {
    const h = (k: keyof typeof DUPLICATES) => DUPLICATES[k][lang];
    return [h('group'), h('likely'), h('id'), h('head'), h('county'), h('township'), h('amount'), opt(h('file')), h('sheet'), h('cell'), h('outcome')];
  }),
];

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
    { header: AID.group[lang], width: 11 },
    { header: AID.name[lang], width: 20 },
    { header: AID.households[lang], width: 8, format: 'integer' },
    { header: AID.persons[lang], width: 8, format: 'integer' },
    { header: AID.cash[lang], width: 13, format: 'yuan' },
    { header: AID.goods[lang], width: 13, format: 'yuan' },
    ...(withUnsplit ? [{ header: AID.unsplit[lang], width: 13, format: 'yuan' as const }] : []),
    { header: AID.total[lang], width: 14, format: 'yuan' },
    { header: AID.totalWan[lang], width: 11, format: 'wanyuan' },
    ...sources.map((s) => ({ header: `${s}${AID.sourceSuffix[lang]}`, width: 13, format: 'yuan' as const })),
    { header: AID.pendingHouseholds[lang], width: 9, format: 'integer' },
    { header: AID.pendingValues[lang], width: 9, format: 'integer' },
    { header: AID.pendingAmount[lang], width: 14, format: 'yuan' },
    { header: AID.sheets[lang], width: 36 },
  ];
  const totalWanCol = withUnsplit ? 8 : 7;
  return {
    role: 'aid',
    name: TAB_NAMES.aid[lang],
    title: AID.title[lang],
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
    title: DUPLICATES.title[lang],
    subtitle: t(
      lang,
      `共 ${aid.duplicates.length} 个号码出现在多处：${twice} 个姓名相同（可能重复救助），${aid.duplicates.length - twice} 个姓名不同（号码可能录错）；身份证号仅显示前 6 位和后 4 位`,
      `${aid.duplicates.length} ID numbers in more than one place: ${twice} under the same name (aided twice?), ${aid.duplicates.length - twice} under different names (mistyped?); IDs show their first 6 and last 4 characters`,
    ),
    columns: [
      { header: DUPLICATES.group[lang], width: 5, format: 'integer' },
      { header: DUPLICATES.likely[lang], width: 30 },
      { header: DUPLICATES.id[lang], width: 20 },
      { header: DUPLICATES.head[lang], width: 10 },
      { header: DUPLICATES.county[lang], width: 10 },
      { header: DUPLICATES.township[lang], width: 12 },
      { header: DUPLICATES.amount[lang], width: 12, format: 'yuan' },
      ...(multiFile ? [{ header: DUPLICATES.file[lang], width: Math.min(fileWidth + 1, 80) }] : []),
      { header: DUPLICATES.sheet[lang], width: Math.min(sheetWidth + 1, 40) },
      { header: DUPLICATES.cell[lang], width: 8 },
      { header: DUPLICATES.outcome[lang], width: 12 },
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
