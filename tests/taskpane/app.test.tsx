/** @jest-environment jsdom */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { SimRequestContext } from '../../src/excel-sim/api';
import { SimWorkbook } from '../../src/excel-sim/state';
import { createLedgerApi, LedgerApi } from '../../src/excel/ledger-api';
import { FULL_SUPPORT } from '../../src/excel/support';
import { SETTINGS_KEY } from '../../src/excel/settings-store';
import { aidRows, responsibilityRows } from '../helpers/grid';
import { simBook } from '../excel/helpers';

function hostOver(doc: SimWorkbook): LedgerApi {
  return createLedgerApi((fn) => fn(new SimRequestContext(doc) as unknown as Excel.RequestContext), {
    support: FULL_SUPPORT,
    fileName: () => '分解表.xlsx',
    version: 'test',
    now: () => new Date(2017, 6, 15, 10, 0),
  });
}

/**
 * The pane's calls into the host are recorded so a test can wait for them to finish (`settle`)
 * instead of guessing how long a check takes: on a busy machine a check can take seconds.
 */
const pending: Promise<unknown>[] = [];
function track(api: LedgerApi): LedgerApi {
  const wrap =
    <A extends unknown[], R>(fn: (...a: A) => Promise<R>) =>
    (...a: A): Promise<R> => {
      const p = fn(...a);
      pending.push(p);
      return p;
    };
  return { check: wrap(api.check), select: wrap(api.select), loadSettings: wrap(api.loadSettings), saveSettings: wrap(api.saveSettings) };
}
const apiOver = (doc: SimWorkbook) => track(hostOver(doc));

/** Waits, inside act, until every host call the pane started has settled and React has rendered its outcome. */
async function settle(): Promise<void> {
  await act(async () => {
    while (pending.length) await Promise.allSettled(pending.splice(0));
  });
}

/** Clicks a button and waits for what it started (a check, a save) to finish. */
async function clickAndSettle(name: string | RegExp): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name }));
  await settle();
}

afterEach(() => {
  pending.length = 0;
});

const withErrors = () =>
  simBook([
    {
      name: '分解表',
      rows: responsibilityRows((r) => {
        r[2][6] = '尽快';
        r[3][5] = '办公室';
      }),
    },
  ]);

