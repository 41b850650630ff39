import { Report } from '../core/report';
import { ballotLines } from './console-ballot';
import { Lang, ruleTitle } from '../core/messages';
import { withoutCell } from '../core/message-text';
import { RuleId, Severity } from '../core/settings';
import { padEnd, table, width, wrap } from './text-width';

/** Lines are laid out for a Windows-width terminal. */
export const CONSOLE_WIDTH = 100;

const SEV: Record<Lang, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warn', info: 'note' },
};
const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];

/** ANSI colours, or none (piped output, NO_COLOR). */
export interface Paint {
  error: (s: string) => string;
  warning: (s: string) => string;
  info: (s: string) => string;
  ok: (s: string) => string;
  dim: (s: string) => string;
  bold: (s: string) => string;
}

const sgr = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;
export const COLOUR: Paint = { error: sgr(31, 39), warning: sgr(33, 39), info: sgr(36, 39), ok: sgr(32, 39), dim: sgr(2, 22), bold: sgr(1, 22) };
const same = (s: string) => s;
export const PLAIN: Paint = { error: same, warning: same, info: same, ok: same, dim: same, bold: same };

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function wantsColour(isTty: boolean | undefined, env: Record<string, string | undefined>): boolean {
  return !!isTty && !env.NO_COLOR && env.TERM !== 'dumb';
}

/** The verdict the report carries: the same sentence as the task pane, 检查结果 and the JSON. */
export function verdictLine(report: Report, lang: Lang): string {
  return `${lang === 'en' ? 'Verdict: ' : '结论：'}${report.summary.verdict}`;
}

/** The last lines: what to do now. `out` is the copy written, if any. */
export function nextStep(report: Report, lang: Lang, out: string | undefined): string {
  return wrap(nextStepText(report, lang, out), CONSOLE_WIDTH).join('\n');
}

function nextStepText(report: Report, lang: Lang, out: string | undefined): string {
  const s = report.summary;
  const zh = lang === 'zh';
  if (s.status === 'no-table')
    return zh ? '下一步：确认选对了文件；台账要有表头行（如上所列）才能检查。' : 'Next: make sure this is the right file; a ledger needs a header row (as listed above) to be checked.';
  if (s.ready && s.warnings === 0) return zh ? '下一步：可以提交。' : 'Next: submit it.';
  if (s.ready)
    return zh
      ? `下一步：可以提交；提交前看一下上面的 ${s.warnings} 个警告${out ? `（也在 ${out} 的“检查结果”表里）` : ''}。`
      : `Next: you may submit; look at the ${s.warnings} warnings above first${out ? ` (also in the Findings tab of ${out})` : ''}.`;
  return zh
    ? out
      ? `下一步：打开 ${out} 的“检查结果”表，按“怎么改”改正原文件，再运行一次本命令。`
      : '下一步：按上面的“→”改正原文件，再运行一次本命令（加 --out 副本.xlsx 可得到带“检查结果”表的副本）。'
    : out
      ? `Next: open the Findings tab in ${out}, fix the original file as it says, and run this command again.`
      : 'Next: fix the original file as the "→" lines say and run this command again (add --out copy.xlsx for a copy with a Findings tab).';
}

