import { compact } from './read/text';
import { MoneyUnit } from './read/number';

export type SheetKind = 'responsibility' | 'aid';

export const RESPONSIBILITY_KEYS = [
  'seq', 'item', 'content', 'standard', 'maxScore', 'leadUnit', 'coUnits', 'owner', 'leader', 'deadline',
  'status', 'score', 'selfScore', 'grade', 'deductionReason', 'veto', 'note',
] as const;

export const AID_KEYS = [
  'seq', 'county', 'township', 'village', 'head', 'idNumber', 'households', 'members', 'hardshipType', 'cash',
  'goodsValue', 'total', 'fundSource', 'sourceGov', 'sourceDept', 'sourceEnterprise', 'sourceSocial',
  'visitDate', 'visitor', 'phone', 'note',
] as const;

export type ResponsibilityKey = (typeof RESPONSIBILITY_KEYS)[number];
export type AidKey = (typeof AID_KEYS)[number];
export type ColumnKey = ResponsibilityKey | AidKey;

/** 序号 split over three columns under one merged 序号: 一级 / 二级 / 三级. */
const SEQ_LEVELS = ['一级', '二级', '三级', '四级'];

/**
 * Header texts seen in practice for each key (domain.md), compared after removing white space,
 * folding full-width forms and dropping a bracketed unit. English headers are accepted too.
 */
const RESPONSIBILITY_HEADERS: Record<ResponsibilityKey, string[]> = {
  seq: ['序号', '编号', 'no', 'no.', '#', 'seq', ...SEQ_LEVELS],
  item: ['考核项目', '评分项目', '测评项目', '工作任务', '重点工作', '重点任务', '任务', '项目', '目标任务', '测评指标', '指标', '任务名称', 'item', 'task'],
  content: ['测评内容', '工作内容', '具体任务', '工作要求', '任务内容', '具体内容', '考核内容', '评分内容', '具体措施', '工作措施', '主要措施', 'content'],
  standard: ['测评标准', '达标要求', '标准', '完成标准', '考核标准', '评分标准', 'standard'],
  maxScore: ['分值', '标准分', '满分', '分数', '权重分', 'points', 'maxscore', 'max score'],
  leadUnit: ['牵头单位', '牵头科室', '责任单位', '责任科室', '牵头部门', '责任部门', 'lead unit', 'unit'],
  coUnits: ['配合单位', '协办单位', '参与单位', '配合科室', '配合部门', 'co-units', 'co units'],
  owner: ['责任人', '具体责任人', '经办人', '联系人', '负责人', '责任人员', 'owner', 'responsible person'],
  // The leader over the task: never its owner when a 具体责任人 column exists.
  leader: ['责任领导', '分管领导', '包保领导', '牵头领导', '分管负责人', '主管领导', 'leader'],
  deadline: ['完成时限', '时间节点', '完成时间', '时限', '完成期限', 'deadline', 'due'],
  status: ['完成情况', '进展情况', '落实情况', '进度', '推进情况', 'status', 'progress'],
  score: ['得分', '实际得分', '测评得分', '考核得分', '考评得分', '评定得分', 'score'],
  selfScore: ['自评分', '自评得分', '自查得分', '自评', '自评分数', 'self score'],
  grade: ['等次', '评定', '测评等次', '状态描述', '评定等次', 'grade'],
  deductionReason: ['扣分原因', '扣分说明', '存在问题', '扣分情况', 'deduction reason', 'reason'],
  veto: ['一票否决', '是否一票否决', 'veto'],
  note: ['备注', '说明', 'note', 'notes', 'remark'],
};

