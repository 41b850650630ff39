import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { join } from 'node:path';
import { KINDS } from '../../src/core/kinds/registry';
import { runPipeline } from '../../src/core/pipeline';
import { parseSettings, SettingsInput } from '../../src/core/settings';
import { editedTabRole, signatureRole } from '../../src/core/summary/edited-tab';
import { tabCells } from '../../src/core/summary/ownership';
import { SheetDescription } from '../../src/core/summary/sheet';
import { SheetInput } from '../../src/core/workbook';
import { readXlsx } from '../../src/xlsx/read';
import { aidRows, AID_WINDOW, responsibilityRows } from '../helpers/grid';

const SAMPLE = join(__dirname, '..', '..', 'assets', 'samples', '党组织书记述职评议测评-2017.xlsx');

/** Every tab the tools write for a workbook, in one language. */
function tabsFor(sheets: SheetInput[], settings: SettingsInput, lang: 'zh' | 'en', files = ['a.xlsx']): SheetDescription[] {
  const books = files.map((name) => ({ name, sheets }));
  return runPipeline(books, parseSettings({ asOf: '2017-07-15', lang, ...settings }), { today: '2017-07-15', version: 't', tabs: { linkFile: null, runAt: '2017-07-15 10:00' } }).tabs;
}

async function allTabs(lang: 'zh' | 'en'): Promise<SheetDescription[]> {
  const ballot = (await readXlsx(new Uint8Array(readFileSync(SAMPLE)), 'b.xlsx')).workbook.sheets;
  // A household in two townships, so the duplicates tab is written too.
  const twice = aidRows((r) => r.push([...r[r.length - 1]]));
  return [
    ...tabsFor([{ name: '分解表', rows: responsibilityRows((r) => (r[3][5] = '办公室')) }], {}, lang),
    ...tabsFor([{ name: '分解表', rows: responsibilityRows() }], {}, lang, ['a.xlsx', 'b.xlsx']),
    ...tabsFor([{ name: '侯营镇', rows: twice }], AID_WINDOW, lang),
    ...tabsFor([{ name: '侯营镇', rows: aidRows() }], AID_WINDOW, lang, ['a.xlsx', 'b.xlsx']),
    ...tabsFor(ballot, {}, lang),
  ];
}

