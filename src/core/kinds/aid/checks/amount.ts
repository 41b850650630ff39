import { AID_COLUMNS as AID_COLUMNS, AidKey } from '../columns';
import { comparisonText, moneyText, moneyTextFromYuan } from '../../../read/money-text';
import { MoneyUnit, roundMoney } from '../../../read/number';
import { Check } from '../../../rules/check';
import { Money, MONEY_KEYS, MoneyKey, SOURCE_KEYS } from '../household';
import type { Bilingual } from '../../../kind';
import type { Household } from '../household';
import type { Settings } from '../../../settings';
import { defineRules, q, qe } from '../../../rule';

export const AMOUNT_RULES = defineRules([
  {
    id: 'amount.not-number',
    severity: 'error',
    title: { zh: '金额不是数字', en: 'Amount not a number' },
    message: {
      zh: (p) =>
        p.means !== undefined
          ? `${p.cell} 的${p.field}${q(p.text)}是文本，不是数字；它表示 ${p.means} 元，但 Excel 的 SUM 会跳过文本，合计因此少算。`
          : `${p.cell} 的${p.field}${q(p.text)}不是数字。`,
      en: (p) =>
        p.means !== undefined
          ? `${p.fieldEn} ${qe(p.text)} at ${p.cell} is text, not a number: it means ${p.means} yuan, but Excel's SUM skips text, so totals miss it.`
          : `${p.fieldEn} ${qe(p.text)} at ${p.cell} is not a number.`,
    },
    fix: {
      zh: (p) => (p.means !== undefined ? `改为数字 ${p.typed}（不带“元”“万”等文字，单元格格式设为数值），再核对合计。` : '只填写数字金额（元），不要带文字。'),
      en: (p) => (p.means !== undefined ? `Type the number ${p.typed} (no 元 or 万, cell formatted as a number), then check the totals.` : 'Enter the amount in yuan as a number, without words.'),
    },
  },
  {
    id: 'amount.negative',
    severity: 'error',
    title: { zh: '金额为负', en: 'Negative amount' },
    message: {
      zh: (p) => `${p.cell} 的${p.field}为负数 ${p.shown ?? p.amount}。`,
      en: (p) => `${p.fieldEn} at ${p.cell} is negative: ${p.shownEn ?? p.amount}.`,
    },
    fix: {
      zh: () => '金额不能为负，请核对。',
      en: () => 'Amounts cannot be negative.',
    },
  },
  {
    id: 'amount.unit',
    severity: 'warning',
    title: { zh: '金额单位可疑', en: 'Suspicious money unit' },
    message: {
      zh: (p) => `${p.cell} 的${p.field} ${p.shown ?? p.amount}看起来是以${p.looksLike}为单位，而本列单位是${p.unit}。`,
      en: (p) => `${p.fieldEn} ${p.shownEn ?? p.amount} at ${p.cell} looks like ${p.looksLikeEn}, but the column is in ${p.unitEn}.`,
    },
    fix: {
      zh: (p) => `统一单位：本列应填${p.unit}。`,
      en: (p) => `Use one unit: this column is in ${p.unitEn}.`,
    },
  },
  {
    id: 'amount.sum-mismatch',
    severity: 'error',
    title: { zh: '金额合计不符', en: 'Amounts do not add up' },
    message: {
      zh: (p) => `${p.cell}：${p.what}，${p.compared ?? `${p.left} ≠ ${p.right}（相差 ${p.diff} 元）`}。`,
      en: (p) => `${p.cell}: ${p.whatEn}, ${p.comparedEn ?? `${p.left} ≠ ${p.right} (off by ${p.diff} yuan)`}.`,
    },
    fix: {
      zh: () => '核对各项金额与合计，合计可用公式计算。',
      en: () => 'Check the parts and the total; let a formula compute the total.',
    },
  },
  {
    id: 'amount.outlier',
    severity: 'warning',
    title: { zh: '金额超出上限', en: 'Amount above cap' },
    message: {
      zh: (p) => `${p.cell} 的每户金额 ${p.shown ?? `${p.amount} 元`}超过上限 ${p.cap} 元。`,
      en: (p) => `${p.shownEn ?? `${p.amount} yuan`} at ${p.cell} is above the cap of ${p.cap} yuan per household.`,
    },
    fix: {
      zh: () => '核实金额是否多录了 0，或是否经过特批。',
      en: () => 'Check for an extra zero, or for a special approval.',
    },
  },
]);

/**
 * A household's money cell by key, each key read as its own property: `money[k]` with k changing
 * from cell to cell was a megamorphic keyed load on every money cell of every row.
 */
