import { ParamValue } from './findings';
import { RuleId } from './settings';

export type Lang = 'zh' | 'en';
type P = Record<string, ParamValue>;
interface Template {
  title: { zh: string; en: string };
  zh: (p: P) => string;
  en: (p: P) => string;
  hintZh: (p: P) => string;
  hintEn: (p: P) => string;
}

const q = (v: ParamValue | undefined) => `“${v ?? ''}”`;
const qe = (v: ParamValue | undefined) => `"${v ?? ''}"`;

/**
 * Every message the engine gives, Chinese first. Each names the cell (p.cell) and ends with
 * what to do (the hint).
 */
export const MESSAGES: Record<RuleId, Template> = {
  'layout.no-header': {
    title: { zh: '未识别到表头', en: 'No header row' },
    zh: (p) => `工作表${q(p.sheet)}没有识别到表头行（${p.reason}）。`,
    en: (p) => `Sheet ${qe(p.sheet)} has no recognisable header row (${p.reasonEn}).`,
    hintZh: (p) => `表头应含以下列名中的至少 3 个：${p.expected}。如表头写法特殊，请在设置中指定表头行和列。`,
    hintEn: (p) => `A header needs at least 3 of: ${p.expectedEn}. Otherwise set the header row and columns in the settings.`,
  },
  'layout.unknown-column': {
    title: { zh: '未知列', en: 'Unknown column' },
    zh: (p) => `${p.cell} 的表头${q(p.header)}不对应任何已知列，检查时不使用该列。`,
    en: (p) => `Header ${qe(p.header)} at ${p.cell} matches no known column and is not checked.`,
    hintZh: () => '如果这一列需要检查，请在设置的“列映射”里指定它是哪一列。',
    hintEn: () => 'If this column matters, map it in the column settings.',
  },
  'layout.merged-data': {
    title: { zh: '数据区有合并单元格', en: 'Merged cells in data' },
    zh: (p) => `数据区域内有合并单元格 ${p.range}：只有左上角单元格真正有值，排序、筛选和汇总会出错。`,
    en: (p) => `Merged cells ${p.range} inside the data: only the top-left cell holds a value, so sorting, filtering and totals go wrong.`,
    hintZh: () => '取消合并，并在每一行填上完整的值。',
    hintEn: () => 'Unmerge and fill the value into every row.',
  },
  'row.blank': {
    title: { zh: '数据中间的空行', en: 'Blank rows in data' },
    zh: (p) => (p.from === p.to ? `第 ${p.from} 行是夹在数据中间的空行。` : `第 ${p.from}–${p.to} 行是夹在数据中间的空行。`),
    en: (p) => (p.from === p.to ? `Row ${p.from} is blank inside the data.` : `Rows ${p.from}–${p.to} are blank inside the data.`),
    hintZh: () => '删除空行；如果下面是另一张表，请把它放到单独的工作表。',
    hintEn: () => 'Delete the blank rows; if a second table follows, move it to its own sheet.',
  },
  'required.missing': {
    title: { zh: '必填项为空', en: 'Required field empty' },
    zh: (p) => (p.wholeColumn ? `表中没有${q(p.field)}列，每一行都必须填写${p.field}。` : `${p.cell} 的${p.field}为空。`),
    en: (p) => (p.wholeColumn ? `The table has no ${qe(p.fieldEn)} column; every row needs one.` : `${p.fieldEn} is empty at ${p.cell}.`),
    hintZh: (p) => (p.wholeColumn ? `增加${q(p.field)}列并逐行填写。` : `填写${p.field}。`),
    hintEn: (p) => (p.wholeColumn ? `Add a ${qe(p.fieldEn)} column and fill it in.` : `Fill in the ${p.fieldEn}.`),
  },
  'total-row.mismatch': {
    title: { zh: '合计行不符', en: 'Totals row mismatch' },
    zh: (p) =>
      p.group
        ? `小计行 ${p.cell} 的${p.field}为 ${p.found}，而本组第 ${p.from}–${p.to} 行相加为 ${p.expected}（相差 ${p.diff}）。`
        : `合计行 ${p.cell} 的${p.field}为 ${p.found}，而各数据行相加为 ${p.expected}（相差 ${p.diff}${p.subtotals ? '；小计行不计入' : ''}）。`,
    en: (p) =>
      p.group
        ? `The subtotal at ${p.cell} says ${p.found} for ${p.fieldEn}, but rows ${p.from}–${p.to} of its group add up to ${p.expected} (off by ${p.diff}).`
        : `The totals row at ${p.cell} says ${p.found} for ${p.fieldEn}, but the data rows add up to ${p.expected} (off by ${p.diff}${p.subtotals ? '; subtotal rows not counted' : ''}).`,
    hintZh: (p) => `改为 ${p.expected}，或使用公式 ${p.formula} 让合计自动计算。`,
    hintEn: (p) => `Change it to ${p.expected}, or use ${p.formula} so it adds itself up.`,
  },
  'task.duplicate': {
    title: { zh: '任务重复', en: 'Duplicate task' },
    zh: (p) => `${p.cell} 的任务${q(p.item)}重复出现，另见 ${p.others}。`,
    en: (p) => `Task ${qe(p.item)} at ${p.cell} is listed again at ${p.othersEn}.`,
    hintZh: () => '合并重复的任务，或写明各自不同的内容，避免重复计分。',
    hintEn: () => 'Merge the duplicates or make their contents distinct, so points are not counted twice.',
  },
  'owner.not-person': {
    title: { zh: '责任人不是具体的人', en: 'Owner is not a person' },
    zh: (p) => `${p.cell} 的责任人${q(p.owner)}是单位名称，不是具体的人。`,
    en: (p) => `The owner at ${p.cell}, ${qe(p.owner)}, is a unit, not a person.`,
    hintZh: () => '填写具体负责的人员姓名（谁丢分、谁负责）。',
    hintEn: () => 'Name the person who answers for the task.',
  },
  'deadline.invalid': {
    title: { zh: '完成时限无法识别', en: 'Unreadable deadline' },
    zh: (p) => `${p.cell} 的完成时限${q(p.text)}无法识别为日期。`,
    en: (p) => `The deadline ${qe(p.text)} at ${p.cell} is not a date.`,
    hintZh: () => '写成 2017年6月30日、2017/6/30、2017.6.30 这样的日期，长期工作写“长期”或“常态化”。',
    hintEn: () => 'Write a date such as 2017-06-30 or 2017年6月30日, or 长期 / 常态化 for ongoing work.',
  },
  'task.overdue': {
    title: { zh: '任务逾期', en: 'Overdue task' },
    zh: (p) => `${p.cell} 的任务${q(p.item)}已过完成时限 ${p.deadline}（逾期 ${p.days} 天），完成情况为${q(p.status)}。`,
    en: (p) => `Task ${qe(p.item)} at ${p.cell} passed its deadline ${p.deadline} ${p.days} days ago; status ${qe(p.status)}.`,
    hintZh: (p) => `督促${p.unit}（责任人：${p.owner}）限期整改；已完成的请把完成情况改为“已完成”。`,
    hintEn: (p) => `Press ${p.unit} (owner ${p.owner}) to finish; if it is done, set the status to 已完成.`,
  },
  'score.not-number': {
    title: { zh: '分数不是数字', en: 'Score not a number' },
    zh: (p) => `${p.cell} 的${p.field}${q(p.text)}不是数字。`,
    en: (p) => `${p.fieldEn} ${qe(p.text)} at ${p.cell} is not a number.`,
    hintZh: () => '填写数字，如 8 或 7.5，不要带文字。',
    hintEn: () => 'Enter a number such as 8 or 7.5, without words.',
  },
  'score.out-of-range': {
    title: { zh: '得分超出范围', en: 'Score out of range' },
    zh: (p) => `${p.cell} 的得分 ${p.score} 超出 0–${p.max} 的范围。`,
    en: (p) => `The score ${p.score} at ${p.cell} is outside 0–${p.max}.`,
    hintZh: (p) => `得分应在 0 到分值 ${p.max} 之间。`,
    hintEn: (p) => `A score lies between 0 and the item's ${p.max} points.`,
  },
  'score.deduction-unexplained': {
    title: { zh: '扣分未说明原因', en: 'Deduction unexplained' },
    zh: (p) => `${p.cell} 得分 ${p.score} 低于分值 ${p.max}，但没有填写扣分原因。`,
    en: (p) => `Score ${p.score} at ${p.cell} is below ${p.max} points but no reason is given.`,
    hintZh: () => '在“扣分原因”中写明为什么丢分，便于落实整改（谁丢分、谁负责）。',
    hintEn: () => 'Say in the deduction-reason column why points were lost.',
  },
  'score.grade-invalid': {
    title: { zh: '等次无效', en: 'Invalid grade' },
    zh: (p) => `${p.cell} 的等次${q(p.grade)}不是有效等次（${p.allowed}）。`,
    en: (p) => `Grade ${qe(p.grade)} at ${p.cell} is not one of ${p.allowed}.`,
    hintZh: (p) => `填写 ${p.allowed} 之一。`,
    hintEn: (p) => `Use one of ${p.allowed}.`,
  },
  'veto.failed': {
    title: { zh: '一票否决项未达标', en: 'Veto item failed' },
    zh: (p) => `${p.cell} 的一票否决项${q(p.item)}未达标（${p.why}），${p.unit}的等次将评为“差”。`,
    en: (p) => `Veto item ${qe(p.item)} at ${p.cell} is not met (${p.whyEn}); ${p.unit} is graded 差.`,
    hintZh: () => '一票否决项必须达标，请立即整改并核实得分。',
    hintEn: () => 'A veto item must be met: fix it first and re-check the score.',
  },
  'score.max-total': {
    title: { zh: '分值合计不符', en: 'Points do not add up' },
    zh: (p) => (p.section ? `${p.cell} 的分节${q(p.section)}标明 ${p.expected} 分，而其下各项分值合计为 ${p.total}。` : `分值列合计为 ${p.total}，应为 ${p.expected}。`),
    en: (p) => (p.section ? `Section ${qe(p.section)} at ${p.cell} states ${p.expected} points, but its items add up to ${p.total}.` : `The points column adds up to ${p.total}, not ${p.expected}.`),
    hintZh: () => '核对各项分值是否漏填、重复或填错；如总分不是 100，请在设置中修改总分。',
    hintEn: () => 'Look for missing, doubled or mistyped points; if the total is not 100, change it in the settings.',
  },
  'id.format': {
    title: { zh: '身份证号格式错误', en: 'ID number malformed' },
    zh: (p) => `${p.cell} 的身份证号${q(p.text)}${p.problem}。`,
    en: (p) => `ID number ${qe(p.text)} at ${p.cell} ${p.problemEn}.`,
    hintZh: () => '身份证号应为 18 位（最后一位可为 X），请对照户口簿核对；录入前把单元格设为“文本”格式。',
    hintEn: () => 'An ID number has 18 characters (the last may be X); check it against the household register and format the cell as text first.',
  },
  'id.checksum': {
    title: { zh: '身份证号校验位错误', en: 'ID check character wrong' },
    zh: (p) => `${p.cell} 的身份证号 ${p.text} 校验位应为 ${p.expected}，实为 ${p.found}，号码有录入错误。`,
    en: (p) => `ID number ${p.text} at ${p.cell} should end in ${p.expected}, not ${p.found}: a digit was mistyped.`,
    hintZh: () => '对照身份证或户口簿逐位核对号码。',
    hintEn: () => 'Compare it digit by digit with the ID card or household register.',
  },
  'id.birthdate': {
    title: { zh: '身份证出生日期无效', en: 'ID birth date impossible' },
    zh: (p) => `${p.cell} 的身份证号 ${p.text} 中第 7–14 位的出生日期${String(p.what).startsWith('的') ? '' : ' '}${p.what}。`,
    en: (p) => `ID number ${p.text} at ${p.cell}: the birth date (characters 7–14) ${p.whatEn}.`,
    hintZh: () => '核对第 7–14 位出生日期。',
    hintEn: () => 'Check characters 7 to 14, the birth date.',
  },
  'id.scientific': {
    title: { zh: '身份证号被 Excel 当作数字', en: 'ID number stored as a number' },
    zh: (p) => `${p.cell} 的身份证号被 Excel 当作数字保存（显示为 ${p.text}），末几位已丢失。`,
    en: (p) => `The ID number at ${p.cell} was stored as a number (${p.text}); Excel dropped its last digits.`,
    hintZh: () => '把该列设为“文本”格式后重新录入完整号码（或在号码前加英文单引号）。',
    hintEn: () => "Format the column as text and type the full number again (or start it with an apostrophe).",
  },
  'id.legacy15': {
    title: { zh: '15 位旧身份证号', en: 'Legacy 15-digit ID' },
    zh: (p) => `${p.cell} 的身份证号 ${p.text} 是 15 位旧号码。`,
    en: (p) => `ID number ${p.text} at ${p.cell} is an old 15-digit number.`,
    hintZh: (p) => `请核实并改为 18 位新号码（可能为 ${p.upgraded}）。`,
    hintEn: (p) => `Confirm and replace it with the 18-digit number (probably ${p.upgraded}).`,
  },
  'id.region': {
    title: { zh: '身份证地区码未知', en: 'Unknown ID region' },
    zh: (p) => `${p.cell} 的身份证号 ${p.text} 前 6 位地区码 ${p.region} 在现行和历史行政区划代码中都查不到。`,
    en: (p) => `ID number ${p.text} at ${p.cell}: region code ${p.region} is in no current or historical list.`,
    hintZh: () => '核对前 6 位；如果号码确实如此，可忽略本提示。',
    hintEn: () => 'Check the first six digits; if the number is right, ignore this.',
  },
  'household.duplicate': {
    title: { zh: '同表重复户', en: 'Household listed twice' },
    zh: (p) => `${p.cell} 的身份证号 ${p.text} 在本表重复出现，另见 ${p.others}。`,
    en: (p) => `ID number ${p.text} at ${p.cell} appears again in this sheet at ${p.othersEn}.`,
    hintZh: () => '同一户只应登记一次；删除重复行或核对号码。',
    hintEn: () => 'A household is listed once: delete the duplicate or correct the number.',
  },
  'household.cross-duplicate': {
    title: { zh: '跨表重复户', en: 'Household in two places' },
    zh: (p) => `${p.cell} 的身份证号 ${p.text} 也出现在 ${p.others}，可能重复救助。`,
    en: (p) => `ID number ${p.text} at ${p.cell} also appears at ${p.othersEn}: aided twice?`,
    hintZh: () => '与相关乡镇（县区）核实是否重复救助，见“重复户核查”表。',
    hintEn: () => 'Confirm with the other township or county; see the 重复户核查 tab.',
  },
  'household.name-duplicate': {
    title: { zh: '同村同名户', en: 'Same name, same village' },
    zh: (p) => `${p.cell} 的户主${q(p.head)}与 ${p.others} 同村同名，且缺少身份证号，可能重复。`,
    en: (p) => `Head ${qe(p.head)} at ${p.cell} has the same name and village as ${p.othersEn}, with no ID number.`,
    hintZh: () => '补填身份证号以区分，或删除重复行。',
    hintEn: () => 'Add the ID numbers to tell them apart, or delete the duplicate.',
  },
  'amount.not-number': {
    title: { zh: '金额不是数字', en: 'Amount not a number' },
    zh: (p) =>
      p.means !== undefined
        ? `${p.cell} 的${p.field}${q(p.text)}是文本，不是数字；它表示 ${p.means} 元，但 Excel 的 SUM 会跳过文本，合计因此少算。`
        : `${p.cell} 的${p.field}${q(p.text)}不是数字。`,
    en: (p) =>
      p.means !== undefined
        ? `${p.fieldEn} ${qe(p.text)} at ${p.cell} is text, not a number: it means ${p.means} yuan, but Excel's SUM skips text, so totals miss it.`
        : `${p.fieldEn} ${qe(p.text)} at ${p.cell} is not a number.`,
    hintZh: (p) => (p.means !== undefined ? `改为数字 ${p.typed}（不带“元”“万”等文字，单元格格式设为数值），再核对合计。` : '只填写数字金额（元），不要带文字。'),
    hintEn: (p) => (p.means !== undefined ? `Type the number ${p.typed} (no 元 or 万, cell formatted as a number), then check the totals.` : 'Enter the amount in yuan as a number, without words.'),
  },
  'amount.negative': {
    title: { zh: '金额为负', en: 'Negative amount' },
    zh: (p) => `${p.cell} 的${p.field}为负数 ${p.shown ?? p.amount}。`,
    en: (p) => `${p.fieldEn} at ${p.cell} is negative: ${p.shownEn ?? p.amount}.`,
    hintZh: () => '金额不能为负，请核对。',
    hintEn: () => 'Amounts cannot be negative.',
  },
  'amount.sum-mismatch': {
    title: { zh: '金额合计不符', en: 'Amounts do not add up' },
    zh: (p) => `${p.cell}：${p.what}，${p.compared ?? `${p.left} ≠ ${p.right}（相差 ${p.diff} 元）`}。`,
    en: (p) => `${p.cell}: ${p.whatEn}, ${p.comparedEn ?? `${p.left} ≠ ${p.right} (off by ${p.diff} yuan)`}.`,
    hintZh: () => '核对各项金额与合计，合计可用公式计算。',
    hintEn: () => 'Check the parts and the total; let a formula compute the total.',
  },
  'amount.unit': {
    title: { zh: '金额单位可疑', en: 'Suspicious money unit' },
    zh: (p) => `${p.cell} 的${p.field} ${p.shown ?? p.amount}看起来是以${p.looksLike}为单位，而本列单位是${p.unit}。`,
    en: (p) => `${p.fieldEn} ${p.shownEn ?? p.amount} at ${p.cell} looks like ${p.looksLikeEn}, but the column is in ${p.unitEn}.`,
    hintZh: (p) => `统一单位：本列应填${p.unit}。`,
    hintEn: (p) => `Use one unit: this column is in ${p.unitEn}.`,
  },
  'amount.outlier': {
    title: { zh: '金额超出上限', en: 'Amount above cap' },
    zh: (p) => `${p.cell} 的每户金额 ${p.shown ?? `${p.amount} 元`}超过上限 ${p.cap} 元。`,
    en: (p) => `${p.shownEn ?? `${p.amount} yuan`} at ${p.cell} is above the cap of ${p.cap} yuan per household.`,
    hintZh: () => '核实金额是否多录了 0，或是否经过特批。',
    hintEn: () => 'Check for an extra zero, or for a special approval.',
  },
  'date.out-of-window': {
    title: { zh: '走访日期不在活动期内', en: 'Visit outside the campaign' },
    zh: (p) => `${p.cell} 的走访日期${q(p.text)}${p.problem}。`,
    en: (p) => `Visit date ${qe(p.text)} at ${p.cell} ${p.problemEn}.`,
    hintZh: (p) => `核对走访日期，应在 ${p.from} 至 ${p.to} 之间。`,
    hintEn: (p) => `Check the date: the campaign ran from ${p.from} to ${p.to}.`,
  },
  'row.equation': {
    title: { zh: '栏间关系不成立', en: 'Column equation fails' },
    zh: (p) => `第 ${p.row} 行不满足 ${p.equation}：左边为 ${p.left}，右边为 ${p.right}。`,
    en: (p) => `Row ${p.row} breaks ${p.equation}: left side ${p.left}, right side ${p.right}.`,
    hintZh: () => '核对这一行各栏的数字。',
    hintEn: () => "Check this row's figures.",
  },
  'summary.mismatch': {
    title: { zh: '汇总表与明细不符', en: 'Summary tab mismatch' },
    zh: (p) =>
      p.missing
        ? `汇总表 ${p.cell} 的${q(p.place)}在本工作簿中找不到对应的明细工作表（汇总为 ${p.found}）。`
        : `汇总表 ${p.cell} 中${q(p.place)}的${p.field}为 ${p.found}，而明细工作表（${p.sheets}）合计为 ${p.expected}（相差 ${p.diff}）。`,
    en: (p) =>
      p.missing
        ? `The summary at ${p.cell} lists ${qe(p.place)} (${p.found}), but no tab of this workbook holds its households.`
        : `The summary at ${p.cell} says ${p.found} for ${p.fieldEn} of ${qe(p.place)}, but its tabs (${p.sheets}) add up to ${p.expected} (off by ${p.diffEn}).`,
    hintZh: (p) => (p.missing ? '核对乡镇名称是否与工作表一致，或补上该乡镇的明细表。' : `改为 ${p.expected}，或核对明细表是否漏填、重复；汇总表最好用公式引用各乡镇工作表。`),
    hintEn: (p) => (p.missing ? "Check the township's name against the tabs, or add its tab." : `Change it to ${p.expected}, or look for missing or doubled rows in the tabs; better, make the summary refer to the tabs by formula.`),
  },
  'phone.format': {
    title: { zh: '电话号码格式错误', en: 'Phone number malformed' },
    zh: (p) => `${p.cell} 的联系电话${q(p.text)}既不是 11 位手机号，也不是带区号的固定电话。`,
    en: (p) => `Phone ${qe(p.text)} at ${p.cell} is neither an 11-digit mobile nor a landline with area code.`,
    hintZh: () => '手机写 11 位数字，固定电话写成 0635-1234567。',
    hintEn: () => 'Write a mobile as 11 digits, a landline as 0635-1234567.',
  },
};

export function renderMessage(rule: RuleId, params: P, lang: Lang): { message: string; hint: string } {
  const t = MESSAGES[rule];
  return lang === 'en' ? { message: t.en(params), hint: t.hintEn(params) } : { message: t.zh(params), hint: t.hintZh(params) };
}

/** One of two texts by language: the Chinese or the English. */
export function inLang(lang: Lang, zh: string, en: string): string {
  return lang === 'en' ? en : zh;
}

export function ruleTitle(rule: RuleId, lang: Lang): string {
  return MESSAGES[rule].title[lang];
}
