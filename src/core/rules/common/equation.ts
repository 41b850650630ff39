import { ColumnKey } from '../../columns';
import { Equation, parseEquation, Term } from '../../equation';
import { readNumber, roundMoney } from '../../read/number';
import { Check, SheetContext } from '../check';
import { defineRules } from '../../rule';

export const EQUATION_RULES = defineRules([
  {
    id: 'row.equation',
    severity: 'error',
    title: { zh: '栏间关系不成立', en: 'Column equation fails' },
    message: {
      zh: (p) => `第 ${p.row} 行不满足 ${p.equation}：左边为 ${p.left}，右边为 ${p.right}。`,
      en: (p) => `Row ${p.row} breaks ${p.equation}: left side ${p.left}, right side ${p.right}.`,
    },
    fix: {
      zh: () => '核对这一行各栏的数字。',
      en: () => "Check this row's figures.",
    },
  },
]);

interface Bound {
  eq: Equation;
  left: Array<{ sign: number; key: ColumnKey }>;
  right: Array<{ sign: number; key: ColumnKey }>;
}

/** row.equation: the declared cross-column rules, such as (1)=(2)+(5), on every row. */
export function equationCheck(equations: string[]): Check {
  // Each kind reads the equations with its own column names, once.
  const parsedBy = new Map<string, Equation[]>();
  let bound: Bound[] = [];
  return {
    rules: EQUATION_RULES.map((r) => r.id),
    start(ctx) {
      bound = [];
      let parsed = parsedBy.get(ctx.kind.id);
      if (!parsed) {
        const columns = ctx.kind.columns;
        parsed = equations.map((e) => parseEquation(e, columns)).filter((e): e is Equation => !('error' in e));
        parsedBy.set(ctx.kind.id, parsed);
      }
      for (const eq of parsed) {
        const left = bind(eq.left, ctx);
        const right = bind(eq.right, ctx);
        // An equation naming a column this sheet lacks does not apply to it.
        if (left && right) bound.push({ eq, left, right });
      }
      if (bound.length === 0) return false;
    },
    row(row, ctx) {
      for (const b of bound) {
        const l = evaluate(b.left, row.get);
        const r = evaluate(b.right, row.get);
        if (l === null || r === null) continue;
        if (Math.abs(l - r) > 0.005) {
          const key = b.left[0].key;
          ctx.report({ rule: 'row.equation', row: row.row, column: key, value: row.get(key), params: { equation: b.eq.text, left: roundMoney(l), right: roundMoney(r), row: row.row } });
        }
      }
    },
  };
}

function bind(terms: Term[], ctx: SheetContext): Array<{ sign: number; key: ColumnKey }> | null {
  const out: Array<{ sign: number; key: ColumnKey }> = [];
  for (const t of terms) {
    const key = 'key' in t.ref ? t.ref.key : ctx.table.numbered[t.ref.number];
    if (!key || ctx.col(key) === undefined) return null;
    out.push({ sign: t.sign, key });
  }
  return out;
}

/** Blank cells count as 0; a row where every cell is blank, or any is not a number, is skipped. */
function evaluate(terms: Array<{ sign: number; key: ColumnKey }>, get: (k: ColumnKey) => unknown): number | null {
  let sum = 0;
  let any = false;
  for (const t of terms) {
    const n = readNumber(get(t.key) as never);
    if (n.ok) {
      sum += t.sign * n.value;
      any = true;
    } else if (n.reason !== 'empty') return null;
  }
  return any ? sum : null;
}
