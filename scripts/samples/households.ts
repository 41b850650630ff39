/**
 * Deterministic households for samples, benchmarks and the playground: valid ID numbers,
 * amounts, visit dates in the 2017 Spring Festival campaign. Pure TypeScript, runs anywhere.
 */
import { checkCharacter } from '../../src/core/read/id-number';
import { prng } from './prng';

/** The header row of a township tab as the samples, the bench and the playground write it. */
export const LEDGER_HEADER = ['序号', '村（居）', '户主姓名', '身份证号码', '家庭人口', '困难类型', '慰问金（元）', '慰问品折款（元）', '合计（元）', '资金来源', '走访日期', '联系电话', '备注'];

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎';
const GIVEN = ['秀英', '桂英', '玉兰', '建国', '建华', '志强', '秀兰', '明', '伟', '芳', '军', '红梅', '长山', '凤英', '德明', '金海', '春生', '学文', '淑珍', '宝山'];
const TYPES = ['失独', '伤残', '特别扶助', '低保', '因病致贫', '其他'];
const SOURCES = ['政府投入', '部门筹集', '企事业赞助', '社会捐助'];

export interface Household {
  village: string;
  head: string;
  id: string | number;
  members: number;
  type: string;
  cash: number | string;
  goods: number;
  total: number;
  source: string;
  visit: string | Date;
  phone: string;
}

export function idFor(region: string, birth: string, seq: number): string {
  const first17 = region + birth + String(seq % 1000).padStart(3, '0');
  return first17 + checkCharacter(first17);
}

export function households(seed: number, region: string, villages: string[], n: number): Household[] {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[] | string) => (typeof xs === 'string' ? xs[Math.floor(r() * xs.length)] : xs[Math.floor(r() * xs.length)]) as T;
  const out: Household[] = [];
  for (let i = 0; i < n; i++) {
    const y = 1940 + Math.floor(r() * 50);
    const m = 1 + Math.floor(r() * 12);
    const d = 1 + Math.floor(r() * 28);
    const cash = [500, 800, 1000, 1500, 2000][Math.floor(r() * 5)];
    const goods = [0, 200, 300][Math.floor(r() * 3)];
    const day = 9 + Math.floor(r() * 14);
    const visitForms: Array<string | Date> = [new Date(Date.UTC(2017, 0, day)), `2017.1.${day}`, `2017年1月${day}日`];
    out.push({
      village: pick(villages),
      head: pick<string>(SURNAMES) + pick(GIVEN),
      id: idFor(region, `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`, seed * 7 + i * 13),
      members: 1 + Math.floor(r() * 5),
      type: pick(TYPES),
      cash,
      goods,
      total: cash + goods,
      source: pick(SOURCES),
      visit: visitForms[i % 3],
      phone: r() < 0.7 ? `13${Math.floor(100000000 + r() * 899999999)}` : `0635-${Math.floor(8000000 + r() * 999999)}`,
    });
  }
  return out;
}
