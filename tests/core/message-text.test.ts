import fc from 'fast-check';
import { withoutCell } from '../../src/core/message-text';

describe('a message without its own cell address', () => {
  it('drops the address where the message names the cell, in both languages', () => {
    expect(withoutCell('I23 的完成时限“尽快”无法识别为日期。', 'I23')).toBe('完成时限“尽快”无法识别为日期。');
    expect(withoutCell('合计行 E41 的分值为 100，而各行相加为 102（相差 2）。', 'E41')).toBe('合计行的分值为 100，而各行相加为 102（相差 2）。');
    expect(withoutCell('E13：慰问金 + 慰问品折款 ≠ 合计。', 'E13')).toBe('慰问金 + 慰问品折款 ≠ 合计。');
    expect(withoutCell('The deadline "尽快" at G3 is not a date.', 'G3')).toBe('The deadline "尽快" is not a date.');
    expect(withoutCell('G3: cash + goods ≠ total.', 'G3')).toBe('Cash + goods ≠ total.');
  });

  it('leaves a message that names another cell, or none, whole', () => {
    expect(withoutCell('第 26 行是夹在数据中间的空行。', 'A26')).toBe('第 26 行是夹在数据中间的空行。');
    expect(withoutCell('B11 的任务重复出现，另见 分解表!B13。', 'B13')).toBe('B11 的任务重复出现，另见 分解表!B13。');
  });

  it('never throws and never lengthens a message', () => {
    fc.assert(fc.property(fc.string(), fc.string({ maxLength: 8 }), (m, c) => withoutCell(m, c).length <= m.length));
  });
});
