import { dayToIso } from '../../read/date';
import { roundMoney } from '../../read/number';
import { Settings } from '../../settings';
import { daysOverdue, earnedPoints, isDone, Task, taskLabel, vetoFailure } from './task';
import { compact } from '../../read/text';

export interface TaskAt {
  file: string;
  sheet: string;
  /** A1 address of the task's item cell, for links back. */
  cell: string;
  task: Task;
}

export interface UnitScore {
  unit: string;
  tasks: number;
  completed: number;
  inProgress: number;
  overdue: number;
  maxPoints: number;
  points: number;
  lost: number;
  /** 已评分分值: the points of the tasks that have a score; the rate is measured against these. */
  scoredPoints: number;
  /** 待评分: tasks with no score yet (their points are in maxPoints, not in scoredPoints). */
  unscored: number;
  /** points ÷ scoredPoints, 0..1; null when nothing is scored yet. */
  rate: number | null;
  grade: string;
  rank: number | null;
  veto: boolean;
}

export interface LostItem {
  file: string;
  sheet: string;
  cell: string;
  unit: string;
  owner: string;
  item: string;
  maxScore: number;
  score: number;
  lost: number;
  reason: string;
  /** The section the item sits in (宣传教育), when the table has section rows. */
  section?: string;
}

export interface OverdueItem {
  file: string;
  sheet: string;
  cell: string;
  unit: string;
  owner: string;
  item: string;
  deadline: string;
  days: number;
  status: string;
  /** The section the item sits in, when the table has section rows. */
  section?: string;
}

export interface ResponsibilityScores {
  units: UnitScore[];
  lost: LostItem[];
  overdue: OverdueItem[];
}

export const UNSCORED_GRADE = '未评分';

const UNIT_ORDER = new Intl.Collator('zh-Hans-CN');

/**
 * Per lead unit (the first unit named): tasks, progress, points, grade and rank, per domain.md.
 * A failed veto item makes the unit's grade the lowest one whatever its points.
 */
export function scoreResponsibility(tasks: TaskAt[], settings: Settings, asOf: number): ResponsibilityScores {
  const byUnit = new Map<string, UnitScore>();
  const lost: LostItem[] = [];
  const overdue: OverdueItem[] = [];
  for (const { file, sheet, cell, task: t } of tasks) {
    const unit = compact(t.leadUnit) || '（未填牵头单位）';
    let u = byUnit.get(unit);
    if (!u) {
      u = { unit, tasks: 0, completed: 0, inProgress: 0, overdue: 0, maxPoints: 0, points: 0, lost: 0, scoredPoints: 0, unscored: 0, rate: null, grade: '', rank: null, veto: false };
      byUnit.set(unit, u);
    }
    u.tasks++;
    if (isDone(t)) u.completed++;
    else if (t.status === 'in-progress' || t.status === 'lagging') u.inProgress++;
    const item = taskLabel(t, 60);
    const days = daysOverdue(t, asOf);
    if (days > 0 && t.deadline.kind === 'date') {
      u.overdue++;
      overdue.push({ file, sheet, cell, unit, owner: t.owner, item, deadline: dayToIso(t.deadline.day), days, status: t.statusText, ...(t.section ? { section: t.section } : {}) });
    }
    if (vetoFailure(t)) u.veto = true;
    const max = t.maxScore.ok ? t.maxScore.value : 0;
    u.maxPoints += max;
    const earned = earnedPoints(t);
    if (earned === null) {
      u.unscored++;
      continue;
    }
    u.points += earned;
    u.scoredPoints += max;
    const lostHere = Math.max(0, max - earned);
    if (lostHere > 0) {
      u.lost += lostHere;
      lost.push({ file, sheet, cell, unit, owner: t.owner, item, maxScore: max, score: earned, lost: roundMoney(lostHere), reason: t.deductionReason, ...(t.section ? { section: t.section } : {}) });
    }
  }
  const thresholds = [...settings.gradeThresholds].sort((a, b) => b.min - a.min);
  const lowest = thresholds[thresholds.length - 1].grade;
  const units = [...byUnit.values()].map((u) => {
    const scoredMax = u.scoredPoints;
    u.scoredPoints = roundMoney(u.scoredPoints);
    u.maxPoints = roundMoney(u.maxPoints);
    u.points = roundMoney(u.points);
    u.lost = roundMoney(u.lost);
    u.rate = scoredMax > 0 ? Math.round((u.points / scoredMax) * 10_000) / 10_000 : null;
    if (u.veto) u.grade = lowest;
    else if (u.rate === null) u.grade = UNSCORED_GRADE;
    else u.grade = thresholds.find((th) => u.rate! >= th.min - 1e-9)?.grade ?? lowest;
    return u;
  });
  // Vetoed units rank below all others; ties share a rank (1, 2, 2, 4).
  const ranked = units.filter((u) => u.rate !== null).sort((a, b) => Number(a.veto) - Number(b.veto) || b.rate! - a.rate!);
  ranked.forEach((u, i) => {
    const prev = ranked[i - 1];
    u.rank = prev && prev.veto === u.veto && prev.rate === u.rate ? prev.rank : i + 1;
  });
  // Within a tie: the unit measured on more points first, then by name with one fixed collation,
  // so the tab, the console and the pane list tied units in the same order on every machine.
  units.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.scoredPoints - a.scoredPoints || UNIT_ORDER.compare(a.unit, b.unit));
  lost.sort((a, b) => b.lost - a.lost || a.unit.localeCompare(b.unit, 'zh'));
  overdue.sort((a, b) => b.days - a.days || a.unit.localeCompare(b.unit, 'zh'));
  return { units, lost, overdue };
}
