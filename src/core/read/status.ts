import { compact } from './text';

export type TaskStatus = 'completed' | 'in-progress' | 'not-started' | 'lagging' | 'failed' | 'unknown' | 'empty';

/** Negations first: 未完成 contains 完成 but is not done. */
const RULES: Array<[RegExp, TaskStatus]> = [
  [/未达标|不达标|不合格|未通过|未完成/, 'failed'],
  [/滞后|延期|逾期|超期/, 'lagging'],
  [/未启动|未开展|尚未|未开始|待启动/, 'not-started'],
  [/推进中|进行中|正在|实施中|持续推进|部分完成|基本完成|在建|落实中|整改中/, 'in-progress'],
  [/已完成|完成|已落实|落实到位|已达标|达标|已办结|办结|合格|done|completed?/i, 'completed'],
];

export function classifyStatus(text: string): TaskStatus {
  const s = compact(text);
  if (s === '') return 'empty';
  for (const [re, status] of RULES) if (re.test(s)) return status;
  return 'unknown';
}
