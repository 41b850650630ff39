import { buildReport } from '../../src/core/report';
import { runPipeline } from '../../src/core/pipeline';
import { parseSettings } from '../../src/core/settings';
import { SheetInput } from '../../src/core/workbook';
import { aidRows, responsibilityRows, sheet } from '../helpers/grid';

const settings = parseSettings({ asOf: '2017-07-15', showIds: false });
const run = (sheets: SheetInput[], withTabs = true) =>
  runPipeline([{ name: 'a.xlsx', sheets }], settings, { today: '2017-07-15', version: 't', tabs: withTabs ? { linkFile: 'a.xlsx', runAt: '2017-07-15 10:00' } : undefined });

/** A 检查记录 tab as we write it: title, subtitle, header, then one row per earlier run. */
const oldLog: SheetInput = {
  name: '检查记录',
  owned: 'log',
  rows: [['检查记录'], ['每次检查追加一行'], ['检查时间', '文件'], ['2017-07-01 09:00', 'a.xlsx', '2017-07-01', 30, 3, 2, 1, 0, '需修改', '0.0.1']],
};

describe('runPipeline: the one path from books to report and tabs', () => {
  it('gives the report the engine and buildReport give, with ID numbers masked', () => {
    // The same ID on two households: a duplicate whose message names the ID.
    const ledger = sheet('东街村', aidRows((rows) => (rows[2][4] = rows[3][4] = '11010519491231002X')));
    const out = run([ledger], false);
    expect(out.tabs).toEqual([]);
    expect(out.report.summary).toEqual(buildReport(out.result, 'zh', 't').summary);
    expect(out.report.summary.byRule['household.duplicate']).toBe(2);
    expect(JSON.stringify(out.report)).not.toContain('11010519491231002X');
    const shown = runPipeline([{ name: 'a.xlsx', sheets: [ledger] }], parseSettings({ asOf: '2017-07-15', showIds: true }), { today: '2017-07-15', version: 't' });
    expect(JSON.stringify(shown.report)).toContain('11010519491231002X');
  });

  it('keeps the 检查记录 rows of the tab whose sheet carries the log role, and checks none of our tabs', () => {
    const out = run([sheet('分解表', responsibilityRows()), oldLog]);
    const log = out.tabs.find((t) => t.role === 'log')!;
    expect(log.rows).toHaveLength(2);
    expect(log.rows[0][0]).toBe('2017-07-01 09:00');
    expect(out.report.files[0].sheets.find((s) => s.name === '检查记录')!.kind).toBe('owned');
    // Each kind's tabs come after 检查结果 and 问题分布, before 检查记录.
    expect(out.tabs.map((t) => t.role)).toEqual(['findings', 'distribution', 'units', 'lost', 'overdue', 'log']);
  });

  it('starts the log afresh when the same rows sit in a sheet of the user that is not ours', () => {
    const out = run([sheet('分解表', responsibilityRows()), { ...oldLog, owned: undefined }]);
    expect(out.tabs.find((t) => t.role === 'log')!.rows).toHaveLength(1);
  });
});
