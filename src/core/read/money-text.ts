import { MoneyUnit } from './number';

/** A money figure as the sheet shows it, in both languages (message params). */
export interface MoneyText {
  zh: string;
  en: string;
}

const plain = (n: number) => String(Math.round(n * 1e6) / 1e6);
const grouped = (yuan: number) => (Math.round(yuan * 100) / 100).toLocaleString('en-US', { maximumFractionDigits: 2 });

/**
 * Money quoted the way the cell shows it, so the clerk finds it in the sheet: 0.08 元, or
 * 500（万元） with the 元 it comes to in brackets when `withYuan` (sums compared in 元).
 */
export function moneyText(shown: number, unit: MoneyUnit, withYuan = false): MoneyText {
  if (unit === '元') return { zh: `${plain(shown)} 元`, en: `${plain(shown)} yuan` };
  if (!withYuan) return { zh: `${plain(shown)}（万元）`, en: `${plain(shown)} (10,000 yuan)` };
  const yuan = grouped(shown * 10_000);
  return { zh: `${plain(shown)}（万元，合 ${yuan} 元）`, en: `${plain(shown)} (10,000 yuan; ${yuan} yuan)` };
}

/** A figure in 元 (a sum, a cap) quoted in the unit of the column it is compared with. */
export function moneyTextFromYuan(yuan: number, unit: MoneyUnit, withYuan = true): MoneyText {
  return unit === '元' ? moneyText(yuan, '元') : moneyText(yuan / 10_000, '万元', withYuan);
}

/**
 * Two sums that should be equal, quoted in the unit of the sheet: 700 元 ≠ 800 元（相差 100 元）,
 * or 500.03 ≠ 0.08（万元；合 5,000,300 元 ≠ 800 元，相差 4,999,500 元）.
 */
export function comparisonText(leftYuan: number, rightYuan: number, unit: MoneyUnit): MoneyText {
  const diff = Math.abs(leftYuan - rightYuan);
  if (unit === '元') {
    return {
      zh: `${plain(leftYuan)} 元 ≠ ${plain(rightYuan)} 元（相差 ${plain(diff)} 元）`,
      en: `${plain(leftYuan)} ≠ ${plain(rightYuan)} yuan (off by ${plain(diff)} yuan)`,
    };
  }
  const [l, r] = [plain(leftYuan / 10_000), plain(rightYuan / 10_000)];
  return {
    zh: `${l} ≠ ${r}（万元；合 ${grouped(leftYuan)} 元 ≠ ${grouped(rightYuan)} 元，相差 ${grouped(diff)} 元）`,
    en: `${l} ≠ ${r} (10,000 yuan; ${grouped(leftYuan)} ≠ ${grouped(rightYuan)} yuan, off by ${grouped(diff)} yuan)`,
  };
}
