import { cellAddress } from '../../address';
import { ColumnKey } from '../../columns';
import { MoneyUnit, readNumber, roundMoney } from '../../read/number';
import { CellValue } from '../../workbook';
import { Check, SheetContext } from '../check';
import { defineRules } from '../../rule';

export const TOTALS_ROW_RULES = defineRules([
  {
    id: 'total-row.mismatch',
    severity: 'error',
    title: { zh: '合计行不符', en: 'Totals row mismatch' },
    message: {
      zh: (p) =>
        p.group
          ? `小计行 ${p.cell} 的${p.field}为 ${p.found}，而本组第 ${p.from}–${p.to} 行相加为 ${p.expected}（相差 ${p.diff}）。`
          : `合计行 ${p.cell} 的${p.field}为 ${p.found}，而各数据行相加为 ${p.expected}（相差 ${p.diff}${p.subtotals ? '；小计行不计入' : ''}）。`,
      en: (p) =>
        p.group
          ? `The subtotal at ${p.cell} says ${p.found} for ${p.fieldEn}, but rows ${p.from}–${p.to} of its group add up to ${p.expected} (off by ${p.diff}).`
          : `The totals row at ${p.cell} says ${p.found} for ${p.fieldEn}, but the data rows add up to ${p.expected} (off by ${p.diff}${p.subtotals ? '; subtotal rows not counted' : ''}).`,
    },
    fix: {
      zh: (p) => `改为 ${p.expected}，或使用公式 ${p.formula} 让合计自动计算。`,
      en: (p) => `Change it to ${p.expected}, or use ${p.formula} so it adds itself up.`,
    },
  },
]);


/** Sums of a run of data rows, per column: with text that reads as a number, and without it (as Excel's SUM). */
interface Sums {
  all: Map<ColumnKey, number>;
  text: Map<ColumnKey, number>;
  from: number;
  to: number;
}

type Boundary = { row: number; kind: 'subtotal' | 'total' | 'section' };

/**
 * total-row.mismatch: each 小计 row against the data rows of its own group (since the previous
 * subtotal or the section start), and each 合计 row against the data rows above it, never data
 * plus subtotals. A money cell typed as text counts either way (reported as amount.not-number).
 */
export function totalsRowCheck(): Check {
  let keys: ColumnKey[] = [];
  let group: Sums;
  let whole: Sums;
  let bounds: Boundary[] = [];
  let next = 0;
  let compared = false;
  let units: Partial<Record<ColumnKey, MoneyUnit>> = {};
  const fresh = (): Sums => ({ all: new Map(keys.map((k) => [k, 0])), text: new Map(keys.map((k) => [k, 0])), from: 0, to: 0 });

  function add(s: Sums, k: ColumnKey, v: number, isText: boolean) {
    s.all.set(k, s.all.get(k)! + v);
    if (isText) s.text.set(k, s.text.get(k)! + v);
  }

  function compare(ctx: SheetContext, row: number, sums: Sums, isGroup: boolean) {
    const t = ctx.table;
    for (const k of keys) {
      const col = ctx.col(k)!;
      const found = readNumber(ctx.grid.raw(row, col));
      if (!found.ok) continue;
      // 万元 columns are typed to the yuan (0.765 = 7,650 元): compare to half a yuan, not a fen.
      const wan = units[k] === '万元';
      const round = wan ? (n: number) => Math.round(n * 1e6) / 1e6 : roundMoney;
      const tolerance = wan ? 0.00005 : 0.005;
      const expected = round(sums.all.get(k)!);
      const skipped = round(expected - sums.text.get(k)!);
      // Excel's SUM skips text: a 合计 that matches either way is the text cell's fault alone.
      if (Math.abs(found.value - expected) <= tolerance || Math.abs(found.value - skipped) <= tolerance) continue;
      if (sums.from === 0) continue; // nothing to add up (a subtotal straight after another)
      const top = cellAddress(sums.from, col);
      const bottom = cellAddress(sums.to, col);
      const withSubtotals = !isGroup && t.subtotalRows.length > 0;
      ctx.report({ rule: 'total-row.mismatch', row, column: k, value: found.value, params: {
        field: ctx.kind.columns[k].label.zh,
        fieldEn: ctx.kind.columns[k].label.en,
        found: round(found.value),
        expected,
        diff: round(Math.abs(found.value - expected)),
        formula: withSubtotals ? `=SUBTOTAL(9,${top}:${bottom})` : `=SUM(${top}:${bottom})`,
        ...(isGroup ? { group: 1, from: sums.from, to: sums.to } : {}),
        ...(withSubtotals ? { subtotals: 1 } : {}),
      } });
    }
  }

  function passBoundaries(ctx: SheetContext, upTo: number) {
    while (next < bounds.length && bounds[next].row < upTo) {
      const b = bounds[next++];
      if (b.kind === 'subtotal') compare(ctx, b.row, group, true);
      else if (b.kind === 'total') compare(ctx, b.row, whole, false);
      if (b.kind !== 'total') group = fresh();
    }
  }

  return {
    rules: TOTALS_ROW_RULES.map((r) => r.id),
    start(ctx) {
      const t = ctx.table;
      // The kind's summed columns (分值, 得分, 户数, 慰问金 …) that this sheet has, each column once:
      // a 自评表's 自评分 is also read as its 得分, and is added up under the first key only.
      const seen = new Set<number>();
      keys = Object.keys(ctx.kind.columns).filter((k) => {
        const col = ctx.col(k);
        if (!ctx.kind.columns[k].summed || col === undefined || seen.has(col)) return false;
        seen.add(col);
        return true;
      });
      units = t.units;
      group = fresh();
      whole = fresh();
      bounds = [
        ...t.subtotalRows.map((row) => ({ row, kind: 'subtotal' as const })),
        ...t.totalsRows.map((row) => ({ row, kind: 'total' as const })),
        ...t.sections.map((s) => ({ row: s.row, kind: 'section' as const })),
      ].sort((a, b) => a.row - b.row);
      next = 0;
      // Sums are compared only at a 小计 or 合计 row: a sheet without one (most ledgers) adds nothing up.
      compared = bounds.some((b) => b.kind !== 'section');
      if (!compared) return false;
    },
    row(row, ctx) {
      if (!compared) return;
      if (next < bounds.length && bounds[next].row < row.row) passBoundaries(ctx, row.row);
      for (const k of keys) {
        const v: CellValue = row.get(k);
        if (v === null) continue;
        const n = readNumber(v);
        if (!n.ok) continue;
        const colUnit = units[k];
        let value = n.value;
        if (n.unit && colUnit && n.unit !== colUnit) value = n.unit === '万元' ? value * 10_000 : value / 10_000;
        const isText = typeof v === 'string';
        add(group, k, value, isText);
        add(whole, k, value, isText);
      }
      if (group.from === 0) group.from = row.row;
      group.to = row.row;
      if (whole.from === 0) whole.from = row.row;
      whole.to = row.row;
    },
    end(ctx) {
      passBoundaries(ctx, Infinity);
    },
  };
}
