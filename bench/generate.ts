/**
 * Big workbooks for benchmarks, generated at run time (never committed) with exceljs's
 * streaming writer.
 */
import ExcelJS from 'exceljs';
import { households, LEDGER_HEADER } from '../scripts/samples/households';

const UNITS = ['宣传科', '医政医管科', '疾控科', '基层卫生科', '计生家庭发展科', '机关党委', '人事科', '委办公室', '爱卫办', '妇幼健康科', '卫生应急办', '纪检监察室'];
const OWNERS = ['李敏', '张伟', '孙强', '吴静', '陈红', '赵玉民', '马丽', '高洁', '周涛', '黄莉', '林峰', '钱进'];
const DEADLINES = ['2017年6月30日', '2017.9.30', '2017/12/31', '长期', '常态化', '2017年8月'];
const STATUS = ['已完成', '推进中', '未启动', '滞后'];

/** A responsibility table of `rows` tasks whose points add up to 100 (as far as rounding allows). */
export async function writeResponsibilityTable(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
  const ws = wb.addWorksheet('分解表');
  ws.addRow(['目标任务分解表（基准测试）']).commit();
  ws.addRow(['序号', '测评项目', '测评内容', '分值', '责任单位', '责任人', '完成时限', '完成情况', '得分', '扣分原因']).commit();
  const points = Math.round((100 / rows) * 1e6) / 1e6;
  for (let i = 0; i < rows; i++) {
    const lost = i % 7 === 0;
    ws.addRow([i + 1, `测评项目${i % 97}`, `具体任务${i}`, points, UNITS[i % UNITS.length], OWNERS[(i * 5) % OWNERS.length], DEADLINES[i % DEADLINES.length], STATUS[i % STATUS.length], lost ? points / 2 : points, lost && i % 3 ? '资料不全' : '']).commit();
  }
  ws.commit();
  await wb.commit();
}



/**
 * A county aid ledger of `total` households over `tabs` township tabs, about 1% of rows
 * carrying a mistake (bad check character, sum, date, phone) so the findings are realistic.
 * Returns the households and the 合计 column's sum as written, for the bench to check totals by.
 */
export async function writeAidLedger(path: string, total: number, tabs = 10, sharedStrings = false): Promise<{ households: number; amount: number }> {
  const written = { households: 0, amount: 0 };
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: sharedStrings });
  const per = Math.ceil(total / tabs);
  for (let t = 0; t < tabs; t++) {
    const ws = wb.addWorksheet(`乡镇${t + 1}镇`);
    ws.addRow([`基准县乡镇${t + 1}镇计生困难家庭帮扶救助台账`]).commit();
    ws.addRow(LEDGER_HEADER).commit();
    const rows = households(100 + t, '371502', ['东村', '西村', '南村', '北村', '中心社区'], Math.min(per, total - t * per));
    rows.forEach((h, i) => {
      const id = i % 173 === 5 ? String(h.id).slice(0, 17) + (String(h.id)[17] === '1' ? '2' : '1') : h.id;
      const totalYuan = i % 211 === 7 ? h.total + 100 : h.total;
      const visit = i % 307 === 11 ? '2017.2.5' : h.visit;
      ws.addRow([i + 1, h.village, h.head, id, h.members, h.type, h.cash, h.goods, totalYuan, h.source, visit, h.phone, '']).commit();
      written.households++;
      written.amount += totalYuan;
    });
    ws.commit();
  }
  await wb.commit();
  return written;
}
