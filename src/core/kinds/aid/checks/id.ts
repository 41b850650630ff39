import { dayToIso } from '../../../read/date';
import { birthDigits, maskId } from '../../../read/id-number';
import { isKnownRegion } from '../../../region';
import { Check } from '../../../rules/check';
import type { Household } from '../household';
import type { AidKey } from '../columns';
import type { Settings } from '../../../settings';
import { defineRules, q, qe } from '../../../rule';

export const ID_RULES = defineRules([
  {
    id: 'id.format',
    severity: 'error',
    title: { zh: '身份证号格式错误', en: 'ID number malformed' },
    message: {
      zh: (p) => `${p.cell} 的身份证号${q(p.text)}${p.problem}。`,
      en: (p) => `ID number ${qe(p.text)} at ${p.cell} ${p.problemEn}.`,
    },
    fix: {
      zh: () => '身份证号应为 18 位（最后一位可为 X），请对照户口簿核对；录入前把单元格设为“文本”格式。',
      en: () => 'An ID number has 18 characters (the last may be X); check it against the household register and format the cell as text first.',
    },
  },
  {
    id: 'id.checksum',
    severity: 'error',
    title: { zh: '身份证号校验位错误', en: 'ID check character wrong' },
    message: {
      zh: (p) => `${p.cell} 的身份证号 ${p.text} 校验位应为 ${p.expected}，实为 ${p.found}，号码有录入错误。`,
      en: (p) => `ID number ${p.text} at ${p.cell} should end in ${p.expected}, not ${p.found}: a digit was mistyped.`,
    },
    fix: {
      zh: () => '对照身份证或户口簿逐位核对号码。',
      en: () => 'Compare it digit by digit with the ID card or household register.',
    },
  },
  {
    id: 'id.birthdate',
    severity: 'error',
    title: { zh: '身份证出生日期无效', en: 'ID birth date impossible' },
    message: {
      zh: (p) => `${p.cell} 的身份证号 ${p.text} 中第 7–14 位的出生日期${String(p.what).startsWith('的') ? '' : ' '}${p.what}。`,
      en: (p) => `ID number ${p.text} at ${p.cell}: the birth date (characters 7–14) ${p.whatEn}.`,
    },
    fix: {
      zh: () => '核对第 7–14 位出生日期。',
      en: () => 'Check characters 7 to 14, the birth date.',
    },
  },
  {
    id: 'id.scientific',
    severity: 'error',
    title: { zh: '身份证号被 Excel 当作数字', en: 'ID number stored as a number' },
    message: {
      zh: (p) => `${p.cell} 的身份证号被 Excel 当作数字保存（显示为 ${p.text}），末几位已丢失。`,
      en: (p) => `The ID number at ${p.cell} was stored as a number (${p.text}); Excel dropped its last digits.`,
    },
    fix: {
      zh: () => '把该列设为“文本”格式后重新录入完整号码（或在号码前加英文单引号）。',
      en: () => "Format the column as text and type the full number again (or start it with an apostrophe).",
    },
  },
  {
    id: 'id.legacy15',
    severity: 'warning',
    title: { zh: '15 位旧身份证号', en: 'Legacy 15-digit ID' },
    message: {
      zh: (p) => `${p.cell} 的身份证号 ${p.text} 是 15 位旧号码。`,
      en: (p) => `ID number ${p.text} at ${p.cell} is an old 15-digit number.`,
    },
    fix: {
      zh: (p) => `请核实并改为 18 位新号码（可能为 ${p.upgraded}）。`,
      en: (p) => `Confirm and replace it with the 18-digit number (probably ${p.upgraded}).`,
    },
  },
  {
    id: 'id.region',
    severity: 'warning',
    title: { zh: '身份证地区码未知', en: 'Unknown ID region' },
    message: {
      zh: (p) => `${p.cell} 的身份证号 ${p.text} 前 6 位地区码 ${p.region} 在现行和历史行政区划代码中都查不到。`,
      en: (p) => `ID number ${p.text} at ${p.cell}: region code ${p.region} is in no current or historical list.`,
    },
    fix: {
      zh: () => '核对前 6 位；如果号码确实如此，可忽略本提示。',
      en: () => 'Check the first six digits; if the number is right, ignore this.',
    },
  },
]);

