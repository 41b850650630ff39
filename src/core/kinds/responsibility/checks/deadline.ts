import { dayToIso } from '../../../read/date';
import { Check } from '../../../rules/check';
import { daysOverdue, taskLabel } from '../task';

/** deadline.invalid and task.overdue: every deadline must be readable, and past ones must be done. */
export function deadlineCheck(): Check {
  return {
    rules: ['deadline.invalid', 'task.overdue'],
    kinds: ['responsibility'],
    row(row, ctx) {
      const t = row.task!;
      if (t.deadline.kind === 'invalid') {
        ctx.report('deadline.invalid', t.row, 'deadline', row.get('deadline'), { text: t.deadlineText });
        return;
      }
      const days = daysOverdue(t, ctx.asOf);
      if (days > 0 && t.deadline.kind === 'date') {
        ctx.report('task.overdue', t.row, 'deadline', row.get('deadline'), {
          item: taskLabel(t),
          deadline: dayToIso(t.deadline.day),
          days,
          status: t.statusText || '未填写',
          unit: t.leadUnit || '牵头单位',
          owner: t.owner || '未填写',
        });
      }
    },
  };
}
