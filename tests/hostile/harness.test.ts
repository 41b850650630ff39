import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { changedSince, expectBounded, fullIds, runCli, snapshot, tempDir, tempFilesLeft } from './harness';

describe('the hostile-suite harness', () => {
  it('finds whole ID numbers in every disguise and leaves masked ones alone', () => {
    expect(fullIds('户主 11010519491231002X 张三')).toEqual(['11010519491231002X']);
    expect(fullIds('１１０１０５１９４９１２３１００２Ｘ')).toEqual(['11010519491231002X']);
    expect(fullIds('110105 19491231 002X')).toEqual(['11010519491231002X']);
    expect(fullIds('110105491231002')).toEqual(['110105491231002']);
    expect(fullIds('110105********002X 2017-07-15 13800138000')).toEqual([]);
  });

  it('runs the command line in a child process and measures it', async () => {
    const dir = tempDir();
    const bad = join(dir, 'not.xlsx');
    writeFileSync(bad, 'hello');
    const snap = snapshot([bad]);
    const r = await runCli(['check', bad]);
    expect(r.code).toBe(2);
    expectBounded(r);
    expect(r.peakMb!).toBeGreaterThan(10);
    expect(changedSince(snap)).toEqual([]);
    expect(tempFilesLeft(dir)).toEqual([]);
  });
});