function moneyAt(money: Household['money'], k: MoneyKey): Money {
  switch (k) {
    case 'cash':
      return money.cash;
    case 'goodsValue':
      return money.goodsValue;
    case 'total':
      return money.total;
    case 'sourceGov':
      return money.sourceGov;
    case 'sourceDept':
      return money.sourceDept;
    case 'sourceEnterprise':
      return money.sourceEnterprise;
    case 'sourceSocial':
      return money.sourceSocial;
  }
}

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
export function amountCheck(settings: Pick<Settings, 'capPerHousehold'>): Check<Household, AidKey> {
  // The sheet's money columns, found once per sheet: each row reads only those, its cells
  // straight from the grid (no ctx.col per key per row; about 10 ms on 100,000 households).
  let present: Array<{ key: MoneyKey; col: number; label: Bilingual }> = [];
  let hasParts = false;
  return {
    rules: AMOUNT_RULES.map((r) => r.id),
    start(ctx) {
      present = [];
      for (const k of MONEY_KEYS) {
        const col = ctx.col(k);
        if (col !== undefined) present.push({ key: k, col, label: AID_COLUMNS[k].label });
      }
      hasParts = ctx.col('cash') !== undefined || ctx.col('goodsValue') !== undefined;
    },
    row(row, ctx, h) {
      let bad = false;
      for (let j = 0; j < present.length; j++) {
        const { key: k, col, label } = present[j];
        const m = moneyAt(h.money, k);
        if (!m.read.ok) {
          if (m.read.reason !== 'empty') {
            ctx.report({ rule: 'amount.not-number', row: row.row, column: k, value: row.get(k), params: { field: label.zh, fieldEn: label.en, text: row.text(k) } });
            bad = true;
          }
          continue;
        }
        const typed = m.read.value;
        const raw = ctx.grid.get(row.row, col);
        if (typeof raw === 'string') {
          // 500元, 0.05万, ５００: a reader sees the amount, Excel's SUM does not.
          ctx.report({ rule: 'amount.not-number', row: row.row, column: k, value: raw, params: { field: label.zh, fieldEn: label.en, text: raw, means: m.yuan!, typed: m.unit === (ctx.table.units[k] ?? '元') ? typed : roundMoney(m.unit === '万元' ? typed * 10_000 : typed / 10_000) } });
          bad = true;
          continue;
        }
        // The amount as shown is only worded for a finding: most cells have none.
        const quoted = () => {
          const shown = moneyText(typed, m.unit);
          return { field: label.zh, fieldEn: label.en, amount: typed, shown: shown.zh, shownEn: shown.en };
        };
        if (typed < 0) {
          ctx.report({ rule: 'amount.negative', row: row.row, column: k, value: row.get(k), params: quoted() });
          bad = true;
        } else if (m.unit === '元' && typed > 0 && typed < YUAN_LOOKS_LIKE_WAN) {
          ctx.report({ rule: 'amount.unit', row: row.row, column: k, value: row.get(k), params: { ...quoted(), unit: '元', unitEn: 'yuan', looksLike: '万元', looksLikeEn: '10,000 yuan' } });
        } else if (m.unit === '万元' && typed >= WAN_LOOKS_LIKE_YUAN) {
          ctx.report({ rule: 'amount.unit', row: row.row, column: k, value: row.get(k), params: { ...quoted(), unit: '万元', unitEn: '10,000 yuan', looksLike: '元', looksLikeEn: 'yuan' } });
        }
      }
      if (bad) return;
      const total = h.money.total.yuan;
      const cash = h.money.cash.yuan;
      const goods = h.money.goodsValue.yuan;
      if (total !== null && hasParts && (cash !== null || goods !== null)) {
        const parts = roundMoney((cash ?? 0) + (goods ?? 0));
        if (Math.abs(parts - total) > 0.01) {
          const unit = h.money.total.unit;
          ctx.report({ rule: 'amount.sum-mismatch', row: row.row, column: 'total', value: row.get('total'), params: { what: '慰问金 + 慰问品折款 ≠ 合计', whatEn: 'cash + goods ≠ total', left: parts, right: total, diff: roundMoney(Math.abs(parts - total)), ...quote(parts, total, unit) } });
        }
      }
      // No per-source columns (most ledgers): no list to build.
      const sourceCols = h.money.sourceGov.yuan === null && h.money.sourceDept.yuan === null && h.money.sourceEnterprise.yuan === null && h.money.sourceSocial.yuan === null ? NONE : SOURCE_KEYS.filter((k) => ctx.col(k) !== undefined && h.money[k].yuan !== null);
      if (sourceCols.length > 0) {
        const sum = roundMoney(sourceCols.reduce((s, k) => s + h.money[k].yuan!, 0));
        const target = total ?? h.amount;
        if (Math.abs(sum - target) > 0.01) {
          const unit = h.money[sourceCols[0]].unit;
          ctx.report({ rule: 'amount.sum-mismatch', row: row.row, column: sourceCols[0], value: row.get(sourceCols[0]), params: { what: '各资金来源之和 ≠ 合计', whatEn: 'fund sources ≠ total', left: sum, right: target, diff: roundMoney(Math.abs(sum - target)), ...quote(sum, target, unit) } });
        }
      }
      const cap = settings.capPerHousehold;
      if (h.amount > cap) {
        const key = ctx.col('total') !== undefined ? 'total' : 'cash';
        const shown = moneyTextFromYuan(h.amount, h.money[key].unit);
        ctx.report({ rule: 'amount.outlier', row: row.row, column: key, value: row.get(key), params: { amount: h.amount, cap, shown: shown.zh, shownEn: shown.en } });
      }
    },
  };
}
