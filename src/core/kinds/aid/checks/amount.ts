import { COLUMN_LABELS } from '../../../columns';
import { comparisonText, moneyText, moneyTextFromYuan } from '../../../read/money-text';
import { MoneyUnit, roundMoney } from '../../../read/number';
import { Check } from '../../../rules/check';
import { MONEY_KEYS } from '../household';

const SOURCE_KEYS = ['sourceGov', 'sourceDept', 'sourceEnterprise', 'sourceSocial'] as const;
const NONE: readonly (typeof SOURCE_KEYS)[number][] = [];

/** Both sides and the difference of a sum that does not hold, in the unit the sheet shows them. */
function quote(left: number, right: number, unit: MoneyUnit) {
  const c = comparisonText(left, right, unit);
  return { compared: c.zh, comparedEn: c.en };
}

/** A 元 amount below this per household was probably typed in 万元 (0.05 = 500 元). */
const YUAN_LOOKS_LIKE_WAN = 1;
/** A 万元 amount from this up (100,000 元 per household) was probably typed in 元. */
const WAN_LOOKS_LIKE_YUAN = 10;

/**
 * amount.not-number, amount.negative, amount.unit, amount.sum-mismatch (cash + goods = total,
 * sources = total) and amount.outlier (above the per-household cap), all compared in 元.
 */
export function amountCheck(): Check {
  return {
    rules: ['amount.not-number', 'amount.negative', 'amount.unit', 'amount.sum-mismatch', 'amount.outlier'],
    kinds: ['aid'],
    row(row, ctx) {
      const h = row.household!;
      let bad = false;
      for (const k of MONEY_KEYS) {
        if (ctx.col(k) === undefined) continue;
        const m = h.money[k];
        const label = COLUMN_LABELS[k];
        if (!m.read.ok) {
          if (m.read.reason !== 'empty') {
            ctx.report('amount.not-number', row.row, k, row.get(k), { field: label.zh, fieldEn: label.en, text: row.text(k) });
            bad = true;
          }
          continue;
        }
        const typed = m.read.value;
        const raw = row.get(k);
        if (typeof raw === 'string') {
          // 500元, 0.05万, ５００: a reader sees the amount, Excel's SUM does not.
          ctx.report('amount.not-number', row.row, k, raw, { field: label.zh, fieldEn: label.en, text: raw, means: m.yuan!, typed: m.unit === (ctx.table.units[k] ?? '元') ? typed : roundMoney(m.unit === '万元' ? typed * 10_000 : typed / 10_000) });
          bad = true;
          continue;
        }
        // The amount as shown is only worded for a finding: most cells have none.
        const quoted = () => {
          const shown = moneyText(typed, m.unit);
          return { field: label.zh, fieldEn: label.en, amount: typed, shown: shown.zh, shownEn: shown.en };
        };
        if (typed < 0) {
          ctx.report('amount.negative', row.row, k, row.get(k), quoted());
          bad = true;
        } else if (m.unit === '元' && typed > 0 && typed < YUAN_LOOKS_LIKE_WAN) {
          ctx.report('amount.unit', row.row, k, row.get(k), { ...quoted(), unit: '元', unitEn: 'yuan', looksLike: '万元', looksLikeEn: '10,000 yuan' });
        } else if (m.unit === '万元' && typed >= WAN_LOOKS_LIKE_YUAN) {
          ctx.report('amount.unit', row.row, k, row.get(k), { ...quoted(), unit: '万元', unitEn: '10,000 yuan', looksLike: '元', looksLikeEn: 'yuan' });
        }
      }
      if (bad) return;
      const total = h.money.total.yuan;
      const hasParts = ctx.col('cash') !== undefined || ctx.col('goodsValue') !== undefined;
      const cash = h.money.cash.yuan;
      const goods = h.money.goodsValue.yuan;
      if (total !== null && hasParts && (cash !== null || goods !== null)) {
        const parts = roundMoney((cash ?? 0) + (goods ?? 0));
        if (Math.abs(parts - total) > 0.01) {
          const unit = h.money.total.unit;
          ctx.report('amount.sum-mismatch', row.row, 'total', row.get('total'), { what: '慰问金 + 慰问品折款 ≠ 合计', whatEn: 'cash + goods ≠ total', left: parts, right: total, diff: roundMoney(Math.abs(parts - total)), ...quote(parts, total, unit) });
        }
      }
      // No per-source columns (most ledgers): no list to build.
      const sourceCols = h.money.sourceGov.yuan === null && h.money.sourceDept.yuan === null && h.money.sourceEnterprise.yuan === null && h.money.sourceSocial.yuan === null ? NONE : SOURCE_KEYS.filter((k) => ctx.col(k) !== undefined && h.money[k].yuan !== null);
      if (sourceCols.length > 0) {
        const sum = roundMoney(sourceCols.reduce((s, k) => s + h.money[k].yuan!, 0));
        const target = total ?? h.amount;
        if (Math.abs(sum - target) > 0.01) {
          const unit = h.money[sourceCols[0]].unit;
          ctx.report('amount.sum-mismatch', row.row, sourceCols[0], row.get(sourceCols[0]), { what: '各资金来源之和 ≠ 合计', whatEn: 'fund sources ≠ total', left: sum, right: target, diff: roundMoney(Math.abs(sum - target)), ...quote(sum, target, unit) });
        }
      }
      const cap = ctx.settings.capPerHousehold;
      if (h.amount > cap) {
        const key = ctx.col('total') !== undefined ? 'total' : 'cash';
        const shown = moneyTextFromYuan(h.amount, h.money[key].unit);
        ctx.report('amount.outlier', row.row, key, row.get(key), { amount: h.amount, cap, shown: shown.zh, shownEn: shown.en });
      }
    },
  };
}