/** ID numbers as findings show them: masked unless the settings say showIds. */
export function shownId(text: string, showIds: boolean): string {
  return showIds ? text : maskId(text);
}

/** id.format, id.checksum, id.birthdate, id.scientific, id.legacy15, id.region (GB 11643-1999). */
export function idNumberCheck(settings: Pick<Settings, 'showIds'>): Check<Household, AidKey> {
  return {
    rules: ID_RULES.map((r) => r.id),
    row(row, ctx, h) {
      const id = h.id;
      // Most IDs are sound: nothing to report, so no masked text (three strings) to make for them.
      if (id.kind === 'id' && id.birth !== null && id.birth <= ctx.asOf && id.expectedCheck === null && !id.legacy && isKnownRegion(id.region)) return;
      const show = (t: string) => shownId(t, settings.showIds);
      const value = settings.showIds ? row.get('idNumber') : id.kind === 'empty' ? null : show(id.kind === 'id' ? id.text : id.text);
      switch (id.kind) {
        case 'empty':
          return;
        case 'scientific':
          ctx.report({ rule: 'id.scientific', row: row.row, column: 'idNumber', value, params: { text: id.text } });
          return;
        case 'malformed':
          ctx.report({ rule: 'id.format', row: row.row, column: 'idNumber', value, params: {
            text: show(id.text),
            problem: id.problem === 'length' ? `有 ${id.text.replace(/\s/g, '').length} 位，应为 18 位（旧号码 15 位）` : '含有数字和末位 X 以外的字符',
            problemEn: id.problem === 'length' ? `has ${id.text.replace(/\s/g, '').length} characters, not 18 (or 15 for old numbers)` : 'has characters other than digits and a final X',
          } });
          return;
        case 'id': {
          const today = ctx.asOf;
          if (id.birth === null || id.birth > today) {
            const [what, whatEn] = birthProblem(birthDigits(id), id.birth === null ? null : dayToIso(today), settings.showIds);
            ctx.report({ rule: 'id.birthdate', row: row.row, column: 'idNumber', value, params: { text: show(id.text), what, whatEn } });
          }
          if (id.expectedCheck !== null) {
            ctx.report({ rule: 'id.checksum', row: row.row, column: 'idNumber', value, params: { text: show(id.text), expected: id.expectedCheck, found: id.text[17] } });
          }
          if (id.legacy) ctx.report({ rule: 'id.legacy15', row: row.row, column: 'idNumber', value, params: { text: show(id.text), upgraded: show(id.id18) } });
          if (!isKnownRegion(id.region)) ctx.report({ rule: 'id.region', row: row.row, column: 'idNumber', value, params: { text: show(id.text), region: id.region } });
        }
      }
    },
  };
}

/**
 * What is wrong with the birth date (characters 7–14), said so that it still tells the clerk what
 * to fix while the number is masked: the month or day that cannot be, never the whole date.
 */
export function birthProblem(yyyymmdd: string, after: string | null, showIds: boolean): [string, string] {
  const [y, m, d] = [Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6, 8))];
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  if (after !== null) return showIds ? [`${iso} 晚于 ${after}`, `${iso} is after ${after}`] : [`晚于 ${after}`, `is after ${after}`];
  if (showIds) return [`${iso} 不是真实存在的日期`, `${iso} does not exist`];
  if (y < 1850) return ['的年份早于 1850 年', 'has a year before 1850'];
  if (m < 1 || m > 12) return [`${m} 月不存在`, `has month ${m}, which does not exist`];
  return [`${m}月${d}日不存在`, `has day ${d} of month ${m}, which does not exist`];
}
