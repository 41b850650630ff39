import { dayToIso } from '../../../read/date';
import { Check } from '../../../rules/check';
import { daysOverdue, taskLabel } from '../task';
import type { Task } from '../task';
import type { ResponsibilityKey } from '../columns';
import { defineRules, q, qe } from '../../../rule';

export const DEADLINE_RULES = defineRules([
  {
    id: 'deadline.invalid',
    severity: 'error',
    title: { zh: '完成时限无法识别', en: 'Unreadable deadline' },
    message: {
      zh: (p) => `${p.cell} 的完成时限${q(p.text)}无法识别为日期。`,
      en: (p) => `The deadline ${qe(p.text)} at ${p.cell} is not a date.`,
    },
    fix: {
      zh: () => '写成 2017年6月30日、2017/6/30、2017.6.30 这样的日期，长期工作写“长期”或“常态化”。',
      en: () => 'Write a date such as 2017-06-30 or 2017年6月30日, or 长期 / 常态化 for ongoing work.',
    },
  },
  {
    id: 'task.overdue',
    severity: 'warning',
    title: { zh: '任务逾期', en: 'Overdue task' },
    message: {
      zh: (p) => `${p.cell} 的任务${q(p.item)}已过完成时限 ${p.deadline}（逾期 ${p.days} 天），完成情况为${q(p.status)}。`,
      en: (p) => `Task ${qe(p.item)} at ${p.cell} passed its deadline ${p.deadline} ${p.days} days ago; status ${qe(p.status)}.`,
    },
    fix: {
      zh: (p) => `督促${p.unit}（责任人：${p.owner}）限期整改；已完成的请把完成情况改为“已完成”。`,
      en: (p) => `Press ${p.unit} (owner ${p.owner}) to finish; if it is done, set the status to 已完成.`,
    },
  },
]);

/** deadline.invalid and task.overdue: every deadline must be readable, and past ones must be done. */
export function deadlineCheck(): Check<Task, ResponsibilityKey> {
  return {
    rules: DEADLINE_RULES.map((r) => r.id),
    row(row, ctx, t) {
      if (t.deadline.kind === 'invalid') {
        ctx.report({ rule: 'deadline.invalid', row: t.row, column: 'deadline', value: row.get('deadline'), params: { text: t.deadlineText } });
        return;
      }
      const days = daysOverdue(t, ctx.asOf);
      if (days > 0 && t.deadline.kind === 'date') {
        ctx.report({ rule: 'task.overdue', row: t.row, column: 'deadline', value: row.get('deadline'), params: {
          item: taskLabel(t),
          deadline: dayToIso(t.deadline.day),
          days,
          status: t.statusText || '未填写',
          unit: t.leadUnit || '牵头单位',
          owner: t.owner || '未填写',
        } });
      }
    },
  };
}