const AID_HEADERS: Record<AidKey, string[]> = {
  seq: ['序号', '编号', 'no', 'no.', '#', 'seq', ...SEQ_LEVELS],
  county: ['县(市、区)', '县市区', '县区', '县(市区)', '县(区)', '县', 'county'],
  township: ['乡镇(街道)', '乡镇', '街道', '乡镇街道', '乡(镇、街道)', 'township'],
  village: ['村(居)', '村居', '村', '社区', '村(社区)', 'village'],
  head: ['户主姓名', '户主', '姓名', '救助对象', '帮扶对象', '慰问对象', 'head', 'name'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '户主身份证号', '身份证', 'id number', 'id'],
  households: ['户数', '救助户数', '慰问户数', '走访户数', '帮扶户数', '困难家庭户数', 'households'],
  members: ['人数', '救助人数', '慰问人数', '家庭人口', '家庭人口数', '人口数', '家庭人数', '人口', 'members', 'persons'],
  hardshipType: ['困难类型', '家庭类型', '救助类别', '困难类别', '帮扶类型', 'hardship type', 'type'],
  cash: ['慰问金', '救助金', '帮扶资金', '金额', '慰问金额', '救助金额', '现金', 'cash'],
  goodsValue: ['慰问品折款', '物品折价', '慰问品', '慰问品折合金额', '物资折款', 'goods value', 'goods'],
  total: ['合计', '小计', '合计金额', '总金额', 'total'],
  fundSource: ['资金来源', 'fund source', 'source'],
  sourceGov: ['政府投入', '政府', '财政投入', 'government'],
  sourceDept: ['部门筹集', '部门', 'departments'],
  sourceEnterprise: ['企事业赞助', '企业赞助', '企事业', 'enterprises'],
  sourceSocial: ['社会捐助', '社会捐赠', 'donations'],
  visitDate: ['走访日期', '走访时间', '慰问时间', '慰问日期', '救助时间', '发放时间', '发放日期', 'visit date'],
  visitor: ['走访人', '慰问人', '走访领导', '慰问领导', 'visitor'],
  phone: ['联系电话', '电话', '手机', '手机号码', 'phone'],
  note: ['备注', '说明', 'note', 'notes', 'remark'],
};

export interface HeaderMatch {
  key: ColumnKey;
  /** A money unit named in the header's brackets: 金额（万元）. */
  unit?: MoneyUnit;
  /** A column number written in the header: 合计(1) or （2）慰问金, for declared equations. */
  number?: number;
}

/** Normalised header text and what its brackets said. */
export function normaliseHeader(raw: string): { text: string; unit?: MoneyUnit; number?: number } {
  let s = compact(raw).toLowerCase();
  let unit: MoneyUnit | undefined;
  let number: number | undefined;
  s = s.replace(/[(\[【]([^)\]】]*)[)\]】]/g, (_all, inner: string) => {
    if (inner === '万元') unit = '万元';
    else if (inner === '元') unit = '元';
    else if (/^\d{1,2}$/.test(inner)) number = Number(inner);
    else if (/^(分|人|户|个|年月日|日期)$/.test(inner)) {
      /* a unit that does not change the key */
    } else return `(${inner})`;
    return '';
  });
  if (!unit && s.endsWith('万元')) unit = '万元';
  s = s.replace(/[:：]$/, '');
  const out: { text: string; unit?: MoneyUnit; number?: number } = { text: s };
  if (unit) out.unit = unit;
  if (number !== undefined) out.number = number;
  return out;
}

type Dictionary = Map<string, ColumnKey>;

function buildDictionary(headers: Record<string, string[]>): Dictionary {
  const map: Dictionary = new Map();
  for (const [key, texts] of Object.entries(headers)) {
    for (const t of texts) map.set(normaliseHeader(t).text, key as ColumnKey);
  }
  return map;
}

const DICTIONARIES: Record<SheetKind, Dictionary> = {
  responsibility: buildDictionary(RESPONSIBILITY_HEADERS),
  aid: buildDictionary(AID_HEADERS),
};

/** Longest header texts first, so 具体责任人 is tried before 责任人 in a contains-match. */
const SORTED: Record<SheetKind, Array<[string, ColumnKey]>> = {
  responsibility: [...DICTIONARIES.responsibility].filter(([t]) => /[\u4e00-\u9fff]/.test(t) && t.length >= 2).sort((a, b) => b[0].length - a[0].length),
  aid: [...DICTIONARIES.aid].filter(([t]) => /[\u4e00-\u9fff]/.test(t) && t.length >= 2).sort((a, b) => b[0].length - a[0].length),
};

