import { SimRequestContext } from '../../src/excel-sim/api';
import { PAYLOAD_LIMIT } from '../../src/excel-sim/context';
import { SimWorkbook } from '../../src/excel-sim/state';

describe('the strict in-memory Excel', () => {
  const doc = () => SimWorkbook.from([{ name: '表', rows: [['a', 1], ['b', 2]] }]);

  it('throws PropertyNotLoaded for a property read before load and sync', async () => {
    const ctx = new SimRequestContext(doc());
    const r = ctx.workbook.worksheets.getItem('表').getRange('A1:B2');
    expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    r.load('values');
    expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await ctx.sync();
    expect(r.values).toEqual([['a', 1], ['b', 2]]);
    expect(() => r.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });

  it('applies writes only at sync, counting syncs and payload bytes', async () => {
    const d = doc();
    const ctx = new SimRequestContext(d);
    ctx.workbook.worksheets.getItem('表').getRange('A1').values = [['x']];
    expect(d.sheet('表')!.cells.get(16_384 + 1)!.value).toBe('a');
    await ctx.sync();
    expect(d.sheet('表')!.cells.get(16_384 + 1)!.value).toBe('x');
    expect(ctx.stats.syncs).toBe(1);
    expect(ctx.stats.requestBytes).toBeGreaterThan(0);
  });

  it('turns text that starts with = into a formula, unless the cell is formatted as text', async () => {
    const d = doc();
    const ctx = new SimRequestContext(d);
    const ws = ctx.workbook.worksheets.getItem('表');
    ws.getRange('A1').values = [['=1+1']];
    const b = ws.getRange('B1');
    b.numberFormat = [['@']];
    b.values = [['=1+1']];
    await ctx.sync();
    expect(d.sheet('表')!.cells.get(16_384 + 1)!.formula).toBe('=1+1');
    expect(d.sheet('表')!.cells.get(16_384 + 2)).toMatchObject({ value: '=1+1', numberFormat: '@' });
  });

  it('refuses requests and responses over 5 MB, and reads over 5,000,000 cells', async () => {
    const d = doc();
    const ctx = new SimRequestContext(d);
    const big = Array.from({ length: 60_000 }, () => ['一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十']);
    ctx.workbook.worksheets.getItem('表').getRange('A1:A60000').values = big;
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(d.sheet('表')!.cells.size).toBe(4); // nothing applied
    const huge = ctx.workbook.worksheets.getItem('表').getRange('A1:E1000001').load('values');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
    void huge;
    expect(PAYLOAD_LIMIT).toBe(5 * 1024 * 1024);
  });

  it('fails a chosen sync without applying any of it', async () => {
    const d = doc();
    const ctx = new SimRequestContext(d, { failAtSync: 1 });
    ctx.workbook.worksheets.add('新表');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ConnectionFailure' });
    expect(d.sheets.map((s) => s.name)).toEqual(['表']);
  });

  it('enforces sheet-name rules and unknown items at sync', async () => {
    const ctx = new SimRequestContext(doc());
    ctx.workbook.worksheets.add('a/b');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    ctx.workbook.worksheets.getItem('没有').getRange('A1').values = [[1]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    const n = ctx.workbook.worksheets.getItemOrNullObject('没有').load('name');
    await ctx.sync();
    expect(n.isNullObject).toBe(true);
  });
});
