import { Lang } from '../core/messages';

/** Every text the task pane shows, Chinese first. */
const TEXT = {
  zh: {
    title: '台账一键检查',
    check: '一键检查',
    checking: '正在检查…',
    stages: { read: '读取', check: '检查', summarise: '汇总', write: '写回', done: '完成' },
    progressLabel: '检查进度',
    notReadyHint: '请按下面的清单改正后再提交。',
    tabsWritten: (names: string) => `已写回汇总表：${names}`,
    tabs: { findings: '问题', units: '单位得分', aid: '帮扶汇总', settings: '设置' },
    severity: { error: '错误', warning: '警告', info: '提示' },
    filter: '显示',
    noFindings: '没有发现问题。',
    showing: (n: number, total: number) => `显示 ${n} 条，共 ${total} 条；其余见“检查结果”表。`,
    goTo: (cell: string) => `转到 ${cell}`,
    units: ['排名', '牵头单位', '任务', '完成', '逾期', '得分', '丢分', '得分率', '等次'],
    veto: '一票否决',
    noUnits: '没有目标任务分解表。',
    aidAll: '合计',
    aidCols: ['县区', '户数', '人数', '已核实金额（元）', '待核实（处）', '待核实金额（元）'],
    duplicates: (n: number) => `${n} 户出现在多处，见“重复户核查”表。`,
    noAid: '没有帮扶救助台账。',
    settings: {
      asOf: '截止日期（判断逾期）',
      windowFrom: '走访活动开始',
      windowTo: '走访活动结束',
      thresholds: '等次分数线（得分率 %）',
      cap: '每户金额上限（元）',
      totalPoints: '总分',
      mapping: '列映射（工作表!列字母=列名，每行一条，如 分解表!H=owner）',
      save: '保存设置',
      saved: '设置已保存到本工作簿。',
      invalid: '设置有误：',
    },
    notChecked: '点击“一键检查”检查当前工作簿。',
    failed: '检查未完成：',
  },
  en: {
    title: 'Ledger Check',
    check: 'Check now',
    checking: 'Checking…',
    stages: { read: 'Reading', check: 'Checking', summarise: 'Summarising', write: 'Writing back', done: 'Done' },
    progressLabel: 'Progress',
    notReadyHint: 'Fix the cells listed below before submitting.',
    tabsWritten: (names: string) => `Summary tabs written: ${names}`,
    tabs: { findings: 'Findings', units: 'Unit scores', aid: 'Aid totals', settings: 'Settings' },
    severity: { error: 'Errors', warning: 'Warnings', info: 'Notes' },
    filter: 'Show',
    noFindings: 'No findings.',
    showing: (n: number, total: number) => `Showing ${n} of ${total}; see the Findings tab for the rest.`,
    goTo: (cell: string) => `Go to ${cell}`,
    units: ['Rank', 'Lead unit', 'Tasks', 'Done', 'Late', 'Points', 'Lost', 'Rate', 'Grade'],
    veto: 'veto',
    noUnits: 'No responsibility table.',
    aidAll: 'Total',
    aidCols: ['County', 'Households', 'Persons', 'Verified (yuan)', 'To check', 'To check (yuan)'],
    duplicates: (n: number) => `${n} households appear in more than one place: see 重复户核查.`,
    noAid: 'No aid ledger.',
    settings: {
      asOf: 'As-of date (for overdue tasks)',
      windowFrom: 'Campaign starts',
      windowTo: 'Campaign ends',
      thresholds: 'Grade thresholds (rate %)',
      cap: 'Cap per household (yuan)',
      totalPoints: 'Total points',
      mapping: 'Column mapping (sheet!letter=key, one per line, e.g. 分解表!H=owner)',
      save: 'Save settings',
      saved: 'Settings saved in this workbook.',
      invalid: 'Settings are invalid:',
    },
    notChecked: 'Click Check now to check this workbook.',
    failed: 'The check did not finish:',
  },
};

export type Texts = (typeof TEXT)['zh'];

export function texts(lang: Lang): Texts {
  return TEXT[lang] as Texts;
}

/** Office's display language → ours: English when Office speaks English, Chinese otherwise. */
export function langFromOffice(displayLanguage: string | undefined): Lang {
  return displayLanguage && /^en/i.test(displayLanguage) ? 'en' : 'zh';
}
