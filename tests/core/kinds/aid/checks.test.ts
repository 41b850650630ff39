import { renderMessage } from '../../../../src/core/messages';
import { RuleId } from '../../../../src/core/settings';
import { CellValue } from '../../../../src/core/workbook';
import { AID_WINDOW, aidRows, byRule, check, sheet } from '../../../helpers/grid';

const run = (patch: (rows: CellValue[][]) => void, settings = {}) => check([sheet('台账', aidRows(patch))], { ...AID_WINDOW, ...settings });

function cells(result: ReturnType<typeof run>, rule: RuleId): string[] {
  return byRule(result, rule).map((f) => f.cell);
}

/** The findings of every rule but `rules`, which must be none. */
function othersOf(result: ReturnType<typeof run>, ...rules: RuleId[]): string[] {
  return result.findings.filter((f) => !rules.includes(f.rule)).map((f) => `${f.rule}@${f.cell}`);
}

describe('aid rules', () => {
  it('a clean ledger has no findings', () => {
    expect(run(() => undefined).findings).toEqual([]);
  });

  it('id.checksum, with the ID masked in the message', () => {
    const r = run((rows) => (rows[2][4] = '440308199901101513'));
    expect(cells(r, 'id.checksum')).toEqual(['E3']);
    expect(othersOf(r, 'id.checksum')).toEqual([]);
    const f = byRule(r, 'id.checksum')[0];
    expect(f.value).toBe('440308********1513');
    expect(renderMessage('id.checksum', f.params, 'zh').message).toBe('E3 的身份证号 440308********1513 校验位应为 2，实为 3，号码有录入错误。');
    expect(byRule(run((rows) => (rows[2][4] = '440308199901101513'), { showIds: true }), 'id.checksum')[0].value).toBe('440308199901101513');
  });

  it('id.birthdate: no such day, or a birth in the future', () => {
    expect(cells(run((rows) => (rows[2][4] = '440308199902301512')), 'id.birthdate')).toEqual(['E3']);
    const future = run((rows) => (rows[2][4] = '11010520200101001' + '1'), { asOf: '2019-01-01' });
    expect(cells(future, 'id.birthdate')).toEqual(['E3']);
  });

  it('id.scientific: an ID typed as a number, never a crash', () => {
    const r = run((rows) => (rows[3][4] = 440524188001010014));
    expect(cells(r, 'id.scientific')).toEqual(['E4']);
    expect(othersOf(r, 'id.scientific')).toEqual([]);
  });

  it('id.legacy15 is a warning, id.format an error', () => {
    const r = run((rows) => {
      rows[2][4] = '610104620927690';
      rows[3][4] = '4405241880010100';
    });
    expect(byRule(r, 'id.legacy15').map((f) => [f.cell, f.severity])).toEqual([['E3', 'warning']]);
    expect(byRule(r, 'id.format').map((f) => [f.cell, f.severity])).toEqual([['E4', 'error']]);
  });

  it('id.region: unknown even in the historical lists is a warning; old codes are known', () => {
    const r = run((rows) => (rows[2][4] = '99999919491231001' + '9'));
    expect(byRule(r, 'id.region').map((f) => [f.cell, f.severity, f.params.region])).toEqual([['E3', 'warning', '999999']]);
    // 372522 (阳谷县 in the old 聊城地区) and 371523 (茌平县, now 茌平区 371503) are historical codes.
    const old = run((rows) => {
      rows[2][4] = '37252219560315001' + '3';
      rows[3][4] = '37152319560315001' + '1';
    });
    expect(byRule(old, 'id.region')).toEqual([]);
  });

  it('household.duplicate: the same ID twice in a sheet, each naming the other', () => {
    const r = run((rows) => (rows[4][4] = '11010519491231002X'));
    const f = byRule(r, 'household.duplicate');
    expect(f.map((x) => [x.cell, x.params.others])).toEqual([
      ['E3', '台账!E5'],
      ['E5', '台账!E3'],
    ]);
    expect(othersOf(r, 'household.duplicate')).toEqual([]);
  });

  it('household.cross-duplicate: the same ID in two sheets or two files', () => {
    const other = sheet('沙镇镇', aidRows((rows) => rows.splice(2, 2)));
    const r = check([sheet('台账', aidRows()), other], AID_WINDOW);
    expect(byRule(r, 'household.cross-duplicate').map((f) => [f.sheet, f.cell, f.params.others])).toEqual([
      ['台账', 'E5', '沙镇镇!E3'],
      ['沙镇镇', 'E3', '台账!E5'],
    ]);
    expect(byRule(r, 'household.duplicate')).toEqual([]);
  });

  it('household.name-duplicate: same head, same village, no ID', () => {
    const r = run((rows) => {
      rows[3] = [...rows[2]];
      rows[2][4] = null;
      rows[3][4] = '';
    });
    expect(cells(r, 'household.name-duplicate')).toEqual(['D3', 'D4']);
  });

  it('amount.not-number and amount.negative', () => {
    const r = run((rows) => {
      rows[2][7] = '五百';
      rows[3][8] = -100;
    });
    expect(cells(r, 'amount.not-number')).toEqual(['H3']);
    expect(cells(r, 'amount.negative')).toEqual(['I4']);
  });

  it('amount.sum-mismatch: cash + goods ≠ total, in 元', () => {
    const r = run((rows) => (rows[2][9] = 900));
    const f = byRule(r, 'amount.sum-mismatch');
    expect(f.map((x) => [x.cell, x.params.left, x.params.right, x.params.diff])).toEqual([['J3', 800, 900, 100]]);
  });

  it('amount.sum-mismatch: per-source columns ≠ total', () => {
    const rows: CellValue[][] = [
      ['户主', '身份证号', '慰问金', '合计', '政府投入', '部门筹集'],
      ['王秀英', '11010519491231002X', 800, 800, 500, 300],
      ['李建国', '440524188001010014', 1000, 1000, 500, 400],
    ];
    expect(cells(check([sheet('表', rows)]), 'amount.sum-mismatch')).toEqual(['E3']);
  });

  it('amount.unit: 万元 typed into a 元 column, and 元 into a 万元 column', () => {
    expect(cells(run((rows) => {
      rows[2][7] = 0.05;
      rows[2][8] = 0.03;
      rows[2][9] = 0.08;
    }), 'amount.unit')).toEqual(['H3', 'I3', 'J3']);
    const wan: CellValue[][] = [
      ['户主', '身份证号', '慰问金（万元）', '合计（万元）'],
      ['王秀英', '11010519491231002X', 0.08, 0.08],
      ['李建国', '440524188001010014', 800, 800],
    ];
    expect(cells(check([sheet('表', wan)], { rules: { 'amount.outlier': { enabled: false } } }), 'amount.unit')).toEqual(['C3', 'D3']);
  });

  it('amount.outlier: above the per-household cap (default 5,000 元, or the setting)', () => {
    expect(cells(run((rows) => {
      rows[2][7] = 6000;
      rows[2][9] = 6300;
    }), 'amount.outlier')).toEqual(['J3']);
    expect(cells(run(() => undefined, { capPerHousehold: 900 }), 'amount.outlier')).toEqual(['J4', 'J5']);
  });

  it('date.out-of-window: visits before, after, or not dates at all; all three date forms read', () => {
    const r = run((rows) => {
      rows[2][11] = '2017.2.5';
      rows[3][11] = '春节前';
    });
    expect(cells(r, 'date.out-of-window')).toEqual(['L3', 'L4']);
    expect(cells(run(() => undefined, { window: { from: '2017-01-11', to: '2017-01-19' } }), 'date.out-of-window')).toEqual(['L3', 'L5']);
  });

  it('phone.format: 11-digit mobiles and landlines with area code pass', () => {
    const r = run((rows) => {
      rows[2][12] = '8241234';
      rows[3][12] = '138123456789';
      rows[4][12] = '(0635)8241234、13900001111';
    });
    expect(cells(r, 'phone.format')).toEqual(['M3', 'M4']);
  });

  it('required.missing: head, ID and amount', () => {
    const r = run((rows) => {
      rows[2][3] = '';
      rows[3][4] = null;
      rows[4][7] = null;
      rows[4][9] = null;
    });
    expect(cells(r, 'required.missing')).toEqual(['D3', 'E4', 'J5']);
  });

  it('total-row.mismatch on a ledger in 万元', () => {
    const rows: CellValue[][] = [
      ['户主', '身份证号', '慰问金（万元）', '合计（万元）'],
      ['王秀英', '11010519491231002X', 0.08, 0.08],
      ['李建国', '440524188001010014', 0.1, 0.1],
      ['合计', null, 0.18, 0.2],
    ];
    expect(byRule(check([sheet('表', rows)]), 'total-row.mismatch').map((f) => [f.cell, f.params.expected])).toEqual([['D4', 0.18]]);
  });
});

describe('duplicates at scale', () => {
  it('one ID filled down 20,000 rows gives short messages, not n² text', () => {
    const rows: CellValue[][] = [['户主姓名', '身份证号', '慰问金', '合计']];
    for (let i = 0; i < 20_000; i++) rows.push([`户主${i}`, '11010519491231002X', 500, 500]);
    const r = check([sheet('表', rows), sheet('表二', rows.slice(0, 3))]);
    const dup = byRule(r, 'household.duplicate');
    expect(dup).toHaveLength(20_000 + 2); // 表二's two rows repeat each other too
    expect(dup[0].related).toHaveLength(20);
    expect(renderMessage('household.duplicate', dup[0].params, 'zh').message).toContain('等 19999 处');
    expect(renderMessage('household.duplicate', dup[0].params, 'en').message).toContain('and 19994 more');
    expect(Math.max(...dup.map((f) => renderMessage(f.rule, f.params, 'zh').message.length))).toBeLessThan(200);
    const cross = byRule(r, 'household.cross-duplicate');
    expect(cross).toHaveLength(20_002);
    expect(cross.find((f) => f.sheet === '表二')!.params.others).toContain('等 20000 处');
  });
});
