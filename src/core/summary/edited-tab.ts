import { CellValue, SheetInput } from '../workbook';
import { HEADER_ROW, TITLE_ROW } from './sheet';

/**
 * Our summary tab after an office edited it (filled 约谈名单's 整改时限, added a remark to 督办清单):
 * its fingerprint no longer proves it ours, so it is never replaced; but it is still our tab, not
 * data, and read as data it would look like a 目标任务分解表 or a ledger and get findings that are
 * not the user's. Recognised by our mark (the hidden name, unproved) or, without one, by a title
 * and header row that are exactly those of one of our tabs, in either language. A user's sheet
 * that only shares a tab's name has its own header and stays data.
 *
 * The patterns mirror the descriptions in summary/tabs.ts, distribution-tab.ts and each kind's
 * tabs.ts; tests/core/edited-tab.test.ts proves every tab we write is recognised.
 */

type Part = string | { optional: string } | { cell: string } | { cells: string; atLeast: 0 | 1 };
const opt = (header: string): Part => ({ optional: header });
/** One header cell of a pattern (regex source, no tab). */
const cell = (re: string): Part => ({ cell: re });
/** Any number (at least `atLeast`) of header cells of a pattern. */
const cells = (re: string, atLeast: 0 | 1 = 1): Part => ({ cells: re, atLeast });

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The header row as one regex over the cells joined by tabs. */
function row(...parts: Part[]): RegExp {
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

const exact = (title: string) => new RegExp(`^${escape(title)}$`);
const NOT_TAB = '[^\\t]+';

interface Signature {
  role: string;
  title: RegExp;
  header: RegExp;
}

const SIGNATURES: Signature[] = [
  // summary/tabs.ts
  { role: 'findings', title: /^检查结果：/, header: row('级别', '问题', opt('文件'), '工作表', '单元格', '列', '单元格的值', '说明', '怎么改') },
  { role: 'findings', title: /^Findings: /, header: row('Severity', 'Problem', opt('File'), 'Sheet', 'Cell', 'Column', 'Value', 'Message', 'What to do') },
  { role: 'log', title: exact('检查记录'), header: row('检查时间', '文件', '截止日期', '规则数', '检查行数', '错误', '警告', '提示', '结论', '版本') },
  { role: 'log', title: exact('Check log'), header: row('Checked at', 'Files', 'As of', 'Rules', 'Rows', 'Errors', 'Warnings', 'Notes', 'Verdict', 'Version') },
  // summary/distribution-tab.ts
  { role: 'distribution', title: exact('问题分布（谁来改：问题多的在前）'), header: row('分组', '名称', '错误', '警告', '提示') },
  { role: 'distribution', title: exact('Who fixes what: findings by file, place and lead unit, worst first'), header: row('Group', 'Name', 'Errors', 'Warnings', 'Notes') },
  // kinds/responsibility/tabs.ts
  {
    role: 'units',
    title: exact('责任单位得分汇总'),
    header: row('排名', '牵头单位', '任务数', '已完成', '推进中', '逾期', '分值', '已评分分值', '待评分', '得分', '丢分', '得分率', '等次', '一票否决'),
  },
  {
    role: 'units',
    title: exact('Scores by lead unit'),
    header: row('Rank', 'Lead unit', 'Tasks', 'Done', 'In progress', 'Overdue', 'Points', 'Points scored', 'Not scored', 'Earned', 'Lost', 'Rate', 'Grade', 'Veto'),
  },
  { role: 'lost', title: exact('丢分清单（谁丢分、谁负责）'), header: row('牵头单位', '责任人', '项目', '分值', '得分', '丢分', '扣分原因', '位置') },
  { role: 'lost', title: exact('Lost points, item by item'), header: row('Lead unit', 'Owner', 'Item', 'Points', 'Score', 'Lost', 'Reason', 'Where') },
  { role: 'overdue', title: exact('督办清单（逾期未完成任务）'), header: row('牵头单位', '责任人', '任务', '完成时限', '逾期天数', '完成情况', '位置') },
  { role: 'overdue', title: exact('Supervision list: overdue tasks'), header: row('Lead unit', 'Owner', 'Task', 'Deadline', 'Days overdue', 'Status', 'Where') },
  // kinds/aid/tabs.ts (未分列 only when some amounts were not split; one column per fund source)
  {
    role: 'aid',
    title: exact('计生困难家庭帮扶救助汇总（只计已核实的金额）'),
    header: row('分组', '名称', '户数', '人数', '慰问金（元）', '慰问品折款（元）', opt('未分列（元）'), '合计（元）', '合计（万元）', cells(`${NOT_TAB}（元）`, 0), '待核实户数', '待核实金额（处）', '待核实金额（元，账面数）', '来源工作表'),
  },
  {
    role: 'aid',
    title: exact('Hardship-household aid summary (verified amounts only)'),
    header: row('Group', 'Name', 'Households', 'Persons', 'Cash (yuan)', 'Goods (yuan)', opt('Not split (yuan)'), 'Total (yuan)', 'Total (10k yuan)', cells(`${NOT_TAB} \\(yuan\\)`, 0), 'Households to check', 'Amounts to check', 'To check (yuan, as written)', 'Source sheets'),
  },
  {
    role: 'duplicates',
    title: exact('重复户核查（同一身份证号出现在多处）'),
    header: row('组', '可能情况', '身份证号', '户主姓名', '县（市、区）', '乡镇（街道）', '金额（元）', opt('文件'), '工作表', '单元格', '核查结果'),
  },
  {
    role: 'duplicates',
    title: exact('Households found in more than one place'),
    header: row('Group', 'Likely', 'ID number', 'Head', 'County', 'Township', 'Amount (yuan)', opt('File'), 'Sheet', 'Cell', 'Outcome'),
  },
  // kinds/ballot/tabs.ts (per item: one column per choice, then its two rates)
  { role: 'ballot', title: /^测评结果汇总（\d+ 人，按排名）$/, header: row('排名', '姓名', '单位', '有效票', cells(`${NOT_TAB}·${NOT_TAB}`), '总体等次', '是否约谈') },
  { role: 'ballot', title: /^Ballot results \(\d+ persons, in rank order\)$/, header: row('Rank', 'Name', 'Unit', 'Valid ballots', cells(`${NOT_TAB}·${NOT_TAB}`), 'Grade', 'Interview') },
  {
    role: 'interviews',
    title: /^约谈名单（总体等次为.+，共 \d+ 人）$/,
    header: row('姓名', '单位', '总体等次', cell(`${NOT_TAB}票率`), cell(`${NOT_TAB}票数`), '拉低的测评项目', '整改时限'),
  },
  {
    role: 'interviews',
    title: /^Interviews \(grade .+: \d+ persons\)$/,
    header: row('Name', 'Unit', 'Grade', cell(`${NOT_TAB} rate`), cell(`${NOT_TAB} marks`), 'Items that pulled down', 'Deadline to improve'),
  },
];

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v.trim() : String(v);
}

