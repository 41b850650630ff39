/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import { BallotResults } from '../../src/taskpane/components/BallotResults';
import { texts } from '../../src/taskpane/i18n';
import { handMadeBallot, handMadeBallotJson } from '../helpers/ballot-summary';

const show = (lang: 'zh' | 'en', ballot = handMadeBallotJson(lang)) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <BallotResults t={texts(lang)} lang={lang} ballot={ballot} />
    </FluentProvider>,
  );

describe('the pane’s ballot result', () => {
  it('shows one card per person in rank order with rank, grade, rates and the grade item’s marks', () => {
    show('zh');
    const cards = within(screen.getByRole('list', { name: '测评结果' })).getAllByRole('listitem');
    expect(cards.map((c) => c.getAttribute('aria-label'))).toEqual(handMadeBallot().persons.map((p) => `${p.person} ${p.unit}`));
    const sun = cards[3];
    // Its head line: rank, name, grade and the 约谈 mark.
    expect(within(sun).getByText('第 4 名').parentElement!.textContent).toBe('第 4 名孙长山一般约谈');
    expect(within(sun).getByText('22.2%')).toBeTruthy(); // 2 好 of 9
    expect(within(sun).getByText('44.4%')).toBeTruthy(); // 4 好 or 较好 of 9
    expect(within(sun).getByLabelText('票数').textContent).toBe('好 2较好 2一般 4差 1有效票 9');
    // The tie for second place shows twice; the person without a valid mark has no rank.
    expect(cards.filter((c) => within(c).queryByText('第 2 名'))).toHaveLength(2);
    expect(within(cards[5]).getByText('无有效票')).toBeTruthy();
    expect(within(cards[0]).queryByText('约谈')).toBeNull();
  });

  it('says who came and voted, and lists the 约谈 persons with what pulled them down', () => {
    show('zh');
    expect(screen.getByText('6 人；实到 10 人，收回测评票 10 张（废票 1 张）')).toBeTruthy();
    const list = screen.getByRole('region', { name: '约谈名单' });
    expect(within(list).getByText('约谈名单：2 人')).toBeTruthy();
    const items = within(list).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual(['孙长山（道口铺街道社区卫生服务中心党支部）一般拉低：对党建工作重视程度、党建工作成效、总体评价', '郑宝山（区计划生育协会党支部）差拉低：党建工作成效、总体评价']);
  });

  it('says so when nobody is to be interviewed, and when there were no ballots', () => {
    const b = handMadeBallotJson('zh');
    show('zh', { ...b, persons: b.persons.filter((p) => !p.interview) });
    expect(screen.getByText('约谈名单：无')).toBeTruthy();
    render(<BallotResults t={texts('zh')} lang="zh" ballot={null} />);
    expect(screen.getByText('没有测评票。')).toBeTruthy();
  });

  it('says how the groups were weighted', () => {
    show('zh', { ...handMadeBallotJson('zh'), groups: [{ name: '领导', weight: 0.4, ballots: 3 }, { name: '党员', weight: 0.3, ballots: 3 }, { name: '群众', weight: 0.3, ballots: 4 }] });
    expect(screen.getByText('总体等次按“总体评价”一项的票，按 领导 40%（3 张）、党员 30%（3 张）、群众 30%（4 张） 加权')).toBeTruthy();
  });

  it('says a problem with the run as a whole', () => {
    show('zh', handMadeBallotJson('zh', [{ zh: '工作表“群众”不属于设置里的任何一组，它的票没有计入。', en: 'x' }]));
    expect(screen.getByRole('note').textContent).toBe('工作表“群众”不属于设置里的任何一组，它的票没有计入。');
  });

  it('speaks English', () => {
    show('en');
    expect(screen.getByRole('list', { name: 'Ballots' })).toBeTruthy();
    expect(screen.getByText('Interviews: 2')).toBeTruthy();
    expect(screen.getAllByText('好 rate')).toHaveLength(6);
  });
});
