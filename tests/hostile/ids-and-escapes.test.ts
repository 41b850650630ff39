import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { maskIdsInText, stripControls } from '../../src/core/redact';
import { checkCharacter } from '../../src/core/read/id-number';
import { aidRows, AID_WINDOW } from '../helpers/grid';
import { xlsxFrom } from '../helpers/fixtures';
import { addedPartsText, changedSince, expectBounded, fullIds, partNames, runCli, snapshot, tempDir, tempFilesLeft } from './harness';

const ID = '11010519491231002X';
const FULL_WIDTH = '４４０５２４１８８００１０１００１４';
const SPACED = '371502 19560315 0014';
const ESCAPES = '\u001b]0;pwned\u0007\u001b[2J\u009b31m';

/** An aid ledger with whole IDs where no ID belongs, typed every way, and escapes in cells. */
async function hostileLedger(dir: string) {
  const rows = aidRows((r) => {
    r[2][12] = ID; // phone column
    r[3][3] = `李建国 ${FULL_WIDTH}`; // name column, full-width
    r[4][11] = SPACED; // visit-date column, spaced
    r[4][7] = `${ESCAPES}800`; // amount with terminal escapes
    r[3][4] = '440308199902301512'; // 2月30日: an impossible birth date in the ID column
    r.push([4, '沙镇镇', '沙镇村', `赵${ESCAPES}四`, '110105194912310021', 2, '低保', 500, 0, 500, '政府投入', '2017-01-12', '13900002222']);
    r.push([5, '沙镇镇', '沙镇村', '合并', '371502195603150014', 2, '低保', 500, 0, 500, '政府投入', '2017-01-12', '13900003333']);
  });
  const file = join(dir, '台账\u001b[2J.xlsx'); // a file name with a terminal escape in it
  writeFileSync(file, await xlsxFrom([{ name: '帮扶', rows, merges: ['M7:M8'] }]));
  const settings = join(dir, 's.json');
  writeFileSync(settings, JSON.stringify(AID_WINDOW));
  return { file, settings };
}

describe('no whole ID number in any output, wherever it sits in the workbook', () => {
  it('masks IDs in the console, the JSON report and every tab, and strips terminal escapes', async () => {
    const dir = tempDir();
    const { file, settings } = await hostileLedger(dir);
    const snap = snapshot([file]);
    const out = join(dir, 'copy.xlsx');
    const json = join(dir, 'report.json');
    const r = await runCli(['check', file, '--config', settings, '--out', out, '--json', json, '--all']);
    expectBounded(r);
    expect(r.code).toBe(1);
    expect(fullIds(r.stdout + r.stderr)).toEqual([]);
    expect(r.stdout).toContain('110105********002X');
    // eslint-disable-next-line no-control-regex
    expect(r.stdout + r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    const report = readFileSync(json, 'utf8');
    expect(fullIds(report)).toEqual([]);
    expect(report).not.toMatch(/\\u001b|\u009b/);
    const inputParts = await partNames(readFileSync(file));
    const tabs = await addedPartsText(readFileSync(out), inputParts);
    expect(tabs).toContain('检查结果');
    expect(fullIds(tabs)).toEqual([]);
    // The birth-date finding still says what is wrong, with the number masked.
    expect(r.stdout).toContain('440308********1512 中第 7–14 位的出生日期 2月30日不存在');
    expect(changedSince(snap)).toEqual([]);
    expect(tempFilesLeft(dir)).toEqual([]);
  });

  it('shows them whole with --show-ids, still without escapes', async () => {
    const dir = tempDir();
    const { file, settings } = await hostileLedger(dir);
    const r = await runCli(['check', file, '--config', settings, '--show-ids', '--all', '--json', '-']);
    expectBounded(r);
    const report = JSON.parse(r.stdout);
    const text = JSON.stringify(report);
    expect(fullIds(text)).toEqual(expect.arrayContaining([ID, '440308199902301512']));
    expect(text).toContain('1999-02-30 不是真实存在的日期');
    expect(text).not.toMatch(/\\u001b|\u009b/);
  });
});

describe('the masking function', () => {
  const digits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 17, maxLength: 17 }).map((d) => d.join(''));
  const id18 = digits.map((d) => d + checkCharacter(d));
  const disguise = fc.constantFrom(
    (s: string) => s,
    (s: string) => s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
    (s: string) => `${s.slice(0, 6)} ${s.slice(6, 14)} ${s.slice(14)}`,
    (s: string) => `${s.slice(0, 6)}-${s.slice(6, 10)}-${s.slice(10, 14)}-${s.slice(14)}`,
    (s: string) => s.slice(0, 15),
    (s: string) => s.toLowerCase(),
  );
  const noise = fc.string({ maxLength: 12 }).map((s) => s.replace(/[0-9\uff10-\uff19]/g, ''));

  it('leaves no whole ID in any text, however it is typed and whatever surrounds it', () => {
    fc.assert(
      fc.property(noise, id18, disguise, noise, (before, id, how, after) => {
        expect(fullIds(maskIdsInText(before + how(id) + after))).toEqual([]);
      }),
    );
  });

  it('leaves phone numbers, dates, amounts and masked IDs as they are', () => {
    for (const t of ['13800138000 13900139000', '2017-01-09 2017-01-22', '0635-8241234', '合计 123456.78', '110105********002X']) expect(maskIdsInText(t)).toBe(t);
  });

  it('leaves a message as it is when its digits add up past an ID’s but no run of them could be one', () => {
    const t = 'D181 的身份证号 371502********0141 校验位应为 2，实为 1；K14 的走访日期“2017.2.5”不在 2017-01-09 至 2017-01-22 之内，另见 乡镇2镇!D3630。';
    expect(maskIdsInText(t)).toBe(t);
  });

  it('leaves a text as it is when no run of 14 digits (single spaces or hyphens between) stands in it', () => {
    const piece = fc.oneof(
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 9 }).map((d) => d.join('')),
      fc.constantFrom(' ', '  ', '-', '\u3000', '\u00a0', 'X', 'x', '*', '镇', 'D', '.', '０１２', '９'),
    );
    const run14 = /[0-9\uff10-\uff19](?:[ \u3000\u00a0-]?[0-9\uff10-\uff19]){13}/;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const t = pieces.join('');
        fc.pre(!run14.test(t));
        expect(maskIdsInText(t)).toBe(t);
      }),
      { numRuns: 500 },
    );
  });

  it('strips terminal escapes and control characters but keeps the text', () => {
    expect(stripControls(`赵${ESCAPES}四`)).toBe('赵四');
    expect(stripControls('a\nb\tc')).toBe('a b c');
    expect(stripControls('a\nb', true)).toBe('a\nb');
  });
});
