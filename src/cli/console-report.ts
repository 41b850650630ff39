import { Report } from '../core/report';
import { Lang, ruleTitle } from '../core/messages';
import { RuleId } from '../core/settings';

const SEV: Record<Lang, Record<string, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

/** Pads by display width: a Chinese character takes two columns in a terminal. */
export function pad(s: string, width: number): string {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return s + ' '.repeat(Math.max(0, width - w));
}

export function renderConsole(report: Report, lang: Lang, limit: number | null): string {
  const zh = lang === 'zh';
  const out: string[] = [];
  const s = report.summary;
  out.push(`${zh ? '台账一键检查' : 'Ledger Check'} ${report.tool.version}    ${zh ? '截止日期' : 'as of'} ${report.asOf}`);
  for (const f of report.files) {
    out.push(`${zh ? '文件' : 'File'} ${f.file}`);
    for (const sh of f.sheets) {
      const rows = sh.rows > 0 ? (zh ? `，${sh.rows} 行数据` : `, ${sh.rows} data rows`) : '';
      out.push(`  ${zh ? '工作表' : 'sheet'} ${sh.name}: ${sh.reason}${rows}`);
    }
  }
  out.push('');
  out.push(
    s.ready
      ? zh
        ? `结论：可以提交（${s.warnings} 个警告，${s.infos} 个提示）`
        : `Verdict: ready to submit (${s.warnings} warnings, ${s.infos} notes)`
      : zh
        ? `结论：${s.errors} 个错误，请改正后再提交（另有 ${s.warnings} 个警告，${s.infos} 个提示）`
        : `Verdict: ${s.errors} errors to fix before submitting (${s.warnings} warnings, ${s.infos} notes)`,
  );
  const rules = Object.entries(s.byRule).sort((a, b) => b[1] - a[1]);
  if (rules.length > 0) {
    out.push('');
    out.push(zh ? '按规则统计：' : 'By rule:');
    for (const [rule, n] of rules) out.push(`  ${pad(rule, 28)}${pad(ruleTitle(rule as RuleId, lang), 24)}${String(n).padStart(6)}`);
    out.push('');
    out.push(zh ? '问题清单：' : 'Findings:');
    const shown = limit === null ? report.findings : report.findings.slice(0, limit);
    const multi = report.files.length > 1;
    for (const f of shown) {
      const where = `${multi ? f.file + ' ' : ''}${f.sheet}!${f.cell}`;
      out.push(`  ${pad(SEV[lang][f.severity], 8)}${pad(where, 22)} ${f.message}  → ${f.hint}`);
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
    const widths = [6, 24, 6, 6, 6, 8, 8, 8, 8, 8];
    out.push('  ' + head.map((h, i) => pad(h, widths[i])).join(''));
    for (const u of units) {
      const cells = [u.rank ?? '-', u.unit, u.tasks, u.completed, u.overdue, u.maxPoints, u.points, u.lost, u.rate === null ? '-' : `${(u.rate * 100).toFixed(1)}%`, u.grade + (u.veto ? (zh ? '（否决）' : ' (veto)') : '')];
      out.push('  ' + cells.map((c, i) => pad(String(c), widths[i])).join(''));
    }
  }
  const aid = report.aid;
  if (aid) {
    out.push('');
    out.push(zh ? '帮扶汇总（金额单位：元）：' : 'Aid totals (yuan):');
    const head = zh ? ['县区', '户数', '人数', '慰问金', '慰问品折款', '合计', '万元'] : ['county', 'households', 'persons', 'cash', 'goods', 'total', '10k yuan'];
    const widths = [14, 8, 8, 14, 14, 14, 10];
    const line = (cells: Array<string | number>) => '  ' + cells.map((c, i) => (i === 0 ? pad(String(c), widths[i]) : String(c).padStart(widths[i]))).join('');
    const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    out.push(line(head));
    for (const c of aid.byCounty) out.push(line([c.county, c.households, c.persons, money(c.cash), money(c.goods), money(c.amount), (c.amount / 10_000).toFixed(4)]));
    const t = aid.total;
    out.push(line([zh ? '合计' : 'total', t.households, t.persons, money(t.cash), money(t.goods), money(t.amount), (t.amount / 10_000).toFixed(4)]));
    if (aid.duplicates.length > 0) {
      out.push(zh ? `  ${aid.duplicates.length} 户出现在多处（见“重复户核查”）` : `  ${aid.duplicates.length} households appear in more than one place`);
    }
  }
  return out.join('\n');
}
