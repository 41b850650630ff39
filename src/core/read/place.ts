import { compact, memoize } from './text';

/** A place name split into its county-level and township-level parts (either may be missing). */
export interface PlaceParts {
  county: string | null;
  township: string | null;
}

// One administrative segment: a name of at least one character and its level word. Lazy, so
// 乐陵市市中街道 splits as 乐陵市 + 市中街道 and 聊城市东昌府区 as 聊城市 + 东昌府区.
const SEGMENT = /^([\u4e00-\u9fff]{1,8}?)(街道办事处|自治区|自治州|自治县|特别行政区|地区|办事处|街道|省|盟|市|县|区|旗|镇|乡)/;
const TOWNSHIP_LEVEL = /(街道办事处|办事处|街道|镇|乡)$/;
const COUNTY_LEVEL = /(自治县|县|区|旗|市)$/;
const ABOVE_COUNTY = /(省|自治区|自治州|地区|盟|特别行政区)$/;

/**
 * Reads a chain of place names from the start of a text: 山东省德州市乐陵市市中街道 →
 * county 乐陵市, township 市中街道. The county is the last county-level segment before the
 * township (a county-level 市 below a prefecture 市), so neither is lost nor swallowed.
 */
export function splitPlace(raw: string): PlaceParts {
  let s = compact(raw);
  let county: string | null = null;
  let township: string | null = null;
  for (let guard = 0; guard < 6 && s !== ''; guard++) {
    const m = SEGMENT.exec(s);
    if (!m) break;
    let seg = m[0];
    let rest = s.slice(seg.length);
    // 沙镇镇: the shortest reading leaves a lone 镇 that names nothing, so the name is longer.
    const lone = /^(街道办事处|办事处|街道|市|县|区|镇|乡)/.exec(rest);
    if (lone && !SEGMENT.test(rest)) {
      seg += lone[0];
      rest = rest.slice(lone[0].length);
    }
    s = rest;
    if (TOWNSHIP_LEVEL.test(seg)) {
      township = seg;
      break;
    }
    if (ABOVE_COUNTY.test(seg)) continue;
    if (COUNTY_LEVEL.test(seg)) county = seg;
  }
  return { county, township };
}

/** A township name without its level word, for matching 侯营 with 侯营镇 (memoized: called per household). */
export const placeKey = memoize(placeKeyOf);

function placeKeyOf(name: string): string {
  const s = compact(name);
  const { county, township } = splitPlace(s);
  const base = township ?? county ?? s;
  return base.length > 2 ? base.replace(/(街道办事处|办事处|街道|镇|乡)$/, '') : base;
}
