/**
 * Builds two county aid ledgers (计生困难家庭帮扶救助台账, 2017 Spring Festival campaign
 * 2017-01-09..22) as clerks keep them: one tab per township, headers that differ from tab to
 * tab, one tab kept in 万元 with one column per fund source, a numbering row, 合计 rows and
 * footers, dates typed three ways. Every aid rule is planted at least once (PLANTED_AID);
 * the second county shares three households with the first.
 */
import ExcelJS from 'exceljs';
import { Household, households, idFor, LEDGER_HEADER } from './households';

export { households, idFor };
export type { Household };

export const PLANTED_AID = [
  'id.format', 'id.checksum', 'id.birthdate', 'id.scientific', 'id.legacy15', 'id.region',
  'household.duplicate', 'household.cross-duplicate', 'household.name-duplicate',
  'amount.not-number', 'amount.negative', 'amount.sum-mismatch', 'amount.unit', 'amount.outlier',
  'date.out-of-window', 'row.equation', 'phone.format', 'required.missing', 'total-row.mismatch',
] as const;

/** The settings the sample is checked with (campaign window, the 梁水镇 form's own equation). */
export const AID_SETTINGS = { window: { from: '2017-01-09', to: '2017-01-22' }, equations: ['(5)=(6)+(7)'] };


function title(ws: ExcelJS.Worksheet, text: string, width: number) {
  ws.addRow([text]);
  ws.mergeCells(1, 1, 1, width);
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
}

function footer(ws: ExcelJS.Worksheet) {
  ws.addRow([]);
  ws.addRow(['填表人：王敏', null, null, '审核人：刘德勇', null, null, '填报日期：2017年1月25日']);
}

function stdTab(wb: ExcelJS.Workbook, name: string, county: string, rows: Household[], totalsOffBy = 0) {
  const ws = wb.addWorksheet(name);
  title(ws, `${county}${name}2017年春节走访慰问计生困难家庭台账`, LEDGER_HEADER.length);
  ws.addRow(LEDGER_HEADER).font = { bold: true };
  rows.forEach((h, i) => ws.addRow([i + 1, h.village, h.head, h.id, h.members, h.type, h.cash, h.goods, h.total, h.source, h.visit, h.phone, '']));
  const sum = (k: 'cash' | 'goods' | 'total') => rows.reduce((s, h) => s + (typeof h[k] === 'number' ? (h[k] as number) : 0), 0);
  ws.addRow(['合计', null, null, null, rows.reduce((s, h) => s + h.members, 0), null, sum('cash'), sum('goods'), sum('total') + totalsOffBy]).font = { bold: true };
  footer(ws);
  ws.getColumn(4).width = 21;
  ws.getColumn(11).numFmt = 'yyyy"年"m"月"d"日"';
  return ws;
}

