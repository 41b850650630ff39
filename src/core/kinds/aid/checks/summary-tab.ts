import { cellAddress } from '../../../address';
import { AID_COLUMNS, AidKey } from '../columns';
import { Place } from '../../../findings';
import { placeKey } from '../../../read/place';
import { MoneyUnit, readNumber, roundMoney } from '../../../read/number';
import { cellText } from '../../../read/text';
import { Check, SheetContext } from '../../../rules/check';
import { Household, SOURCE_NAMES } from '../household';
import { sheetReader } from '../sheet-reader';
import { CellValue } from '../../../workbook';
import { defineRules, q, qe } from '../../../rule';

export const SUMMARY_TAB_RULES = defineRules([
  {
    id: 'summary.mismatch',
    severity: 'error',
    title: { zh: '汇总表与明细不符', en: 'Summary tab mismatch' },
    message: {
      zh: (p) =>
        p.missing
          ? `汇总表 ${p.cell} 的${q(p.place)}在本工作簿中找不到对应的明细工作表（汇总为 ${p.found}）。`
          : `汇总表 ${p.cell} 中${q(p.place)}的${p.field}为 ${p.found}，而明细工作表（${p.sheets}）合计为 ${p.expected}（相差 ${p.diff}）。`,
      en: (p) =>
        p.missing
          ? `The summary at ${p.cell} lists ${qe(p.place)} (${p.found}), but no tab of this workbook holds its households.`
          : `The summary at ${p.cell} says ${p.found} for ${p.fieldEn} of ${qe(p.place)}, but its tabs (${p.sheets}) add up to ${p.expected} (off by ${p.diffEn}).`,
    },
    fix: {
      zh: (p) => (p.missing ? '核对乡镇名称是否与工作表一致，或补上该乡镇的明细表。' : `改为 ${p.expected}，或核对明细表是否漏填、重复；汇总表最好用公式引用各乡镇工作表。`),
      en: (p) => (p.missing ? "Check the township's name against the tabs, or add its tab." : `Change it to ${p.expected}, or look for missing or doubled rows in the tabs; better, make the summary refer to the tabs by formula.`),
    },
  },
]);

/** What the township tabs of one workbook hold for one place. */
interface Tally {
  households: number;
  persons: number;
  cash: number;
  goods: number;
  amount: number;
  sources: Record<string, number>;
  /** The part of each money figure typed as text, which Excel's SUM leaves out. */
  textCash: number;
  textGoods: number;
  textAmount: number;
  sheets: Set<string>;
}

interface SummaryCell {
  key: AidKey;
  col: number;
  /** 元 for money, a count otherwise. */
  value: number;
  unit: MoneyUnit | null;
  decimals: number;
}

interface SummaryRow {
  file: string;
  sheet: string;
  row: number;
  label: string;
  labelCol: number;
  cells: SummaryCell[];
  /** The summary has one money column only: it is the whole amount (金额), not the cash part. */
  singleMoney: boolean;
}

const COMPARED: AidKey[] = ['households', 'members', 'cash', 'goodsValue', 'total', 'sourceGov', 'sourceDept', 'sourceEnterprise', 'sourceSocial'];
const MONEY = new Set<AidKey>(['cash', 'goodsValue', 'total', 'sourceGov', 'sourceDept', 'sourceEnterprise', 'sourceSocial']);

function tally(): Tally {
  return { households: 0, persons: 0, cash: 0, goods: 0, amount: 0, sources: {}, textCash: 0, textGoods: 0, textAmount: 0, sheets: new Set() };
}

function decimalsOf(v: number): number {
  const s = String(v);
  const i = s.indexOf('.');
  return i < 0 ? 0 : Math.min(4, s.length - i - 1);
}

/**
 * summary.mismatch: a 汇总 tab (one row per township: 户数 and money, no ID column) against the
 * township tabs of the same workbook. Its rows are never households; each figure is compared in
 * 元 (a 万元 summary to the precision it was typed in) and reported at the summary's cell.
 */
