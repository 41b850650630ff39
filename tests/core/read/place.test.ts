import fc from 'fast-check';
import { placeKey, splitPlace } from '../../../src/core/read/place';
import { compact } from '../../../src/core/read/text';

describe('place names', () => {
  it.each([
    ['乐陵市市中街道', '乐陵市', '市中街道'],
    ['山东省德州市乐陵市市中街道', '乐陵市', '市中街道'],
    ['聊城市东昌府区古楼街道办事处', '东昌府区', '古楼街道办事处'],
    ['阳谷县阿城镇', '阳谷县', '阿城镇'],
    ['冠县东古城镇', '冠县', '东古城镇'],
    ['临清市新华办事处', '临清市', '新华办事处'],
    ['沙镇镇', null, '沙镇镇'],
    ['市中区', '市中区', null],
    ['阳谷县西湖乡王庄村', '阳谷县', '西湖乡'],
  ])('%s is county %s and township %s', (text, county, township) => {
    expect(splitPlace(text)).toEqual({ county, township });
  });

  it('matches a township with or without its level word', () => {
    expect(placeKey('乐陵市杨安镇')).toBe(placeKey('杨安镇'));
    expect(placeKey('市中街道')).toBe('市中');
  });

  it('never throws, and what it finds is written in the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const { county, township } = splitPlace(s);
        const flat = compact(s);
        if (county) expect(flat).toContain(county);
        if (township) expect(flat).toContain(township);
        expect(typeof placeKey(s)).toBe('string');
      }),
    );
  });

  it('a county-level city followed by a township is never lost nor swallowed', () => {
    const name = fc.stringMatching(/^[东西南北中新古阳乐临][陵清谷城安州平]{1,2}$/);
    fc.assert(
      fc.property(name, name, fc.constantFrom('市', '县', '区'), fc.constantFrom('镇', '乡', '街道', '办事处'), (c, t, cl, tl) => {
        const r = splitPlace(`${c}${cl}${t}${tl}`);
        expect(r).toEqual({ county: c + cl, township: t + tl });
      }),
    );
  });
});
