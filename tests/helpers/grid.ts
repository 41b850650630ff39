import { runCheck, LedgerResult as CheckResult } from '../../src/core/pipeline';
import { Finding } from '../../src/core/findings';
import { parseSettings, RuleId, SettingsInput } from '../../src/core/settings';
import { CellValue, SheetInput } from '../../src/core/workbook';

export function sheet(name: string, rows: CellValue[][], merges: string[] = []): SheetInput {
  return { name, rows, merges };
}

/** Checks one workbook of sheets as of a fixed day, so tests never depend on the calendar. */
export function check(sheets: SheetInput[], settings: SettingsInput = {}, file = 'test.xlsx'): CheckResult {
  return runCheck([{ name: file, sheets }], parseSettings({ asOf: '2017-07-15', ...settings }), { today: '2017-07-15' });
}

export function byRule(result: CheckResult, rule: RuleId): Finding[] {
  return result.findings.filter((f) => f.rule === rule);
}

export const RESP_HEADER = ['序号', '测评项目', '测评内容', '分值', '责任单位', '责任人', '完成时限', '完成情况', '得分', '扣分原因'];

/** A well-formed responsibility table whose points add to 100; `patch` edits rows by index. */
export function responsibilityRows(patch: (rows: CellValue[][]) => void = () => undefined): CellValue[][] {
  const rows: CellValue[][] = [
    ['某市卫生计生系统创建全国文明城市目标任务分解表'],
    RESP_HEADER,
    [1, '公益广告', '设置公益广告', 40, '宣传科', '李敏', '2017年6月30日', '已完成', 40, ''],
    [2, '志愿服务', '设立志愿服务台', 30, '医政科、市人民医院', '张伟', '2017年12月31日', '推进中', 28, '引导员不足'],
    [3, '无烟单位', '全面禁烟', 30, '疾控科', '孙强', '长期', '已完成', 30, ''],
  ];
  patch(rows);
  return rows;
}

export const AID_HEADER = ['序号', '乡镇（街道）', '村（居）', '户主姓名', '身份证号', '家庭人口', '困难类型', '慰问金（元）', '慰问品折款（元）', '合计（元）', '资金来源', '走访日期', '联系电话'];

/** A clean aid ledger of three households (valid IDs, sums, dates in the 2017 window, phones). */
export function aidRows(patch: (rows: CellValue[][]) => void = () => undefined): CellValue[][] {
  const rows: CellValue[][] = [
    ['东昌府区2017年春节走访慰问计生困难家庭台账'],
    AID_HEADER,
    [1, '侯营镇', '侯营村', '王秀英', '11010519491231002X', 3, '失独', 500, 300, 800, '政府投入', new Date(Date.UTC(2017, 0, 10)), '13812345678'],
    [2, '侯营镇', '王庄村', '李建国', '440524188001010014', 2, '伤残', 1000, 0, 1000, '部门筹集', '2017.1.15', '0635-8241234'],
    [3, '沙镇镇', '沙镇村', '张志强', '371502195603150014', 4, '低保', 800, 200, 1000, '社会捐助', '2017年1月20日', '13900001111'],
  ];
  patch(rows);
  return rows;
}

export const AID_WINDOW = { window: { from: '2017-01-09', to: '2017-01-22' } };