export function summaryTabCheck(): Check<Household, AidKey> {
  // The township tabs seen: their households are read again and added up only in `finish`, for
  // the workbooks that turn out to have a 汇总 tab. A ledger without one costs nothing per row,
  // and no household is kept.
  const chunks: Chunk[] = [];
  const summaries: SummaryRow[] = [];
  return {
    rules: SUMMARY_TAB_RULES.map((r) => r.id),
    start(ctx) {
      const t = ctx.table;
      if (t.layout !== 'summary') {
        chunks.push({ file: ctx.file, sheet: t.sheet, ctx });
        return;
      }
      const keys = COMPARED.filter((k) => ctx.col(k) !== undefined);
      const money = keys.filter((k) => MONEY.has(k));
      const labelCols = (['township', 'county', 'village', 'seq'] as const).map((k) => ctx.col(k)).filter((c): c is number => c !== undefined);
      for (const r of t.dataRows) {
        let label = '';
        let labelCol = t.left;
        for (const c of [...labelCols, ...Array.from({ length: t.right - t.left + 1 }, (_, i) => t.left + i)]) {
          const s = cellText(ctx.grid.get(r, c));
          if (s !== '' && !/^\d+$/.test(s)) {
            label = s;
            labelCol = c;
            break;
          }
        }
        if (label === '') continue;
        const cells: SummaryCell[] = [];
        for (const k of keys) {
          const col = ctx.col(k)!;
          const n = readNumber(ctx.grid.get(r, col));
          if (!n.ok) continue;
          const unit = MONEY.has(k) ? (n.unit ?? t.units[k] ?? '元') : null;
          cells.push({ key: k, col, value: unit === '万元' ? n.value * 10_000 : n.value, unit, decimals: decimalsOf(n.value) });
        }
        summaries.push({ file: ctx.file, sheet: t.sheet, row: r, label, labelCol, cells, singleMoney: money.length === 1 && (money[0] === 'cash' || money[0] === 'total') });
      }
    },
    finish(ctx) {
      const byFile = new Map<string, Tallies>();
      for (const s of summaries) {
        let t = byFile.get(s.file);
        if (!t) byFile.set(s.file, (t = tallies(chunks.filter((c) => c.file === s.file))));
        if (t.towns.size === 0) continue; // no township tabs in this workbook: nothing to reconcile with
        const key = placeKey(s.label);
        const found = t.towns.get(key) ?? t.counties.get(key) ?? t.villages.get(key) ?? t.tabs.get(key);
        const place = (col: number): Place => ({ file: s.file, sheet: s.sheet, cell: cellAddress(s.row, col) });
        if (!found) {
          const h = s.cells.find((c) => c.key === 'households') ?? s.cells[0];
          if (!h || h.value === 0) continue;
          ctx.report({ rule: 'summary.mismatch', at: place(s.labelCol), row: s.row, column: null, value: s.label, params: { place: s.label, found: roundMoney(h.value), missing: 1 } });
          continue;
        }
        for (const c of s.cells) {
          const [expected, textPart] = expectedOf(c.key, found, s.singleMoney);
          if (matches(c, expected) || (textPart !== 0 && matches(c, expected - textPart))) continue;
          const shown = (v: number) => (c.unit === '万元' ? roundMoney(v / 10_000) : roundMoney(v));
          const suffix = c.unit === '万元' ? ' 万元' : c.unit === '元' ? ' 元' : '';
          const suffixEn = c.unit === '万元' ? ' × 10,000 yuan' : c.unit === '元' ? ' yuan' : '';
          const foundShown = shown(c.value);
          const expectedShown = c.unit === '万元' ? roundTo(expected / 10_000, Math.max(c.decimals, 2)) : roundMoney(expected);
          ctx.report({ rule: 'summary.mismatch', at: place(c.col), row: s.row, column: c.key, value: foundShown, params: {
            place: s.label,
            field: AID_COLUMNS[c.key as AidKey].label.zh,
            fieldEn: AID_COLUMNS[c.key as AidKey].label.en,
            found: `${foundShown}${suffix}`,
            expected: `${expectedShown}${suffix}`,
            diff: `${roundTo(Math.abs(foundShown - expectedShown), 4)}${suffix}`,
            diffEn: `${roundTo(Math.abs(foundShown - expectedShown), 4)}${suffixEn}`,
            sheets: [...found.sheets].join('、'),
          } });
        }
      }
    },
  };
}

