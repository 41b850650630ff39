import { detectHeaderTable } from '../../detect';
import { Finding } from '../../findings';
import { Grid } from '../../grid';
import { DetectContext, KindCandidate, KindSpec, SheetPlan, Summariser } from '../../kind';
import { Check, SheetContext } from '../../rules/check';
import { SheetDescription, TabContext } from '../../summary/sheet';
import { DayNumber } from '../../read/date';
import { compact } from '../../read/text';
import { RowIndex } from '../../row-index';
import { Settings } from '../../settings';
import { WHOLE_TABLE } from '../../distribution';
import { deadlineCheck, DEADLINE_RULES } from './checks/deadline';
import { duplicateTaskCheck, DUPLICATE_TASK_RULES } from './checks/duplicate';
import { ownerCheck, OWNER_RULES } from './checks/owner';
import { scoreCheck, SCORE_RULES } from './checks/score';
import { vetoCheck, VETO_RULES } from './checks/veto';
import { RESPONSIBILITY_COLUMNS, ResponsibilityKey } from './columns';
import { ResponsibilityJson, ResponsibilitySchema } from './json';
import { ResponsibilityScores, scoreResponsibility, TaskAt } from './scoring';
import { RESPONSIBILITY_TAB_SIGNATURES, responsibilityTabs } from './tabs';
import { readTask, Task } from './task';

/** A task row whose 牵头单位 is empty, in 问题分布. */
const NO_UNIT = '（未填牵头单位）';

/** 目标任务分解表 / 考核评分表: tasks with a lead unit, an owner, a deadline and points. */
export const responsibilityKind = {
  id: 'responsibility',
  expects: { zh: '测评项目、牵头单位、责任人、完成时限、分值、得分（目标任务分解表）', en: 'item, lead unit, owner, deadline, points, score (responsibility table)' },
  columns: RESPONSIBILITY_COLUMNS,
  layouts: {
    tasks: {
      name: { zh: '目标任务分解表', en: 'responsibility table' },
      required: [{ keys: ['item', 'content'] }, { keys: ['leadUnit'] }, { keys: ['owner'] }, { keys: ['deadline'] }],
    },
    // A 考核评分表 has no 完成时限 at all and may keep its units in the title.
    scoring: {
      name: { zh: '考核评分表', en: 'scoring sheet' },
      required: [{ keys: ['item', 'content'] }, { keys: ['leadUnit'], optional: true }, { keys: ['owner'], optional: true }],
    },
  },
  rules: [...DUPLICATE_TASK_RULES, ...OWNER_RULES, ...DEADLINE_RULES, ...SCORE_RULES, ...VETO_RULES],

  detect: (grid: Grid, ctx: DetectContext): KindCandidate | null =>
    detectHeaderTable(grid, responsibilityKind, ctx, {
      layoutOf: (columns) => (columns.maxScore !== undefined && (columns.score !== undefined || columns.grade !== undefined) && columns.deadline === undefined ? 'scoring' : 'tasks'),
      fillColumns(columns) {
        // 责任到人 means the 具体责任人 / 经办人; the leader answers only when no such column exists.
        if (columns.owner === undefined && columns.leader !== undefined) columns.owner = columns.leader;
        // A 自评表 has only the 自评分: it is the score.
        if (columns.score === undefined && columns.selfScore !== undefined) columns.score = columns.selfScore;
      },
    }),

  sheet(ctx: SheetContext): SheetPlan<Task> {
    // Year-less deadlines (6月底) take the title's year, else the as-of date's.
    const year = ctx.table.titleYear ?? ctx.refYear;
    const settings = ctx.settings;
    return {
      read(view): Task {
        const t = readTask(view.row, view.get, view.text, settings, year);
        t.section = view.section;
        return t;
      },
    };
  },

  checks: (settings: Settings): Check<Task, ResponsibilityKey>[] => [duplicateTaskCheck(), ownerCheck(), deadlineCheck(), scoreCheck({ totalPoints: settings.totalPoints, stateGrades: settings.stateGrades }), vetoCheck()],

  summariser(settings: Settings, asOf: DayNumber): Summariser<Task, ResponsibilityScores> {
    const tasks: TaskAt[] = [];
    const sheets = new Set<string>();
    const unitByRow = new RowIndex<string>();
    // Which column names a task (测评项目, else 测评内容), looked up when the sheet changes.
    let sheetCtx: SheetContext | null = null;
    let itemKey = 'item';
    return {
      row(task, _view, ctx) {
        if (ctx !== sheetCtx) {
          sheetCtx = ctx;
          itemKey = ctx.col('item') !== undefined ? 'item' : 'content';
        }
        tasks.push({ file: ctx.file, sheet: ctx.table.sheet, cell: ctx.cell(itemKey, task.row), task });
      },
      finish(findings: readonly Finding[]) {
        // Only flagged task rows are looked up for 问题分布: no key is built for a clean row.
        const flagged = new RowIndex<true>();
        for (const f of findings) if (f.row !== null) flagged.getOrSet(f.file, f.sheet, f.row, () => true);
        for (const t of tasks) {
          sheets.add(`${t.file}\u0000${t.sheet}`);
          if (flagged.get(t.file, t.sheet, t.task.row)) unitByRow.getOrSet(t.file, t.sheet, t.task.row, () => compact(t.task.leadUnit) || NO_UNIT);
        }
        return scoreResponsibility(tasks, settings, asOf);
      },
      attribute(f) {
        if (!sheets.has(`${f.file}\u0000${f.sheet}`)) return undefined;
        return { unit: (f.row !== null ? unitByRow.get(f.file, f.sheet, f.row) : undefined) ?? WHOLE_TABLE.zh };
      },
    };
  },

  tabs: (scores: ResponsibilityScores, ctx: TabContext): SheetDescription[] => responsibilityTabs(scores, ctx),
  tabSignatures: RESPONSIBILITY_TAB_SIGNATURES,
  json: { schema: ResponsibilitySchema, of: (scores: ResponsibilityScores): ResponsibilityJson => scores },
} satisfies KindSpec<'responsibility', Task, ResponsibilityScores, ResponsibilityJson>;
