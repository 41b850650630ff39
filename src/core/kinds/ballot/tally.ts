import { sameChoices } from './checks';
import { isBallotSheet, isBlankBallot, isTallySheet, LocatedSheet, PersonIndex, personIndexOf, presentScopes } from './located';
import { BallotItemResult, BallotPerson, BallotSettings, BallotSummary, GradeRule, interviewGradesFor } from './types';

/** A problem with the run as a whole (a settings problem), said in both languages. */
export interface BallotProblem {
  zh: string;
  en: string;
}

export interface BallotTally {
  summary: BallotSummary | null;
  problems: BallotProblem[];
}

/** Shares closer than this are equal: 14/42 and 1/3 must compare equal however they were computed. */
const EPS = 1e-9;

/**
 * The grade of one set of shares (best → worst): the worst choice when its share reaches
 * `worstShare`; else the largest share, a tie going to the lower (or, by setting, the higher).
 * Returns the choice's index, or null when there is no share at all.
 */
export function gradeOf(shares: readonly number[], rule: GradeRule): number | null {
  if (shares.length === 0 || shares.every((s) => s === 0)) return null;
  const worst = shares.length - 1;
  if (shares[worst] >= rule.worstShare - EPS) return worst;
  const max = Math.max(...shares);
  const tied = shares.map((s, i) => (s >= max - EPS ? i : -1)).filter((i) => i >= 0);
  return rule.tie === 'lower' ? tied[tied.length - 1] : tied[0];
}

/**
 * Shares of each choice from per-group counts: Σ_g w_g·count_g/valid_g / Σ_g w_g over the groups
 * with valid marks (one group of weight 1 when none are set). Null when no group has a mark.
 */
export function weightedShares(byGroup: ReadonlyArray<{ weight: number; counts: readonly number[] }>, choices: number): number[] | null {
  const shares = new Array<number>(choices).fill(0);
  let weights = 0;
  for (const g of byGroup) {
    const valid = g.counts.reduce((a, b) => a + b, 0);
    if (valid === 0) continue;
    weights += g.weight;
    g.counts.forEach((c, i) => (shares[i] += (g.weight * c) / valid));
  }
  return weights === 0 ? null : shares.map((s) => s / weights);
}

/** Competition ranking (1, 1, 3) by goodRate, then goodOrBetterRate; null rates get no rank. */
export function rankPersons(persons: BallotPerson[]): void {
  const ranked = persons.filter((p) => p.grade !== null && p.goodRate !== null);
  const cmp = (a: BallotPerson, b: BallotPerson) => {
    const d = b.goodRate! - a.goodRate!;
    if (Math.abs(d) > EPS) return d;
    const e = (b.goodOrBetterRate ?? 0) - (a.goodOrBetterRate ?? 0);
    return Math.abs(e) > EPS ? e : 0;
  };
  const sorted = [...ranked].sort(cmp);
  sorted.forEach((p, i) => {
    p.rank = i > 0 && cmp(sorted[i - 1], p) === 0 ? sorted[i - 1].rank : i + 1;
  });
  for (const p of persons) if (p.grade === null || p.goodRate === null) p.rank = null;
}

interface PersonAcc {
  person: string;
  unit: string;
  order: number;
  ballots: number;
  /** By group name ('' without groups): item → counts by choice. */
  groups: Map<string, Map<string, number[]>>;
}