/** A township tab: its households are read again from its grid if its workbook has a 汇总 tab. */
interface Chunk {
  file: string;
  sheet: string;
  ctx: SheetContext<AidKey>;
}

/** What the tabs of one workbook hold, by township, county, village and tab name. */
interface Tallies {
  towns: Map<string, Tally>;
  counties: Map<string, Tally>;
  villages: Map<string, Tally>;
  tabs: Map<string, Tally>;
}

function tallies(chunks: Chunk[]): Tallies {
  const out: Tallies = { towns: new Map(), counties: new Map(), villages: new Map(), tabs: new Map() };
  const at = (map: Map<string, Tally>, name: string) => {
    const k = placeKey(name);
    let t = map.get(k);
    if (!t) map.set(k, (t = tally()));
    return t;
  };
  for (const c of chunks) {
    const tab = at(out.tabs, c.sheet);
    const read = sheetReader(c.ctx as SheetContext);
    const grid = c.ctx.grid;
    const get = (key: AidKey, row: number): CellValue => {
      const col = c.ctx.col(key);
      return col === undefined ? null : grid.get(row, col);
    };
    for (const row of c.ctx.table.dataRows) {
      const h = read(row, '');
      const list = [at(out.towns, h.township), at(out.counties, h.county), tab];
      if (h.village !== '') list.push(at(out.villages, h.village));
      const text = textAmounts(h, get('cash', row), get('goodsValue', row), get('total', row));
      for (const t of list) {
        t.households++;
        t.persons += h.members.ok && h.members.value > 0 ? h.members.value : 0;
        t.cash += h.money.cash.yuan ?? 0;
        t.goods += h.money.goodsValue.yuan ?? 0;
        t.amount += h.amount;
        if (text) {
          t.textCash += text[0];
          t.textGoods += text[1];
          t.textAmount += text[2];
        }
        for (const s in h.sources) t.sources[s] = (t.sources[s] ?? 0) + h.sources[s];
        t.sheets.add(c.sheet);
      }
    }
  }
  return out;
}

/** Money typed as text, which Excel's SUM in the office's own 汇总 leaves out: 慰问金, 物资折款, 合计; null when none is. */
function textAmounts(h: Household, cash: CellValue, goods: CellValue, total: CellValue): [number, number, number] | null {
  if (typeof cash !== 'string' && typeof goods !== 'string' && typeof total !== 'string') return null;
  const tCash = typeof cash === 'string' ? (h.money.cash.yuan ?? 0) : 0;
  const tGoods = typeof goods === 'string' ? (h.money.goodsValue.yuan ?? 0) : 0;
  const tTotal = total !== null ? (typeof total === 'string' ? (h.money.total.yuan ?? 0) : 0) : tCash + tGoods;
  return [tCash, tGoods, tTotal];
}

function roundTo(v: number, d: number): number {
  const f = 10 ** d;
  return Math.round(v * f) / f;
}

/** The tabs' figure for a summary column, and the part of it typed as text. */
function expectedOf(key: AidKey, t: Tally, singleMoney: boolean): [number, number] {
  switch (key) {
    case 'households':
      return [t.households, 0];
    case 'members':
      return [Math.round(t.persons), 0];
    case 'cash':
      return singleMoney ? [t.amount, t.textAmount] : [t.cash, t.textCash];
    case 'goodsValue':
      return [t.goods, t.textGoods];
    case 'total':
      return [t.amount, t.textAmount];
    default:
      return [t.sources[SOURCE_NAMES[key as keyof typeof SOURCE_NAMES]] ?? 0, 0];
  }
}

/** Counts exactly; money in 元 to the fen, in 万元 to the precision typed (5.04 万元 = 50,400 元). */
function matches(c: SummaryCell, expected: number): boolean {
  if (c.unit === '万元') {
    const d = Math.max(c.decimals, 2);
    return Math.abs(roundTo(expected / 10_000, d) - c.value / 10_000) < 0.5 * 10 ** -d + 1e-9;
  }
  return Math.abs(c.value - expected) <= 0.005;
}
