import { SimWorkbook } from '../../src/excel-sim/state';
import { PAYLOAD_LIMIT } from '../../src/excel-sim/context';
import { checkWorkbook } from '../../src/excel/check-workbook';
import { readWorkbook } from '../../src/excel/read';
import { selectCell } from '../../src/excel/navigate';
import { loadSettings, saveSettings, SETTINGS_KEY } from '../../src/excel/settings-store';
import { FULL_SUPPORT } from '../../src/excel/support';
import { SyncTimeoutError } from '../../src/excel/sync';
import { CellValue } from '../../src/core/workbook';
import { RESP_HEADER, responsibilityRows } from '../helpers/grid';
import { context, options, run, simBook, tabs } from './helpers';

const OUR_TABS = ['检查结果', '问题分布', '责任汇总', '丢分清单', '督办清单', '检查记录'];

function bigTable(rows: number): CellValue[][] {
  const out: CellValue[][] = [['目标任务分解表'], RESP_HEADER];
  for (let i = 0; i < rows; i++) out.push([i + 1, `项目${i % 50}`, `内容${i}`, 1, ['宣传科', '医政科', '疾控科'][i % 3], '李敏', '长期', '已完成', 1, '']);
  return out;
}

function sample(): SimWorkbook {
  return simBook([{ name: '分解表', rows: responsibilityRows((r) => (r[3][5] = '办公室')) }]);
}

