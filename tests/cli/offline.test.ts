import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/cli';

const ROOT = join(__dirname, '..', '..');
const SAMPLES = join(ROOT, 'assets', 'samples');
const NO_NETWORK = join(__dirname, '..', 'helpers', 'no-network.js');

/** Without any network: in a network namespace of its own when the machine allows it, and always with every network API made to throw. */
function offline(args: string[]) {
  const node = [process.execPath, '--require', NO_NETWORK, ...args];
  const isolated = process.platform === 'linux' && spawnSync('unshare', ['-n', 'true']).status === 0;
  const [cmd, ...rest] = isolated ? ['unshare', '-n', ...node] : node;
  return spawnSync(cmd, rest, { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
}

describe('the command line on a machine with no network', () => {
  it('checks and consolidates two county ledgers, writing the workbook and the report', () => {
    const dir = tempDir();
    const out = join(dir, '聊城市汇总.xlsx');
    const json = join(dir, '聊城市汇总.json');
    const r = offline([join(ROOT, 'bin', 'ledgercheck.js'), 'check', join(SAMPLES, '东昌府区帮扶救助台账-2017春节.xlsx'), join(SAMPLES, '阳谷县帮扶救助台账-2017春节.xlsx'), '--config', join(SAMPLES, '帮扶检查设置.json'), '--out', out, '--json', json]);
    expect(r.stderr).not.toContain('NETWORK USED');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/\d+ 个错误/);
    expect(existsSync(out)).toBe(true);
    expect(JSON.parse(readFileSync(json, 'utf8')).aid.total.households).toBeGreaterThan(0);
  });

  it('would notice a network call (the guard itself works)', () => {
    const r = offline(['-e', "require('node:dns').lookup('example.com', () => {})"]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('NETWORK USED: dns.lookup');
  });
});