/** The tally of every ballot of the run (or, without ballots, of the office's own tallies). */
export function tallyBallots(sheets: readonly LocatedSheet[], settings: BallotSettings): BallotTally {
  const problems: BallotProblem[] = [];
  if (sheets.length === 0) return { summary: null, problems };
  const ballotSheets = sheets.filter(isBallotSheet);
  const source = ballotSheets.length > 0 ? ballotSheets : sheets.filter(isTallySheet);
  if (source.length === 0) return { summary: null, problems };
  const choices = source[0].sheet.choices;
  const used = source.filter((s) => sameChoices(s.sheet, choices));
  for (const s of source)
    if (!sameChoices(s.sheet, choices))
      problems.push({
        zh: `${s.file} 的工作表“${s.sheet.sheet}”用的选项是 ${s.sheet.choices.join('/')}，与其他测评表的 ${choices.join('/')} 不同，未计入统计。请把不同的测评分开检查。`,
        en: `Sheet "${s.sheet.sheet}" of ${s.file} uses the choices ${s.sheet.choices.join('/')}, not ${choices.join('/')} as the other ballots do; it is left out of the tally. Check different ballots separately.`,
      });
  const groups = settings.groups;
  if (groups.length > 0)
    for (const s of used)
      if (s.group === null)
        problems.push({
          zh: `${s.file} 的工作表“${s.sheet.sheet}”不属于设置中的任何测评组（${groups.map((g) => `${g.name}：${g.match}`).join('，')}），其票数未计入加权。请在设置的 groups 里补上能匹配它的文件名或工作表名。`,
          en: `Sheet "${s.sheet.sheet}" of ${s.file} matches none of the groups in the settings (${groups.map((g) => `${g.name}: ${g.match}`).join(', ')}); its votes are left out of the weighting. Add a match for its file or sheet name to the settings' groups.`,
        });

  const persons: PersonIndex = personIndexOf(used);
  const items: string[] = [];
  for (const s of used) for (const it of s.sheet.items) if (!items.includes(it)) items.push(it);
  const acc = new Map<string, PersonAcc>();
  const person = (name: string, unit: string) => {
    const key = persons.key(name, unit);
    let p = acc.get(key);
    if (!p) acc.set(key, (p = { person: name, unit: persons.unitOf(name, unit), order: acc.size, ballots: 0, groups: new Map() }));
    return p;
  };
  const add = (p: PersonAcc, group: string, item: string, counts: readonly number[]) => {
    let g = p.groups.get(group);
    if (!g) p.groups.set(group, (g = new Map()));
    let c = g.get(item);
    if (!c) g.set(item, (c = choices.map(() => 0)));
    counts.forEach((n, i) => (c![i] += n));
  };

  // Without groups in the settings every sheet is one pool, whatever group a caller named.
  const groupKey = (s: LocatedSheet) => (groups.length === 0 ? '' : (s.group ?? '\u0000'));
  let cast = 0;
  let blank = 0;
  const groupBallots = new Map<string, number>();
  if (ballotSheets.length > 0) {
    for (const s of used) {
      cast += s.sheet.ballots.length;
      if (s.group !== null) groupBallots.set(s.group, (groupBallots.get(s.group) ?? 0) + s.sheet.ballots.length);
      for (const b of s.sheet.ballots) {
        if (isBlankBallot(b)) blank++;
        for (const e of b.entries) {
          const p = person(e.person, e.unit);
          if (e.marks.some((m) => m.state === 'valid')) p.ballots++;
          e.marks.forEach((m, i) => {
            if (m.state !== 'valid') return;
            const one = choices.map((_, k) => (k === m.choice ? 1 : 0));
            add(p, groupKey(s), s.sheet.items[i], one);
          });
        }
      }
    }
  } else {
    // An office's tally alone: its counts as given; a person's ballots are the most votes any item got.
    for (const s of used)
      for (const row of s.sheet.tally) {
        const p = person(row.person, row.unit);
        let most = 0;
        row.cells.forEach((cells, i) => {
          const counts = cells.map((c) => c.value ?? 0);
          most = Math.max(most, counts.reduce((a, b) => a + b, 0));
          add(p, groupKey(s), s.sheet.items[i], counts);
        });
        p.ballots += most;
        if (s.group !== null) groupBallots.set(s.group, Math.max(groupBallots.get(s.group) ?? 0, most));
      }
    cast = Math.max(0, ...[...acc.values()].map((p) => p.ballots));
  }

  // 总体评价, or a header that says more around it: 五、总体评价, 总体评价（等次）.
  const gradeItem = items.find((it) => it === settings.gradeItem) ?? items.find((it) => it.includes(settings.gradeItem)) ?? null;
  const interviewGrades = interviewGradesFor(choices, settings);
  const rule = settings.gradeRule;
  const weightOf = (g: string) => (groups.length === 0 ? 1 : (groups.find((x) => x.name === g)?.weight ?? 0));
  const worst = choices.length - 1;

  const result = (p: PersonAcc, pick: readonly string[]): { shares: number[] | null; valid: number } => {
    const byGroup: Array<{ weight: number; counts: number[] }> = [];
    let valid = 0;
    for (const [g, byItem] of p.groups) {
      const counts = choices.map(() => 0);
      for (const it of pick) byItem.get(it)?.forEach((n, i) => (counts[i] += n));
      valid += counts.reduce((a, b) => a + b, 0);
      const weight = weightOf(g);
      // A sheet in no group (a settings problem, reported) counts in the raw counts, not in the shares.
      if (weight > 0) byGroup.push({ weight, counts });
    }
    return { shares: weightedShares(byGroup, choices.length), valid };
  };
  const rates = (shares: number[] | null) => ({
    goodRate: shares ? shares[0] : null,
    goodOrBetterRate: shares ? shares[0] + (shares[1] ?? 0) : null,
    grade: shares ? choices[gradeOf(shares, rule)!] : null,
  });

  const out: BallotPerson[] = [];
  for (const p of acc.values()) {
    const counts: Record<string, Record<string, number>> = {};
    const byItem: Record<string, BallotItemResult> = {};
    const downItems: string[] = [];
    for (const it of items) {
      counts[it] = {};
      const raw = choices.map(() => 0);
      for (const g of p.groups.values()) g.get(it)?.forEach((n, i) => (raw[i] += n));
      choices.forEach((c, i) => (counts[it][c] = raw[i]));
      const r = result(p, [it]);
      const own = rates(r.shares);
      byItem[it] = { valid: r.valid, ...own };
      if (r.shares && ((own.grade !== null && interviewGrades.includes(own.grade)) || r.shares[worst] >= rule.worstShare - EPS)) downItems.push(it);
    }
    const overall = rates(result(p, gradeItem !== null ? [gradeItem] : items).shares);
    out.push({
      person: p.person,
      unit: p.unit,
      ballots: p.ballots,
      counts,
      ...overall,
      rank: null,
      interview: overall.grade !== null && interviewGrades.includes(overall.grade),
      downItems,
      byItem,
    });
  }
  rankPersons(out);
  const indexed = out.map((p, i) => ({ p, i }));
  indexed.sort((a, b) => (a.p.rank ?? Infinity) - (b.p.rank ?? Infinity) || a.i - b.i);

  const scopes = presentScopes(used, settings.present);
  const present = settings.present ?? (scopes.length > 0 ? scopes.reduce((a, s) => a + s.present, 0) : null);
  return {
    summary: {
      items,
      choices: [...choices],
      gradeItem,
      present,
      cast,
      blank,
      groups: groups.map((g) => ({ name: g.name, weight: g.weight, ballots: groupBallots.get(g.name) ?? 0 })),
      persons: indexed.map((x) => x.p),
      ...(problems.length > 0 ? { problems } : {}),
    },
    problems,
  };
}
