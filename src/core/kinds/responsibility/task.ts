import { DateRead, readDateCached } from '../../read/date';
import { NumberRead, readNumber } from '../../read/number';
import { classifyStatus, TaskStatus } from '../../read/status';
import { compact, memoize, splitList, textKey } from '../../read/text';
import { Settings } from '../../settings';
import { CellValue } from '../../workbook';
import { ResponsibilityKey } from './columns';

/** A responsibility-table row read once, shared by the checks and the scoring. */
export interface Task {
  row: number;
  item: string;
  content: string;
  /** What makes two rows the same task: item and content, each compared loosely. */
  itemKey: string;
  contentKey: string;
  /** Every unit named in 责任单位 / 牵头单位; the first leads. */
  units: string[];
  leadUnit: string;
  owner: string;
  deadline: DateRead;
  deadlineText: string;
  statusText: string;
  status: TaskStatus;
  maxScore: NumberRead;
  score: NumberRead;
  grade: string;
  /** Where the grade was written: its own 等次 column, or the score column (自评分: B). */
  gradeKey: ResponsibilityKey;
  /** A veto item judged in words (合格 / 不合格) instead of points. */
  vetoVerdict: 'met' | 'failed' | null;
  /** Share of the points a state-description grade earns, null when there is no valid grade. */
  gradeShare: number | null;
  deductionReason: string;
  veto: boolean;
  /** The section rows above name it: 宣传教育 / 加强宣传教育 ('' when the table has none). */
  section: string;
}

const YES = /^(是|√|✓|✔|y|yes|1|true|一票否决)$/i;
const VETO_FAILED = /(不合格|不达标|未达标|未通过|未完成|否决|不符合)/;
const VETO_MET = /^(合格|达标|通过|完成|已完成|符合|是)$/;
const NO_NUMBER = readNumber(null);

const statusOf = memoize(classifyStatus);
// 宣传科（牵头）、文明办 / 牵头：宣传科；配合：文明办: the lead is named without its role.
const unitsOf = memoize((s: string) =>
  splitList(s)
    .map((u) => u.replace(/^(牵头(单位|科室|部门)?|主责(单位)?|责任单位)[:：]/, '').replace(/[(（](牵头|主责|负总责|牵头单位)[)）]$/, '').trim())
    .filter((u) => u !== '' && !/^(配合|协办|参与)(单位|科室|部门)?[:：]/.test(u)),
);
const keyOf = memoize(textKey);

export function readTask(
  row: number,
  get: (key: ResponsibilityKey) => CellValue,
  text: (key: ResponsibilityKey) => string,
  settings: Settings,
  refYear: number,
): Task {
  const item = text('item');
  const content = text('content');
  const units = unitsOf(text('leadUnit'));
  const marker = settings.vetoMarker;
  const vetoText = text('veto');
  const pointsText = text('maxScore');
  // 分值 written as 一票否决: the item has no points, it vetoes.
  const pointsVeto = pointsText !== '' && pointsText.includes(marker);
  const veto =
    (vetoText !== '' && (YES.test(compact(vetoText)) || vetoText.includes(marker))) ||
    pointsVeto ||
    item.includes(marker) ||
    content.includes(marker) ||
    text('standard').includes(marker);
  let grade = compact(text('grade')).toUpperCase();
  let gradeKey: ResponsibilityKey = 'grade';
  let score = readNumber(get('score'));
  let vetoVerdict: 'met' | 'failed' | null = null;
  if (!score.ok && score.reason === 'text') {
    const s = compact(text('score'));
    if (grade === '' && (s.toUpperCase() in settings.stateGrades || /^[A-Za-z][+-]?$/.test(s))) {
      // A 状态描述 grade (A/B/C/G) typed in the score column.
      grade = s.toUpperCase();
      gradeKey = 'score';
      score = NO_NUMBER;
    } else if (veto && VETO_FAILED.test(s)) {
      vetoVerdict = 'failed';
      score = NO_NUMBER;
    } else if (veto && VETO_MET.test(s)) {
      vetoVerdict = 'met';
      score = NO_NUMBER;
    }
  }
  return {
    row,
    item,
    content,
    itemKey: keyOf(item),
    contentKey: keyOf(content),
    units,
    leadUnit: units[0] ?? '',
    owner: text('owner'),
    deadline: readDateCached(get('deadline'), refYear),
    deadlineText: text('deadline'),
    statusText: text('status'),
    status: statusOf(text('status')),
    maxScore: pointsVeto ? NO_NUMBER : readNumber(get('maxScore')),
    score,
    grade,
    gradeKey,
    vetoVerdict,
    gradeShare: grade !== '' && grade in settings.stateGrades ? settings.stateGrades[grade] : null,
    deductionReason: text('deductionReason'),
    veto,
    section: '',
  };
}

/** How a task is named in messages and lists: 志愿服务：医院设立志愿服务台. */
export function taskLabel(t: Task, max = 40): string {
  const label = t.item && t.content && t.item !== t.content ? `${t.item}：${t.content}` : t.item || t.content;
  return label.length > max ? label.slice(0, max - 1) + '…' : label;
}

/** Points earned: the 得分 when given, else the grade's share of the 分值; null when not yet scored. */
export function earnedPoints(t: Task): number | null {
  if (t.score.ok) {
    // A score outside 0..分值 is reported (score.out-of-range) and not counted.
    if (t.score.value < 0 || (t.maxScore.ok && t.score.value > t.maxScore.value)) return null;
    return t.score.value;
  }
  if (t.gradeShare !== null && t.maxScore.ok) return Math.round(t.gradeShare * t.maxScore.value * 100) / 100;
  return null;
}

export function isDone(t: Task): boolean {
  return t.status === 'completed';
}

/** Days past the deadline on the as-of date, or 0 when not overdue. */
export function daysOverdue(t: Task, asOf: number): number {
  if (isDone(t) || t.deadline.kind !== 'date') return 0;
  return Math.max(0, asOf - t.deadline.day);
}

/** Why a veto item counts as not met, or null when it is met (or not yet judged). */
export function vetoFailure(t: Task): { zh: string; en: string } | null {
  if (!t.veto) return null;
  if (t.vetoVerdict === 'failed') return { zh: `得分栏为“不合格”`, en: 'judged as failed' };
  if (t.status === 'failed') return { zh: `完成情况为“${t.statusText}”`, en: `status "${t.statusText}"` };
  if (t.gradeShare !== null && t.gradeShare < 1) return { zh: `等次为 ${t.grade}`, en: `grade ${t.grade}` };
  if (t.score.ok && t.maxScore.ok && t.score.value < t.maxScore.value)
    return { zh: `得分 ${t.score.value} 低于分值 ${t.maxScore.value}`, en: `score ${t.score.value} below ${t.maxScore.value}` };
  return null;
}
