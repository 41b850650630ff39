import { dayFromIso, dayToIso } from '../../../read/date';
import { Check } from '../../../rules/check';
import type { Household } from '../household';
import type { AidKey } from '../columns';
import type { Settings } from '../../../settings';
import { defineRules, q, qe } from '../../../rule';

export const VISIT_RULES = defineRules([
  {
    id: 'date.out-of-window',
    severity: 'warning',
    title: { zh: '走访日期不在活动期内', en: 'Visit outside the campaign' },
    message: {
      zh: (p) => `${p.cell} 的走访日期${q(p.text)}${p.problem}。`,
      en: (p) => `Visit date ${qe(p.text)} at ${p.cell} ${p.problemEn}.`,
    },
    fix: {
      zh: (p) => `核对走访日期，应在 ${p.from} 至 ${p.to} 之间。`,
      en: (p) => `Check the date: the campaign ran from ${p.from} to ${p.to}.`,
    },
  },
]);

/** date.out-of-window: visit dates outside the campaign window (and visit dates that are no date). */
export function visitDateCheck(campaignWindow: Settings['window']): Check<Household, AidKey> {
  // The campaign window, read once: every row's visit date is held to it.
  const from = campaignWindow ? dayFromIso(campaignWindow.from) : null;
  const to = campaignWindow ? dayFromIso(campaignWindow.to) : null;
  const campaign = campaignWindow ? { from: campaignWindow.from, to: campaignWindow.to } : { from: '', to: '' };
  return {
    rules: VISIT_RULES.map((r) => r.id),
    row(row, ctx, h) {
      if (from === null || to === null) return;
      const d = h.visitDate;
      if (d.kind === 'invalid' || d.kind === 'ongoing') {
        ctx.report({ rule: 'date.out-of-window', row: row.row, column: 'visitDate', value: row.get('visitDate'), params: { text: h.visitText, problem: '无法识别为日期', problemEn: 'is not a date', ...campaign } });
      } else if (d.kind === 'date' && (d.day < from || d.day > to)) {
        ctx.report({ rule: 'date.out-of-window', row: row.row, column: 'visitDate', value: row.get('visitDate'), params: {
          text: h.visitText || dayToIso(d.day),
          problem: `（${dayToIso(d.day)}）不在活动期 ${campaign.from} 至 ${campaign.to} 之内`,
          problemEn: `(${dayToIso(d.day)}) is outside the campaign ${campaign.from} to ${campaign.to}`,
          ...campaign,
        } });
      }
    },
  };
}
