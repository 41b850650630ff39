import { runCheck } from '../../src/core/pipeline';
import { buildReport, ReportSchema } from '../../src/core/report';
import { parseSettings } from '../../src/core/settings';
import { summaryTabs } from '../../src/core/summary/tabs';
import { aidRows, responsibilityRows, sheet } from '../helpers/grid';

// 侯营镇 (rows 3–4): a 慰问金 typed as words (1 error). 沙镇镇 (row 5): parts ≠ 合计 (1 error) and a
// phone without area code (1 warning). The responsibility table: 宣传科's deadline 尽快 (1 error),
// 医政科's owner 办公室 (1 warning), and a 分值 column adding up to 90 (the whole table, 1 error).
const aid = aidRows((r) => {
  r[2][7] = '五百';
  r[4][9] = 1100;
  r[4][12] = '8241234';
});
const resp = responsibilityRows((r) => {
  r[2][6] = '尽快';
  r[3][5] = '办公室';
  r[4][3] = 20;
  r[4][8] = 20;
});
const result = runCheck(
  [
    { name: '东昌府区.xlsx', sheets: [sheet('台账', aid)] },
    { name: '分解表.xlsx', sheets: [sheet('分解表', resp)] },
  ],
  parseSettings({ asOf: '2017-07-15' }),
  { today: '2017-07-15' },
);
const tally = (t: { errors: number; warnings: number }) => `${t.errors}/${t.warnings}`;

describe('问题分布: who has to fix what', () => {
  it('counts errors and warnings per file, township and lead unit, worst first', () => {
    const d = result.distribution;
    expect(d.byFile.map((f) => [f.file, tally(f)])).toEqual([
      ['东昌府区.xlsx', '2/1'],
      ['分解表.xlsx', '2/1'],
    ]);
    expect(d.byPlace.map((p) => [p.county, p.township, tally(p)])).toEqual([
      ['东昌府区', '沙镇镇', '1/1'],
      ['东昌府区', '侯营镇', '1/0'],
    ]);
    expect(d.byUnit.map((u) => [u.unit, tally(u)])).toEqual([
      ['（整张表）', '1/0'],
      ['宣传科', '1/0'],
      ['医政科', '0/1'],
    ]);
  });

  it('goes into the JSON report and the 问题分布 tab with the same counts', () => {
    const report = ReportSchema.parse(buildReport(result, 'zh', 't'));
    expect(report.distribution).toEqual(result.distribution);
    const tab = summaryTabs({ result, lang: 'zh', linkFile: null, runAt: 'now', toolVersion: 't' }).find((t) => t.role === 'distribution')!;
    expect(tab.name).toBe('问题分布');
    expect(tab.rows).toEqual([
      ['按文件', '东昌府区.xlsx', 2, 1, 0],
      ['按文件', '分解表.xlsx', 2, 1, 0],
      ['按县区乡镇', '东昌府区 沙镇镇', 1, 1, 0],
      ['按县区乡镇', '东昌府区 侯营镇', 1, 0, 0],
      ['按牵头单位', '（整张表）', 1, 0, 0],
      ['按牵头单位', '宣传科', 1, 0, 0],
      ['按牵头单位', '医政科', 0, 1, 0],
    ]);
  });
});