describe('our summary tab after an office edited it', () => {
  it.each(['zh', 'en'] as const)('recognises every tab we write by its title and header row (%s), whatever its body', async (lang) => {
    const tabs = await allTabs(lang);
    expect(new Set(tabs.map((t) => t.role))).toEqual(new Set(['findings', 'distribution', 'log', 'units', 'lost', 'overdue', 'aid', 'duplicates', 'ballot', 'interviews']));
    for (const t of tabs) {
      const cells = tabCells(t, t.name);
      expect({ name: t.name, role: signatureRole(cells, KINDS) }).toEqual({ name: t.name, role: t.role });
      // The office fills a cell or adds a remark below the table: still ours.
      cells.rows.push(['备注：已督办']);
      expect({ name: t.name, role: signatureRole(cells, KINDS) }).toEqual({ name: t.name, role: t.role });
    }
  });

  it("leaves a user's sheet alone when only its name, its title or part of its header is ours", () => {
    const interview = (rows: SheetInput['rows']): SheetInput => ({ name: '约谈名单', rows });
    const header = ['姓名', '单位', '总体等次', '好票率', '差票数', '拉低的测评项目', '整改时限'];
    const title = '约谈名单（总体等次为差，共 1 人）';
    expect(signatureRole(interview([[title], [], header, ['张三']]), KINDS)).toBe('interviews');
    expect(signatureRole(interview([['约谈名单'], [], header]), KINDS)).toBeNull();
    expect(signatureRole(interview([[title], [], header.slice(0, 6)]), KINDS)).toBeNull();
    expect(signatureRole(interview([[title], [], [...header, '备注']]), KINDS)).toBeNull();
    expect(signatureRole(interview([[title], [], ['序号', ...header]]), KINDS)).toBeNull();
    expect(signatureRole(interview([[title, '附件1'], [], header]), KINDS)).toBeNull();
    expect(signatureRole(interview([[], [title], [], header]), KINDS)).toBeNull();
    expect(signatureRole({ name: '约谈名单', rows: [[title], [], header], origin: { row: 1, col: 2 } }, KINDS)).toBeNull();
  });

  it("knows a kind's tabs from the kinds it is given, core's own tabs always", async () => {
    const tabs = await allTabs('zh');
    const core = new Set(['findings', 'distribution', 'log']);
    for (const t of tabs) {
      const cells = tabCells(t, t.name);
      expect({ name: t.name, role: signatureRole(cells, []) }).toEqual({ name: t.name, role: core.has(t.role) ? t.role : null });
      const own = KINDS.filter((k) => k.tabSignatures.some((s) => s.role === t.role));
      expect(own.length).toBe(core.has(t.role) ? 0 : 1);
      expect({ name: t.name, role: signatureRole(cells, own) }).toEqual({ name: t.name, role: t.role });
    }
  });

  it('takes the role our mark claims when the values no longer prove it, and never a proved tab', () => {
    expect(editedTabRole({ name: '丢分清单', rows: [['随便什么']], marked: 'lost' }, KINDS)).toBe('lost');
    expect(editedTabRole({ name: '丢分清单', rows: [['随便什么']] }, KINDS)).toBeNull();
    expect(editedTabRole({ name: '检查记录', rows: [['检查记录'], [], ['检查时间', '文件', '截止日期', '规则数', '检查行数', '错误', '警告', '提示', '结论', '版本']], owned: 'log' }, KINDS)).toBeNull();
  });

  it('the engine neither checks nor counts such a tab that lost its mark (copied into another workbook)', async () => {
    const interviews = (await allTabs('zh')).find((t) => t.role === 'interviews')!;
    const tab = tabCells(interviews, '约谈名单');
    tab.rows[3][6] = 42977; // 整改时限 filled in by the office
    const run = (sheets: SheetInput[]) => runPipeline([{ name: 'a.xlsx', sheets }], parseSettings({ asOf: '2017-07-15' }), { today: '2017-07-15', version: 't' }).report;
    const alone = run([{ name: '分解表', rows: responsibilityRows() }]);
    const withTab = run([{ name: '分解表', rows: responsibilityRows() }, tab]);
    expect(withTab.files[0].sheets.find((s) => s.name === '约谈名单')).toMatchObject({ kind: 'owned', reason: '本工具写入的汇总表，已被修改：不检查，也不替换' });
    expect(withTab.findings).toEqual(alone.findings);
    expect(withTab.summary).toEqual(alone.summary);
  });

  it('property: any edit below the header keeps each of our tabs ours; any other last header keeps a sheet the user\'s', async () => {
    const tabs = [...(await allTabs('zh')), ...(await allTabs('en'))];
    const value = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null));
    const edit = fc.record({ row: fc.nat(30), col: fc.nat(20), value });
    fc.assert(
      fc.property(fc.nat(tabs.length - 1), fc.array(edit, { maxLength: 12 }), (i, edits) => {
        const cells = tabCells(tabs[i], tabs[i].name);
        for (const e of edits) (cells.rows[3 + e.row] ??= [])[e.col] = e.value;
        return signatureRole(cells, KINDS) === tabs[i].role;
      }),
    );
    fc.assert(
      fc.property(fc.nat(tabs.length - 1), fc.string({ minLength: 1 }), (i, header) => {
        const cells = tabCells(tabs[i], tabs[i].name);
        const row = cells.rows[2];
        fc.pre(header.trim() !== '' && header.trim() !== row[row.length - 1]);
        row[row.length - 1] = header;
        return signatureRole(cells, KINDS) === null;
      }),
    );
  });
});