describe('the Office.js host on the strict in-memory Excel', () => {
  it('reads in two syncs plus one per payload block: 100 rows and 100,000 rows differ only by blocks', async () => {
    const small = context(simBook([{ name: '表', rows: bigTable(100) }]));
    const large = context(simBook([{ name: '表', rows: bigTable(100_000) }]));
    const a = await readWorkbook(small.ctx, { support: FULL_SUPPORT, fileName: 'x' });
    const b = await readWorkbook(large.ctx, { support: FULL_SUPPORT, fileName: 'x' });
    expect(a.syncs).toBe(3);
    expect(b.workbook.sheets[0].rows).toHaveLength(100_002);
    expect(b.workbook.sheets[0].rows[100_001][2]).toBe('内容99999');
    // Two fixed syncs, then blocks: at most as many as a 40-bytes-a-cell guess makes, fewer once measured.
    const guessedBlocks = Math.ceil(100_002 / Math.floor((3 * 1024 * 1024) / (10 * 40)));
    expect(b.syncs - 2).toBeGreaterThanOrEqual(Math.ceil(large.sim.stats.responseBytes / PAYLOAD_LIMIT));
    expect(b.syncs - 2).toBeLessThanOrEqual(guessedBlocks);
    expect(large.sim.stats.largestResponse).toBeLessThan(PAYLOAD_LIMIT);
  });

  it('splits a block again when its cells are denser than guessed', async () => {
    const dense = bigTable(20_000).map((r, i) => (i > 1 ? r.map((v) => (typeof v === 'string' ? v + '一二三四五六七八九十'.repeat(4) : v)) : r));
    const { sim, ctx } = context(simBook([{ name: '表', rows: dense }]));
    const r = await readWorkbook(ctx, { support: FULL_SUPPORT, fileName: 'x' });
    expect(r.workbook.sheets[0].rows).toHaveLength(20_002);
    expect(sim.stats.largestResponse).toBeLessThan(PAYLOAD_LIMIT);
  });

  it("checks the open workbook and writes the summary tabs, leaving the user's cells identical", async () => {
    const doc = sample();
    const before = doc.snapshot('分解表');
    const { outcome } = await run(doc);
    expect(outcome.report.summary.byRule).toEqual({ 'owner.not-person': 1 });
    expect(doc.snapshot('分解表')).toEqual(before);
    expect(tabs(doc)).toEqual(['分解表', ...OUR_TABS]);
    const findings = doc.sheet('检查结果')!;
    expect(findings.frozenRows).toBe(3);
    expect(findings.tables).toHaveLength(1);
    expect(findings.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', printTitleRows: '$3:$3', fitToWidth: true, fitToHeight: 0 });
    expect([...findings.hyperlinks.values()][0]).toEqual({ documentReference: "'分解表'!F4", textToDisplay: 'F4' });
    expect(findings.customProperties.get('LedgerCheck.role')).toMatch(/^findings\|lc1:[0-9a-f]{16}$/);
  });

  it('runs a fixed number of syncs whatever the row count', async () => {
    const a = await run(simBook([{ name: '表', rows: bigTable(100) }]));
    const b = await run(simBook([{ name: '表', rows: bigTable(100_000) }]));
    expect(a.outcome.syncs).toEqual({ read: 3, write: 3 });
    expect(b.outcome.syncs.write).toBe(3);
    expect(b.outcome.syncs.read - a.outcome.syncs.read).toBeLessThanOrEqual(Math.ceil(100_002 / 7864) - 1);
  });

  it('leaves exactly one set of tabs after a second run, and the log grows', async () => {
    const doc = sample();
    await run(doc);
    await run(doc);
    expect(tabs(doc)).toEqual(['分解表', ...OUR_TABS]);
    const log = doc.sheet('检查记录')!;
    expect([...log.cells.keys()].filter((k) => Math.floor(k / 16_384) >= 4 && k % 16_384 === 1)).toHaveLength(2);
  });

  it("never touches a user's own sheet called 检查结果", async () => {
    const doc = simBook([
      { name: '分解表', rows: responsibilityRows() },
      { name: '检查结果', rows: [['我自己的记录'], ['请勿删除']] },
    ]);
    const mine = doc.snapshot('检查结果');
    const { outcome } = await run(doc);
    expect(outcome.tabNames.findings).toBe('检查结果(2)');
    expect(doc.snapshot('检查结果')).toEqual(mine);
    await run(doc);
    expect(doc.snapshot('检查结果')).toEqual(mine);
    expect(tabs(doc).filter((n) => n.startsWith('检查结果'))).toEqual(['检查结果', '检查结果(2)']);
  });

  it('writes an injected =1+1 as text, never as a formula', async () => {
    const doc = simBook([{ name: '分解表', rows: responsibilityRows((r) => (r[3][5] = '=1+1')) }]);
    await run(doc);
    const lost = doc.sheet('丢分清单')!;
    const cell = [...lost.cells.values()].find((c) => c.value === '=1+1');
    expect(cell).toMatchObject({ value: '=1+1', numberFormat: '@' });
    expect(cell!.formula).toBeUndefined();
    expect([...lost.cells.values()].some((c) => c.formula)).toBe(false);
  });

  describe('a failure at any sync', () => {
    async function syncsOfARun(first: boolean) {
      const doc = sample();
      if (!first) await run(doc);
      const { stats } = await run(doc);
      return stats.syncs;
    }

    for (const first of [true, false]) {
      it(`leaves no complete-looking half tab (${first ? 'first run' : 'replacing earlier tabs'})`, async () => {
        const n = await syncsOfARun(first);
        expect(n).toBe(6);
        for (let k = 1; k <= n; k++) {
          const doc = sample();
          if (!first) await run(doc);
          const before = tabs(doc);
          const snapshots = before.map((t) => doc.snapshot(t));
          await expect(run(doc, { failAtSync: k })).rejects.toThrow(/ConnectionFailure/);
          // The workbook is exactly as it was: same visible tabs with the same cells, nothing half built.
          expect([k, tabs(doc)]).toEqual([k, before]);
          expect(before.map((t) => doc.snapshot(t))).toEqual(snapshots);
        }
      });
    }
  });

  it('gives up a sync that hangs, with a clear message', async () => {
    const { ctx } = context(sample(), { hangAtSync: 1 });
    await expect(checkWorkbook(ctx, options({}, { timeoutMs: 50 }))).rejects.toBeInstanceOf(SyncTimeoutError);
  });

  it('keeps settings in the workbook, validated; corrupt ones fall back to the defaults with a warning', async () => {
    const doc = sample();
    const { ctx } = context(doc);
    await saveSettings(ctx, { totalPoints: 120, asOf: '2017-07-15' });
    expect((await loadSettings(ctx)).settings.totalPoints).toBe(120);
    doc.settings.set(SETTINGS_KEY, '{"totalPoints": "一百"}');
    const bad = await loadSettings(ctx);
    expect(bad.settings.totalPoints).toBe(100);
    expect(bad.warning).toContain('已改用默认设置');
    await expect(saveSettings(ctx, { totalPoints: -1 })).rejects.toThrow();
  });

  it("selects a finding's cell", async () => {
    const doc = sample();
    const { ctx } = context(doc);
    await selectCell(ctx, '分解表', 'F4');
    expect(doc.selection).toEqual({ sheet: '分解表', address: 'F4' });
    expect(doc.activeSheet).toBe('分解表');
  });
});
