import { castText, weightsText } from '../core/kinds/ballot/tabs';
import type { BallotJson } from '../core/kinds/ballot/json';
import { Lang } from '../core/messages';
import { table, truncate, width, wrap } from './text-width';

/** Persons shown in the console when --all is not given and the list is long: the top of the ranking. */
export const TOP_PERSONS = 10;

const pct = (r: number | null) => (r === null ? '-' : `${(r * 100).toFixed(1)}%`);

/**
 * The ballot section of the console: how many came and voted, the top of the ranking (each
 * person's grade-item counts, rates and grade) and the 约谈 list with the items that pulled each
 * person down. The whole table is in 测评汇总 and the --json report.
 */
export function ballotLines(ballot: BallotJson, lang: Lang, limit: number | null, lineWidth: number): string[] {
  const zh = lang === 'zh';
  const { choices } = ballot;
  const out: string[] = [];
  const basis = ballot.gradeItem ? (zh ? `总体等次按“${ballot.gradeItem}”` : `grade from “${ballot.gradeItem}”`) : zh ? '总体等次按全部测评项目' : 'grade from all items pooled';
  const weights = weightsText(ballot.groups, lang);
  const weighted = weights ? (zh ? `，按 ${weights} 加权` : `, weighted ${weights}`) : '';
  const head = zh ? `测评汇总：${ballot.persons.length} 人；${castText(ballot, lang)}；${basis}${weighted}` : `Ballots: ${ballot.persons.length} persons; ${castText(ballot, lang)}; ${basis}${weighted}`;
  out.push(...wrap(head, lineWidth));
  // Problems with the run as a whole (a sheet in no group, another choice set) come first.
  for (const p of ballot.problems ?? []) wrap(`${zh ? '注意：' : 'Note: '}${p}`, lineWidth - 2).forEach((l, i) => out.push((i === 0 ? '  ' : '    ') + l));

  // A short list is shown whole: cutting 12 persons to 10 would hide two lines behind a note as long.
  const shown = limit === null || ballot.persons.length <= TOP_PERSONS + 5 ? ballot.persons : ballot.persons.slice(0, Math.min(limit, TOP_PERSONS));
  const counted = (p: BallotJson['persons'][number], c: string) => {
    const items = ballot.gradeItem ? [ballot.gradeItem] : ballot.items;
    return String(items.reduce((n, item) => n + (p.counts[item]?.[c] ?? 0), 0));
  };
  const [best, second] = choices;
  const heads = [zh ? '排名' : 'rank', zh ? '姓名' : 'name', zh ? '单位' : 'unit', zh ? '有效票' : 'valid', ...choices, zh ? `${best}票率` : `${best} rate`, zh ? `${best}+${second}率` : `${best}+${second}`, zh ? '等次' : 'grade'];
  const rows = shown.map((p) => [p.rank === null ? '-' : String(p.rank), p.person, p.unit, String(p.ballots), ...choices.map((c) => counted(p, c)), pct(p.goodRate), pct(p.goodOrBetterRate), p.grade ?? '-']);
  // 单位 takes what the other columns leave of the line, cut with … when longer.
  const others = table(heads.filter((_, i) => i !== 2), rows.map((r) => r.filter((_, i) => i !== 2)), () => false, '');
  const unitRoom = Math.max(6, lineWidth - 2 - Math.max(...others.map(width)) - 2);
  const cut = rows.map((r) => r.map((c, i) => (i === 2 ? truncate(c, unitRoom) : c)));
  out.push(...table(heads, cut, (i) => i === 0 || (i >= 3 && i < heads.length - 1)));
  if (shown.length < ballot.persons.length) {
    const rest = ballot.persons.length - shown.length;
    out.push(zh ? `  ……另有 ${rest} 人，用 --all 全部列出，或看“测评汇总”表、--json 报告` : `  … ${rest} more: use --all, the 测评汇总 tab or the --json report`);
  }

  const listed = ballot.persons.filter((p) => p.interview);
  const grades = [...new Set(listed.map((p) => p.grade))].join(zh ? '、' : ', ');
  out.push('');
  if (listed.length === 0) {
    out.push(zh ? '约谈名单：无（没有总体等次须约谈的人）' : 'Interviews: none');
    return out;
  }
  out.push(zh ? `约谈名单（${listed.length} 人，总体等次${grades}）：` : `Interviews (${listed.length}, graded ${grades}):`);
  const worst = choices[choices.length - 1];
  for (const p of listed) {
    const worstMarks = counted(p, worst);
    const line = zh
      ? `${p.person}（${p.unit}）：${p.grade}，${best}票率 ${pct(p.goodRate)}，${worst}票 ${worstMarks} 张`
      : `${p.person} (${p.unit}): ${p.grade}, ${best} rate ${pct(p.goodRate)}, ${worst} ${worstMarks}`;
    wrap(line, lineWidth - 2).forEach((l, i) => out.push((i === 0 ? '  ' : '    ') + l));
    if (p.downItems.length > 0) {
      const down = zh ? `拉低的测评项目：${p.downItems.join('、')}` : `pulled down by: ${p.downItems.join(', ')}`;
      wrap(down, lineWidth - 4).forEach((l) => out.push('    ' + l));
    }
  }
  return out;
}