export async function buildCountyA(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const county = '东昌府区';
  const hy = households(1, '371502', ['侯营村', '王庄村', '李海务村', '前屯村'], 72);
  const sz = households(2, '371502', ['沙镇村', '刘庄村', '胡屯村'], 70);
  const ty = households(3, '371502', ['堂邑村', '路庄村', '北街村'], 68);
  const ls = households(4, '371502', ['梁水镇村', '张庄村', '前赵村'], 70);
  const dk = households(5, '371502', ['道口铺社区', '潘庄社区'], 66);
  // Planted in 侯营镇:
  hy[3].id = hy[3].id.toString().slice(0, 17) + (hy[3].id.toString()[17] === '1' ? '2' : '1'); // id.checksum
  hy[5].id = '371502199902301512'; // id.birthdate (and its check character)
  hy[8].id = 371502195003150000; // id.scientific: typed as a number
  hy[10].id = '371502500315123'; // id.legacy15
  hy[12].id = idFor('999999', '19560101', 88); // id.region
  hy[14].id = '37150219560101123'; // id.format: 17 characters
  hy[20] = { ...hy[20], id: hy[2].id }; // household.duplicate in the same tab
  hy[22] = { ...hy[22], cash: '五百', total: 700 }; // amount.not-number
  hy[24] = { ...hy[24], cash: -300, goods: 0, total: -300 }; // amount.negative
  hy[26] = { ...hy[26], cash: 500, goods: 200, total: 800 }; // amount.sum-mismatch
  hy[28] = { ...hy[28], cash: 0.08, goods: 0, total: 0.08 }; // amount.unit: 万元 typed into a 元 column
  hy[30] = { ...hy[30], cash: 8000, goods: 0, total: 8000 }; // amount.outlier (cap 5000)
  hy[32] = { ...hy[32], visit: '2017.2.5' }; // date.out-of-window
  hy[34] = { ...hy[34], phone: '8241234' }; // phone.format: no area code
  hy[36] = { ...hy[36], head: '' }; // required.missing
  hy[40] = { ...hy[40], id: '', village: '王庄村', head: '张秀英' }; // household.name-duplicate …
  hy[41] = { ...hy[41], id: '', village: '王庄村', head: '张秀英' }; // … (and required.missing ID)
  sz[6] = { ...sz[6], id: hy[6].id }; // household.cross-duplicate between two township tabs
  stdTab(wb, '侯营镇', county, hy);
  stdTab(wb, '沙镇镇', county, sz, 500); // total-row.mismatch: the 合计 row is 500 too high

  // 堂邑镇 keeps money in 万元 with one column per fund source.
  const t = wb.addWorksheet('堂邑镇');
  const tHeader = ['序号', '村居', '户主', '公民身份号码', '人口数', '家庭类型', '慰问金（万元）', '慰问品折款（万元）', '合计（万元）', '政府投入（万元）', '部门筹集（万元）', '企事业赞助（万元）', '慰问时间', '电话'];
  title(t, `${county}堂邑镇计生困难家庭帮扶救助台账（金额单位：万元）`, tHeader.length);
  t.addRow(tHeader).font = { bold: true };
  ty.forEach((h, i) => {
    const w = (y: number) => Math.round(y) / 10_000;
    const gov = i % 3 === 0 ? w(h.total) : w(Number(h.cash));
    const dept = i % 3 === 0 ? 0 : w(h.goods);
    const cash = i === 7 ? 500 : w(Number(h.cash)); // amount.unit: 元 typed into a 万元 column
    t.addRow([i + 1, h.village, h.head, h.id, h.members, h.type, cash, w(h.goods), i === 7 ? 0.05 + w(h.goods) : w(h.total), gov, dept, i === 11 ? 0.01 : 0, h.visit, h.phone]);
  });
  footer(t);

  // 梁水镇's form numbers its columns and states (5)=(6)+(7) under the header.
  const l = wb.addWorksheet('梁水镇');
  const lHeader = ['序号', '户主姓名', '身份证号', '家庭人口', '合计', '慰问金', '慰问品折款', '资金来源', '走访日期'];
  title(l, `${county}梁水镇帮扶救助台账`, lHeader.length);
  l.addRow(lHeader).font = { bold: true };
  l.addRow(lHeader.map((_, i) => `(${i + 1})`));
  ls.forEach((h, i) => l.addRow([i + 1, h.head, h.id, h.members, i === 9 ? h.total + 100 : h.total, h.cash, h.goods, h.source, h.visit]));
  footer(l);

  stdTab(wb, '道口铺街道', county, dk);
  return wb;
}

/** Households of county A that county B's ledger lists too (aided twice?). */
export async function buildCountyB(): Promise<ExcelJS.Workbook> {
  const a = [households(1, '371502', ['侯营村'], 72)[50], households(2, '371502', ['沙镇村'], 70)[60], households(5, '371502', ['潘庄社区'], 66)[30]];
  const wb = new ExcelJS.Workbook();
  const county = '阳谷县';
  const tabs: Array<[string, Household[]]> = [
    ['阿城镇', households(11, '371521', ['阿城村', '闫庄村'], 60)],
    ['七级镇', households(12, '371521', ['七级村', '毛庄村'], 58)],
    ['寿张镇', households(13, '372522', ['寿张村', '黄庄村'], 55)], // older IDs still carry 聊城地区 372522
  ];
  tabs[0][1][5] = { ...tabs[0][1][5], id: a[0].id, head: a[0].head };
  tabs[1][1][9] = { ...tabs[1][1][9], id: a[1].id, head: a[1].head };
  tabs[2][1][12] = { ...tabs[2][1][12], id: a[2].id, head: a[2].head };
  for (const [name, rows] of tabs) stdTab(wb, name, county, rows);
  return wb;
}
