/**
 * Issue 13: the built command line reads an aid ledger whose one tab is longer, as text, than
 * the longest string V8 makes: the old reader decoded each sheet into one string and exited 2
 * (「文件内容已损坏 … Cannot create a string longer than 0x1fffffe8 characters」) once a
 * sheet passed it, as an openpyxl-written tab does past ~600,000 rows. Its totals must be the
 * ones written. The ledger is written here by the streaming writer the bench uses (never
 * committed) and removed afterwards. Not timed: the test waits for the child's exit; the bench
 * measures speed and memory.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:buffer';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WrittenLedger, writeBigLedger } from '../../scripts/big-ledger';

const ROOT = join(__dirname, '..', '..');
const HOUSEHOLDS = 650_000;

interface Exit {
  code: number | null;
  stderr: string;
}

/** bin/ledgercheck.js as a user runs it, in its own process; resolves when it exits. */
function ledgercheck(args: string[]): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'ledgercheck.js'), ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('the command line on one openpyxl-style tab of 650,000 households (650,002 rows)', () => {
  let dir: string;
  let file: string;
  let written: WrittenLedger;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledgercheck-big-sheet-'));
    file = join(dir, '全省台账.xlsx');
    // As openpyxl writes text (基 as &#22522;), with a remark on every row: about 890 characters a row.
    written = writeBigLedger(file, HOUSEHOLDS, { charRefs: true, remark: '已入户走访，慰问金和慰问品已当面发放到户主本人并签字确认' });
  }, 10 * 60_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is a sheet longer than any string V8 makes (all ASCII, so bytes are characters)', () => {
    expect(written.sheetBytes[0]).toBeGreaterThan(constants.MAX_STRING_LENGTH);
  });

  it('checks every row and totals what was written', async () => {
    const json = join(dir, 'report.json');
    const r = await ledgercheck(['check', file, '--as-of', '2017-07-15', '--window', '2017-01-09..2017-01-22', '--quiet', '--json', json]);
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    const sheet = report.files[0].sheets[0];
    expect(sheet.dataRange).toBe(`A3:M${HOUSEHOLDS + 2}`);
    expect(sheet.rows).toBe(HOUSEHOLDS);
    const { total } = report.aid;
    // Households set aside as 待核实 (pending) are counted apart from the total.
    expect(total.households + total.pending.households).toBe(written.households);
    expect(total.amount + total.pending.amount).toBeCloseTo(written.amount, 2);
  }, 15 * 60_000);
});
