import { cellText, compact } from '../read/text';
import { Grid } from '../grid';
import { Table } from '../detect';
import { HouseholdPlace } from '../rules/aid/household';

export const UNKNOWN_PLACE = '（未注明）';

const COUNTY_RE = /[\u4e00-\u9fff]{1,8}(?:自治县|县|区|市)/g;
const TOWNSHIP_RE = /[\u4e00-\u9fff]{1,8}(?:镇|乡|街道|办事处)/g;
const WHOLE_COUNTY = /^[\u4e00-\u9fff]{1,10}(?:自治县|县|区|市)$/;
const WHOLE_TOWNSHIP = /^[\u4e00-\u9fff]{1,10}(?:镇|乡|街道|办事处)$/;
const NOISE_RE = /^(计生|帮扶|救助|困难|家庭|台账|汇总|慰问|走访|春节|[\d年月日]+)/;

/** The last place name of the kind in the text: 聊城市东昌府区 → 东昌府区. */
function find(re: RegExp, text: string): string | null {
  const s = compact(text).replace(/\.xlsx?$/i, '');
  const all = s.match(re);
  if (!all) return null;
  // 聊城市东昌府区 → 东昌府区: the county below the city.
  let name = all[all.length - 1].split(/(?<=市)(?=.)/).pop()!;
  // "2017年春节东昌府区…" → 东昌府区: drop leading words that are not part of a place name.
  while (NOISE_RE.test(name)) name = name.replace(NOISE_RE, '');
  return name.length >= 2 ? name : null;
}

/**
 * County and township for rows that have no such columns: a sheet named after a township or
 * county, the title lines above the header, then the file name.
 */
export function placeOfSheet(file: string, grid: Grid, table: Table): HouseholdPlace {
  const titles: string[] = [];
  for (let r = grid.top; r < table.headerRows[0]; r++) {
    for (let c = grid.left; c <= grid.right; c++) {
      const t = cellText(grid.raw(r, c));
      if (t) titles.push(t);
    }
  }
  const sources = [grid.name, ...titles, file];
  const sheetName = compact(grid.name);
  // A tab named after its township (七级镇, 沙镇镇) or county is taken whole.
  let county: string | null = WHOLE_COUNTY.test(sheetName) ? sheetName : null;
  let township: string | null = WHOLE_TOWNSHIP.test(sheetName) ? sheetName : null;
  for (const s of sources) {
    county ??= find(COUNTY_RE, s.replace(TOWNSHIP_RE, ''));
    township ??= find(TOWNSHIP_RE, s.replace(COUNTY_RE, ''));
  }
  return { county: county ?? UNKNOWN_PLACE, township: township ?? UNKNOWN_PLACE };
}
