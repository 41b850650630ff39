import fc from 'fast-check';
import { looksLikeUnit } from '../../../src/core/read/person';
import { classifyStatus } from '../../../src/core/read/status';
import { cellText, compact, splitList, toHalfWidth } from '../../../src/core/read/text';

describe('text readers', () => {
  it('folds full-width forms and drops all white space', () => {
    expect(toHalfWidth('（１２３）ＡＢ　')).toBe('(123)AB ');
    expect(compact('完成\n时限 ')).toBe('完成时限');
  });

  it('compacts any text as folding full-width forms and removing every white space would', () => {
    // The plain-text shortcut must never skip a character either step would change.
    const reference = (s: string) => s.replace(/[\uff01-\uff5e\u3000]/g, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0))).replace(/[\s\u00a0\u200b]+/g, '');
    const spaces = fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u1680', '\u2000', '\u2007', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\uff01', '\uff10', '\uff5e', '\uff5f', '\uff00');
    const text = fc.array(fc.oneof(fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), spaces, fc.constantFrom('低', '保', '东', '1')), { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(fc.property(text, (s) => expect(compact(s)).toBe(reference(s))));
  });

  it('shows a text cell trimmed of every white space String.trim removes', () => {
    const ends = fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u3001', '低', 'a', '~', '\u007f', '\u0080');
    const text = fc.array(fc.oneof(fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), ends), { maxLength: 6 }).map((a) => a.join(''));
    fc.assert(fc.property(text, (s) => expect(cellText(s)).toBe(s.trim())));
  });

  it('splits lists of units the ways clerks write them', () => {
    expect(splitList('医政科、市人民医院')).toEqual(['医政科', '市人民医院']);
    expect(splitList('疾控科，市疾控中心/各县区')).toEqual(['疾控科', '市疾控中心', '各县区']);
    expect(splitList('宣传科\n信息中心')).toEqual(['宣传科', '信息中心']);
  });

  it.each(['办公室', '医政医管科', '市疾控中心', '机关党委', '各科室', '市人民医院', '卫生监督局', '办公室（综合）'])('%p is a unit', (s) => expect(looksLikeUnit(s)).toBe(true));
  it.each(['张伟', '李敏', '欧阳娜娜', '王主任', '张伟（副主任）'])('%p is a person', (s) => expect(looksLikeUnit(s)).toBe(false));

  it.each([
    ['已完成', 'completed'],
    ['完成', 'completed'],
    ['未完成', 'failed'],
    ['推进中', 'in-progress'],
    ['正在推进', 'in-progress'],
    ['未启动', 'not-started'],
    ['未开展', 'not-started'],
    ['滞后', 'lagging'],
    ['', 'empty'],
    ['情况良好', 'unknown'],
  ])('status %p is %p', (text, status) => expect(classifyStatus(text)).toBe(status));

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        classifyStatus(s);
        looksLikeUnit(s);
        splitList(s);
        cellText(s);
      }),
    );
  });
});