export function renderConsole(report: Report, lang: Lang, limit: number | null, paint: Paint = PLAIN): string {
  const zh = lang === 'zh';
  const out: string[] = [];
  const s = report.summary;
  const tint = (sev: Severity, text: string) => paint[sev](text);
  // The as-of date only matters to deadlines, so only a check with a responsibility table shows it.
  out.push(`${paint.bold(zh ? '台账一键检查' : 'Ledger Check')} ${report.tool.version}${report.responsibility ? `    ${zh ? '截止日期' : 'as of'} ${report.asOf}` : ''}`);
  for (const f of report.files) {
    out.push(`${zh ? '文件' : 'File'} ${f.file}`);
    for (const sh of f.sheets) {
      const rows = sh.rows > 0 ? (zh ? `，${sh.rows} 行数据` : `, ${sh.rows} data rows`) : '';
      const head = `  ${zh ? '工作表' : 'sheet'} ${sh.name}: `;
      wrap(`${sh.reason}${rows}`, CONSOLE_WIDTH - width(head)).forEach((l, i) => out.push((i === 0 ? head : ' '.repeat(width(head))) + l));
    }
  }
  out.push('');
  for (const l of wrap(verdictLine(report, lang), CONSOLE_WIDTH)) out.push(s.ready ? paint.ok(l) : paint.error(paint.bold(l)));

  const d = report.distribution;
  const owners = [...d.byPlace.map((p) => [`${p.county} ${p.township}`, p] as const), ...d.byUnit.map((u) => [u.unit, u] as const)];
  if (s.errors + s.warnings > 0 && (report.files.length > 1 || owners.length > 1)) {
    // Who has to fix what: per file, township and lead unit, worst first (问题分布).
    out.push('');
    out.push(zh ? '问题分布（问题多的在前）：' : 'Who fixes what (worst first):');
    const rows = [...(report.files.length > 1 ? d.byFile.map((f) => [f.file, f] as const) : []), ...owners].map(([name, n]) => [name, String(n.errors), String(n.warnings)]);
    out.push(...table([zh ? '文件 / 县区乡镇 / 牵头单位' : 'file / place / lead unit', zh ? '错误' : 'errors', zh ? '警告' : 'warnings'], rows, (i) => i > 0));
  }

  if (report.findings.length > 0) {
    // Per rule, errors first, then warnings and notes; most frequent first within each.
    const byRule = new Map<string, { sev: Severity; rule: RuleId; n: number }>();
    for (const f of report.findings) {
      const k = `${f.severity}\u0000${f.rule}`;
      const e = byRule.get(k) ?? { sev: f.severity, rule: f.rule as RuleId, n: 0 };
      e.n++;
      byRule.set(k, e);
    }
    const rules = [...byRule.values()].sort((a, b) => SEVERITY_ORDER.indexOf(a.sev) - SEVERITY_ORDER.indexOf(b.sev) || b.n - a.n);
    out.push('');
    out.push(zh ? '按规则统计：' : 'By rule:');
    const rows = rules.map((r) => [SEV[lang][r.sev], ruleTitle(r.rule, lang), String(r.n)]);
    const lines = table([zh ? '级别' : 'level', zh ? '问题' : 'problem', zh ? '条数' : 'count'], rows, (i) => i === 2);
    out.push(paint.dim(lines[0]));
    lines.slice(1).forEach((l, i) => out.push(tint(rules[i].sev, l)));

    out.push('');
    out.push(zh ? '问题清单（单元格、问题、→ 怎么改）：' : 'Findings (cell, problem, → what to do):');
    const shown = limit === null ? report.findings : report.findings.slice(0, limit);
    const multi = report.files.length > 1;
    const cellWidth = Math.max(4, ...shown.map((f) => width(f.cell)));
    const sevWidth = Math.max(...Object.values(SEV[lang]).map(width));
    const indent = '    ';
    const textCol = width(indent) + sevWidth + 1 + cellWidth + 2;
    const textWidth = CONSOLE_WIDTH - textCol;
    // Grouped by file and sheet (in the workbook's order), errors first within each sheet.
    const groups = new Map<string, typeof shown>();
    for (const f of report.files) for (const sh of f.sheets) groups.set(`${f.file}\u0000${sh.name}`, []);
    for (const f of shown) {
      const k = `${f.file}\u0000${f.sheet}`;
      const g = groups.get(k);
      if (g) g.push(f);
      else groups.set(k, [f]);
    }
    let file = '';
    let sheet = '';
    for (const f of [...groups.values()].flat()) {
      if (multi && f.file !== file) {
        out.push(paint.bold(f.file));
        sheet = '';
      }
      if (f.file !== file || f.sheet !== sheet) out.push(`  ${zh ? '工作表' : 'sheet'} ${paint.bold(f.sheet)}`);
      file = f.file;
      sheet = f.sheet;
      const message = wrap(withoutCell(f.message, f.cell), textWidth);
      const hint = f.hint ? wrap(f.hint, textWidth - 2).map((l, i) => (i === 0 ? '→ ' : '  ') + l) : [];
      const lead = `${indent}${tint(f.severity, padEnd(SEV[lang][f.severity], sevWidth))} ${padEnd(f.cell, cellWidth)}  `;
      out.push(lead + message[0]);
      for (const l of message.slice(1)) out.push(' '.repeat(textCol) + l);
      for (const l of hint) out.push(' '.repeat(textCol) + paint.dim(l));
    }
    if (shown.length < report.findings.length) {
      const rest = report.findings.length - shown.length;
      out.push(zh ? `  ……另有 ${rest} 条，用 --all 全部列出，或看 --json 报告、“检查结果”表` : `  … ${rest} more: use --all, the --json report or the Findings tab`);
    }
  }
  const units = report.responsibility?.units ?? [];
  if (units.length > 0) {
    out.push('');
    out.push(zh ? '单位得分：' : 'Unit scores:');
    const head = zh ? ['排名', '牵头单位', '任务', '完成', '逾期', '分值', '得分', '丢分', '得分率', '等次'] : ['rank', 'unit', 'tasks', 'done', 'late', 'points', 'earned', 'lost', 'rate', 'grade'];
    const rows = units.map((u) =>
      [u.rank ?? '-', u.unit, u.tasks, u.completed, u.overdue, u.maxPoints, u.points, u.lost, u.rate === null ? '-' : `${(u.rate * 100).toFixed(1)}%`, u.grade + (u.veto ? (zh ? '（否决）' : ' (veto)') : '')].map(String),
    );
    out.push(...table(head, rows, (i) => i !== 1 && i !== 9));
  }
  const ballot = report.ballot;
  if (ballot) {
    out.push('');
    out.push(...ballotLines(ballot, lang, limit, CONSOLE_WIDTH));
  }
  const aid = report.aid;
  if (aid) {
    out.push('');
    out.push(zh ? '帮扶汇总（已核实的金额，单位：元）：' : 'Aid totals (verified amounts, yuan):');
    out.push(`  ${aid.headline}`);
    const head = zh ? ['县区', '户数', '人数', '慰问金', '慰问品折款', '合计', '万元', '待核实', '待核实金额'] : ['county', 'households', 'persons', 'cash', 'goods', 'total', '10k yuan', 'pending', 'pending yuan'];
    const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const row = (name: string, c: typeof aid.total) => [name, String(c.households), String(c.persons), money(c.cash), money(c.goods), money(c.amount), (c.amount / 10_000).toFixed(4), String(c.pending.values), money(c.pending.amount)];
    out.push(...table(head, [...aid.byCounty.map((c) => row(c.county, c)), row(zh ? '合计' : 'total', aid.total)], (i) => i > 0));
    if (aid.total.unsplit !== 0) out.push(zh ? `  合计中有 ${money(aid.total.unsplit)} 元未分慰问金和慰问品` : `  ${money(aid.total.unsplit)} yuan of the total is not split into cash and goods`);
    if (aid.duplicates.length > 0) {
      const twice = aid.duplicates.filter((d) => d.kind === 'aided-twice').length;
      const mistyped = aid.duplicates.length - twice;
      out.push(
        zh
          ? `  ${aid.duplicates.length} 个身份证号出现在多处：${twice} 个姓名相同（可能重复救助），${mistyped} 个姓名不同（号码可能录错）；见“重复户核查”`
          : `  ${aid.duplicates.length} IDs in several places: ${twice} under one name (aided twice?), ${mistyped} under different names (mistyped?)`,
      );
    }
  }
  return out.join('\n');
}