describe('the task pane', () => {
  it('checks the workbook with one click: progress, verdict, findings grouped by rule and sheet', async () => {
    const doc = withErrors();
    render(<App api={apiOver(doc)} lang="zh" />);
    await clickAndSettle('一键检查');
    expect(screen.getByText('有 1 个错误，请改正后再提交（另有 1 个警告，0 个提示）')).toBeTruthy();
    expect(screen.getByText(/已写回汇总表：/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '打开 检查结果' })).toBeTruthy();
    const group = screen.getByRole('region', { name: '完成时限无法识别' });
    expect(within(group).getByText('分解表')).toBeTruthy();
    // The cell once, the problem in one sentence, and what to do.
    const item = within(group).getByRole('button', { name: /转到 分解表!G3/ });
    expect(item.textContent).toBe('G3完成时限“尽快”无法识别为日期。怎么改：写成 2017年6月30日、2017/6/30、2017.6.30 这样的日期，长期工作写“长期”或“常态化”。');
    expect(doc.sheets.map((s) => s.name)).toContain('检查结果');
  });

  it('shows every rule group with its true count, errors first, and pages a long group', async () => {
    const doc = simBook([
      {
        name: '分解表',
        rows: responsibilityRows((r) => {
          r[2][6] = '尽快';
          for (let i = 0; i < 25; i++) r.push([100 + i, `任务${i}`, `内容${i}`, 0, '宣传科', '办公室', '长期', '推进中', 0, '']);
        }),
      },
    ]);
    render(<App api={apiOver(doc)} lang="zh" />);
    await clickAndSettle('一键检查');
    // Plain DOM queries here: role queries over a long Fluent list are slow in jsdom.
    const regions = [...document.querySelectorAll('[role=tabpanel] section')];
    expect(regions.map((r) => r.getAttribute('aria-label'))).toEqual(['完成时限无法识别', '责任人不是具体的人']);
    const owners = regions[1] as HTMLElement;
    expect(owners.querySelector('[aria-label="25 条"]')).not.toBeNull();
    expect(owners.querySelectorAll('li')).toHaveLength(20);
    fireEvent.click(within(owners).getByText('再显示 5 条（还有 5 条）'));
    expect(owners.querySelectorAll('li')).toHaveLength(25);
  });

  it("selects a finding's cell when it is clicked or activated from the keyboard", async () => {
    const doc = withErrors();
    render(<App api={apiOver(doc)} lang="zh" />);
    await clickAndSettle('一键检查');
    fireEvent.click(screen.getByRole('button', { name: /转到 分解表!F4/ }));
    await settle();
    expect(doc.selection).toEqual({ sheet: '分解表', address: 'F4' });
  });

  it('filters findings by severity', async () => {
    render(<App api={apiOver(withErrors())} lang="zh" />);
    await clickAndSettle('一键检查');
    expect(screen.getByText('有 1 个错误，请改正后再提交（另有 1 个警告，0 个提示）')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: /错误/ }));
    expect(screen.queryByRole('region', { name: '完成时限无法识别' })).toBeNull();
    expect(screen.getByRole('region', { name: '责任人不是具体的人' })).toBeTruthy();
  });

  it('shows the progress bar with its stage while checking', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    let reached: () => void = () => undefined;
    const atGate = new Promise<void>((r) => (reached = r));
    const api = hostOver(withErrors());
    const slow = track({
      ...api,
      check: async (s, onProgress) => {
        onProgress({ stage: 'check', fraction: 0.5 });
        reached();
        await gate;
        return api.check(s, onProgress);
      },
    });
    render(<App api={slow} lang="zh" />);
    fireEvent.click(screen.getByRole('button', { name: '一键检查' }));
    await act(() => atGate);
    expect(screen.getByText('检查进度：检查')).toBeTruthy();
    expect(screen.getByRole('progressbar')).toBeTruthy();
    expect(screen.getByRole('button', { name: '正在检查…' }).hasAttribute('disabled')).toBe(true);
    release();
    await settle();
    expect(screen.getByText('有 1 个错误，请改正后再提交（另有 1 个警告，0 个提示）')).toBeTruthy();
  });

  it('speaks English when Office does', async () => {
    render(<App api={apiOver(withErrors())} lang="en" />);
    await clickAndSettle('Check now');
    expect(screen.getByText('1 errors to fix before submitting (and 1 warnings, 0 notes)')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Go to 分解表!G3/ }).textContent).toMatch(/^G3The deadline "尽快" is not a date\.What to do: /);
    // Whole tab labels and English tab names.
    const tabNames = () => screen.getAllByRole('tab').map((t) => t.querySelector('.fui-Tab__content')!.textContent);
    expect(tabNames()).toEqual(['Findings', 'Unit scores', 'Settings']);
    expect(screen.getByRole('button', { name: 'Open Findings' })).toBeTruthy();
  });

  it('shows unit scores and aid totals', async () => {
    const doc = simBook([
      { name: '分解表', rows: responsibilityRows() },
      { name: '侯营镇', rows: aidRows() },
    ]);
    render(<App api={apiOver(doc)} lang="zh" />);
    await clickAndSettle('一键检查');
    expect(screen.getByText(/可以提交/)).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: '单位得分' }));
    const card = within(screen.getByRole('list', { name: '单位得分' })).getByRole('listitem', { name: '宣传科' });
    expect(within(card).getByText('得分率')).toBeTruthy();
    expect(within(card).getByText(/已评分 \d+（分值 \d+，丢分/)).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: '帮扶汇总' }));
    expect(screen.getByText('已核实 3 户 0.28 万元；没有待核实的金额')).toBeTruthy();
  });

  it('offers only the tabs the workbook has something for, and opens a written tab from its name', async () => {
    const doc = simBook([{ name: '侯营镇', rows: aidRows() }]);
    render(<App api={apiOver(doc)} lang="zh" />);
    await clickAndSettle('一键检查');
    expect(screen.getAllByRole('tab').map((t) => t.querySelector('.fui-Tab__content')!.textContent)).toEqual(['问题', '帮扶汇总', '设置']);
    fireEvent.click(screen.getByRole('button', { name: '打开 帮扶汇总' }));
    await settle();
    expect(doc.selection).toEqual({ sheet: '帮扶汇总', address: 'A1' });
  });

  it('cancels a check before anything is written', async () => {
    let reached: () => void = () => undefined;
    const atGate = new Promise<void>((r) => (reached = r));
    const doc = withErrors();
    const api = hostOver(doc);
    const slow = track({
      ...api,
      check: (s, onProgress, activate, signal) =>
        new Promise((resolve, reject) => {
          onProgress({ stage: 'check', fraction: 0.3 });
          reached();
          signal!.addEventListener('abort', () => api.check(s, onProgress, activate, signal).then(resolve, reject));
        }),
    });
    render(<App api={slow} lang="zh" />);
    fireEvent.click(screen.getByRole('button', { name: '一键检查' }));
    await act(() => atGate);
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    await settle();
    expect(screen.getByText('已取消检查，工作簿没有改动。')).toBeTruthy();
    expect(doc.sheets.map((s) => s.name)).toEqual(['分解表']);
  });

  it('validates the settings form and saves valid settings into the workbook', async () => {
    const doc = withErrors();
    render(<App api={apiOver(doc)} lang="zh" />);
    await settle();
    fireEvent.click(screen.getByRole('tab', { name: '设置' }));
    const cap = screen.getByLabelText('每户金额上限（元）');
    fireEvent.change(cap, { target: { value: '-5' } });
    await clickAndSettle('保存设置');
    const alerts = screen.getAllByRole('alert');
    // One language, in the form's own words, no schema path.
    expect(alerts.map((a) => a.textContent)).toContain('设置有误，未保存： 每户金额上限应大于 0');
    expect(alerts.some((a) => /capPerHousehold|[a-z]{5,}/.test(a.textContent!))).toBe(false);
    expect(cap.getAttribute('aria-invalid')).toBe('true');
    expect(doc.settings.has(SETTINGS_KEY)).toBe(false);
    fireEvent.change(screen.getByLabelText('每户金额上限（元）'), { target: { value: '3000' } });
    fireEvent.change(screen.getByLabelText('截止日期（判断逾期）'), { target: { value: '2017-07-15' } });
    await clickAndSettle('保存设置');
    expect(screen.getByText('设置已保存到本工作簿。')).toBeTruthy();
    expect(JSON.parse(String(doc.settings.get(SETTINGS_KEY)))).toMatchObject({ capPerHousehold: 3000, asOf: '2017-07-15' });
  });

  it('says plainly when the check fails', async () => {
    const api = apiOver(withErrors());
    render(<App api={track({ ...api, check: () => Promise.reject(new Error('Excel 在 60 秒内没有响应')) })} lang="zh" />);
    await clickAndSettle('一键检查');
    expect(screen.getByText(/Excel 在 60 秒内没有响应/)).toBeTruthy();
    expect(screen.getByText('检查未完成：')).toBeTruthy();
  });

  it('accepts Chinese header names in the column mapping and refuses thresholds that do not fall', async () => {
    const doc = withErrors();
    render(<App api={apiOver(doc)} lang="zh" />);
    await settle();
    fireEvent.click(screen.getByRole('tab', { name: '设置' }));
    fireEvent.change(screen.getByLabelText(/列映射/), { target: { value: '侯营镇!D=身份证号\n分解表！h=责任人' } });
    fireEvent.change(screen.getByLabelText('好 %'), { target: { value: '50' } });
    await clickAndSettle('保存设置');
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('设置有误，未保存： 分数线应从高到低：“好” 50% 应高于“较好” 80%');
    fireEvent.change(screen.getByLabelText('好 %'), { target: { value: '90' } });
    await clickAndSettle('保存设置');
    expect(JSON.parse(String(doc.settings.get(SETTINGS_KEY))).sheets).toEqual({ 侯营镇: { columns: { idNumber: 'D' } }, 分解表: { columns: { owner: 'H' } } });
    fireEvent.change(screen.getByLabelText(/列映射/), { target: { value: '侯营镇!D=籍贯' } });
    await clickAndSettle('保存设置');
    expect(screen.getAllByRole('alert').some((a) => /^设置有误，未保存： “籍贯”不是认得的表头名；可用：身份证号、/.test(a.textContent!))).toBe(true);
  });

  it('offers 测评结果 for ballots only, and takes 实到人数 from the settings when the ballots do not state it', async () => {
    // Two ballots of two persons, stacked, no 实到 line.
    const block = (n: number) => [[`测评表 第 ${n} 张`], ['序号', '姓名', '单位', '总体评价', '', '', ''], ['', '', '', '好', '较好', '一般', '差'], [1, '张三', '甲单位', '√', '', '', ''], [2, '李四', '乙单位', '', '', '√', ''], []];
    const doc = simBook([{ name: '测评票', rows: [...block(1), ...block(2)] }]);
    render(<App api={apiOver(doc)} lang="zh" />);
    await clickAndSettle('一键检查');
    expect(screen.queryByRole('tab', { name: '单位得分' })).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: '测评结果' }));
    const cards = within(screen.getByRole('list', { name: '测评结果' })).getAllByRole('listitem');
    expect(cards.map((c) => c.getAttribute('aria-label'))).toEqual(['张三 甲单位', '李四 乙单位']);
    expect(screen.getByText('约谈名单：1 人')).toBeTruthy();
    expect(screen.getByText('2 人；收回测评票 2 张（废票 0 张）')).toBeTruthy();
    // Only one person came: two ballots are one too many.
    fireEvent.click(screen.getByRole('tab', { name: '设置' }));
    fireEvent.change(screen.getByLabelText(/实到人数/), { target: { value: '0' } });
    await clickAndSettle('保存设置');
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('设置有误，未保存： 实到人数应大于 0');
    fireEvent.change(screen.getByLabelText(/实到人数/), { target: { value: '1' } });
    await clickAndSettle('保存设置');
    expect(JSON.parse(String(doc.settings.get(SETTINGS_KEY))).ballot.present).toBe(1);
    await clickAndSettle('一键检查');
    fireEvent.click(screen.getByRole('tab', { name: '问题' }));
    expect(screen.getByRole('region', { name: '票数多于实到人数' })).toBeTruthy();
  });
});

