import { DateRead, readDateCached } from '../../read/date';
import { NumberRead, readNumber } from '../../read/number';
import { classifyStatus, TaskStatus } from '../../read/status';
import { compact, memoize, splitList, textKey } from '../../read/text';
import { Settings } from '../../settings';
import { CellValue } from '../../workbook';
import { ColumnKey } from '../../columns';

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
  /** Share of the points a state-description grade earns, null when there is no valid grade. */
  gradeShare: number | null;
  deductionReason: string;
  veto: boolean;
}

const YES = /^(是|√|✓|✔|y|yes|1|true|一票否决)$/i;

const statusOf = memoize(classifyStatus);
const unitsOf = memoize(splitList);
const keyOf = memoize(textKey);

export function readTask(
  row: number,
  get: (key: ColumnKey) => CellValue,
  text: (key: ColumnKey) => string,
  settings: Settings,
  refYear: number,
): Task {
  const item = text('item');
  const content = text('content');
  const units = unitsOf(text('leadUnit'));
  const grade = compact(text('grade')).toUpperCase();
  const marker = settings.vetoMarker;
  const vetoText = text('veto');
  const veto =
    (vetoText !== '' && (YES.test(compact(vetoText)) || vetoText.includes(marker))) ||
    item.includes(marker) ||
    content.includes(marker) ||
    text('standard').includes(marker);
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
    maxScore: readNumber(get('maxScore')),
    score: readNumber(get('score')),
    grade,
    gradeShare: grade !== '' && grade in settings.stateGrades ? settings.stateGrades[grade] : null,
    deductionReason: text('deductionReason'),
    veto,
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
  if (t.status === 'failed') return { zh: `完成情况为“${t.statusText}”`, en: `status "${t.statusText}"` };
  if (t.gradeShare !== null && t.gradeShare < 1) return { zh: `等次为 ${t.grade}`, en: `grade ${t.grade}` };
  if (t.score.ok && t.maxScore.ok && t.score.value < t.maxScore.value)
    return { zh: `得分 ${t.score.value} 低于分值 ${t.maxScore.value}`, en: `score ${t.score.value} below ${t.maxScore.value}` };
  return null;
}