/** Maps a header cell's text to a column key of the given kind, or null. */
export function matchHeader(raw: string, kind: SheetKind): HeaderMatch | null {
  const { text, unit, number } = normaliseHeader(raw);
  if (text === '') return null;
  const plain = text.replace(/\(.*?\)/g, '');
  let key = DICTIONARIES[kind].get(text) ?? DICTIONARIES[kind].get(plain) ?? null;
  if (!key && plain.length <= 12) {
    // 户主身份证号码, 慰问金(元)小计: a known header inside a slightly longer one.
    for (const [t, k] of SORTED[kind]) {
      if (t.length >= 2 && plain.includes(t)) {
        key = k;
        break;
      }
    }
  }
  if (!key) return null;
  const m: HeaderMatch = { key };
  if (unit) m.unit = unit;
  if (number !== undefined) m.number = number;
  return m;
}

/** Keys that say which kind a sheet is; 序号 and 备注 appear in both. */
export const DISTINCTIVE: Record<SheetKind, ReadonlySet<ColumnKey>> = {
  responsibility: new Set<ColumnKey>(['item', 'content', 'standard', 'maxScore', 'leadUnit', 'coUnits', 'owner', 'leader', 'deadline', 'status', 'score', 'selfScore', 'grade', 'deductionReason', 'veto']),
  aid: new Set<ColumnKey>(['county', 'township', 'village', 'head', 'idNumber', 'households', 'members', 'hardshipType', 'cash', 'goodsValue', 'total', 'fundSource', 'sourceGov', 'sourceDept', 'sourceEnterprise', 'sourceSocial', 'visitDate', 'visitor', 'phone']),
};

export const COLUMN_LABELS: Record<ColumnKey, { zh: string; en: string }> = {
  seq: { zh: '序号', en: 'No.' },
  item: { zh: '测评项目', en: 'Item' },
  content: { zh: '测评内容', en: 'Content' },
  standard: { zh: '测评标准', en: 'Standard' },
  maxScore: { zh: '分值', en: 'Points' },
  leadUnit: { zh: '牵头单位', en: 'Lead unit' },
  coUnits: { zh: '配合单位', en: 'Co-units' },
  owner: { zh: '责任人', en: 'Owner' },
  leader: { zh: '责任领导', en: 'Leader' },
  selfScore: { zh: '自评分', en: 'Self score' },
  households: { zh: '户数', en: 'Households' },
  deadline: { zh: '完成时限', en: 'Deadline' },
  status: { zh: '完成情况', en: 'Status' },
  score: { zh: '得分', en: 'Score' },
  grade: { zh: '等次', en: 'Grade' },
  deductionReason: { zh: '扣分原因', en: 'Deduction reason' },
  veto: { zh: '一票否决', en: 'Veto' },
  note: { zh: '备注', en: 'Note' },
  county: { zh: '县（市、区）', en: 'County' },
  township: { zh: '乡镇（街道）', en: 'Township' },
  village: { zh: '村（居）', en: 'Village' },
  head: { zh: '户主姓名', en: 'Head of household' },
  idNumber: { zh: '身份证号', en: 'ID number' },
  members: { zh: '家庭人口', en: 'Members' },
  hardshipType: { zh: '困难类型', en: 'Hardship type' },
  cash: { zh: '慰问金', en: 'Cash' },
  goodsValue: { zh: '慰问品折款', en: 'Goods value' },
  total: { zh: '合计', en: 'Total' },
  fundSource: { zh: '资金来源', en: 'Fund source' },
  sourceGov: { zh: '政府投入', en: 'Government' },
  sourceDept: { zh: '部门筹集', en: 'Departments' },
  sourceEnterprise: { zh: '企事业赞助', en: 'Enterprises' },
  sourceSocial: { zh: '社会捐助', en: 'Donations' },
  visitDate: { zh: '走访日期', en: 'Visit date' },
  visitor: { zh: '走访人', en: 'Visitor' },
  phone: { zh: '联系电话', en: 'Phone' },
};
