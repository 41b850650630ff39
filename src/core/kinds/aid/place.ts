import { cellText, compact } from '../../read/text';
import { Grid } from '../../grid';
import { Table } from '../../detect';
import { HouseholdPlace } from './household';
import { splitPlace } from '../../read/place';

export const UNKNOWN_PLACE = '（未注明）';

const COUNTY_RE = /[\u4e00-\u9fff]{1,8}(?:自治县|县|区|市)/g;
const TOWNSHIP_RE = /[\u4e00-\u9fff]{1,8}(?:镇|乡|街道|办事处)/g;
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

/** 2017年春节东昌府区… → 东昌府区…: the words before a place name in a title. */
function stripNoise(text: string): string {
  let s = compact(text).replace(/\.xlsx?$/i, '');
  for (let guard = 0; guard < 8 && NOISE_RE.test(s); guard++) s = s.replace(NOISE_RE, '');
  return s;
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
  // A tab named after its place (七级镇, 沙镇镇, 乐陵市市中街道) gives county and township as written.
  const named = splitPlace(grid.name);
  let county: string | null = named.county;
  let township: string | null = named.township;
  for (const s of sources) {
    if (county && township) break;
    const parts = splitPlace(stripNoise(s));
    county ??= parts.county;
    township ??= parts.township;
  }
  for (const s of sources) {
    county ??= find(COUNTY_RE, s.replace(TOWNSHIP_RE, ''));
    township ??= find(TOWNSHIP_RE, s.replace(COUNTY_RE, ''));
  }
  return { county: county ?? UNKNOWN_PLACE, township: township ?? UNKNOWN_PLACE };
}