/** The texts of one row of the sheet (1-based, as Excel numbers it), trailing blanks dropped. */
function rowTexts(sheet: SheetInput, excelRow: number): string[] {
  const top = sheet.origin?.row ?? 1;
  const left = sheet.origin?.col ?? 1;
  const r = sheet.rows[excelRow - top] ?? [];
  const out: string[] = [];
  // Our tabs start in column A: a sheet whose cells start further right is not one of them.
  for (let c = 1; c < left; c++) out.push('');
  for (const v of r) out.push(text(v));
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/** The role of our tab whose title (A1) and header row (row 3) this sheet has exactly, or null. */
export function signatureRole(sheet: SheetInput): string | null {
  const title = rowTexts(sheet, TITLE_ROW);
  if (title.length !== 1) return null;
  const header = rowTexts(sheet, HEADER_ROW);
  if (header.some((h) => h === '' || h.includes('\t'))) return null;
  const joined = header.join('\t');
  return SIGNATURES.find((s) => s.title.test(title[0]) && s.header.test(joined))?.role ?? null;
}

/**
 * The role of our summary tab the user edited (never checked as data, never replaced), or null
 * for the user's own sheet. A tab proved ours (`owned`) is not an edited one.
 */
export function editedTabRole(sheet: SheetInput): string | null {
  if (sheet.owned) return null;
  return sheet.marked ?? signatureRole(sheet);
}
