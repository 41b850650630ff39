import { dayToIso } from '../../../read/date';
import { maskId } from '../../../read/id-number';
import { isKnownRegion } from '../../../region';
import { Check } from '../../../rules/check';

/** ID numbers as findings show them: masked unless the settings say showIds. */
export function shownId(text: string, showIds: boolean): string {
  return showIds ? text : maskId(text);
}

/** id.format, id.checksum, id.birthdate, id.scientific, id.legacy15, id.region (GB 11643-1999). */
export function idNumberCheck(): Check {
  return {
    rules: ['id.format', 'id.checksum', 'id.birthdate', 'id.scientific', 'id.legacy15', 'id.region'],
    kinds: ['aid'],
    row(row, ctx) {
      const id = row.household!.id;
      const show = (t: string) => shownId(t, ctx.settings.showIds);
      const value = ctx.settings.showIds ? row.get('idNumber') : id.kind === 'empty' ? null : show(id.kind === 'id' ? id.text : id.text);
      switch (id.kind) {
        case 'empty':
          return;
        case 'scientific':
          ctx.report('id.scientific', row.row, 'idNumber', value, { text: id.text });
          return;
        case 'malformed':
          ctx.report('id.format', row.row, 'idNumber', value, {
            text: show(id.text),
            problem: id.problem === 'length' ? `有 ${id.text.replace(/\s/g, '').length} 位，应为 18 位（旧号码 15 位）` : '含有数字和末位 X 以外的字符',
            problemEn: id.problem === 'length' ? `has ${id.text.replace(/\s/g, '').length} characters, not 18 (or 15 for old numbers)` : 'has characters other than digits and a final X',
          });
          return;
        case 'id': {
          const today = ctx.asOf;
          if (id.birth === null || id.birth > today) {
            const [what, whatEn] = birthProblem(id.birthText, id.birth === null ? null : dayToIso(today), ctx.settings.showIds);
            ctx.report('id.birthdate', row.row, 'idNumber', value, { text: show(id.text), what, whatEn });
          }
          if (id.expectedCheck !== null) {
            ctx.report('id.checksum', row.row, 'idNumber', value, { text: show(id.text), expected: id.expectedCheck, found: id.text[17] });
          }
          if (id.legacy) ctx.report('id.legacy15', row.row, 'idNumber', value, { text: show(id.text), upgraded: show(id.id18) });
          if (!isKnownRegion(id.region)) ctx.report('id.region', row.row, 'idNumber', value, { text: show(id.text), region: id.region });
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
