import type { z } from 'zod';
import type { Lang } from './messages';

/** One thing wrong with the settings, said in plain words (no schema paths), in both languages. */
export interface SettingsProblem {
  /** The top-level setting it concerns (asOf, capPerHousehold, gradeThresholds…). */
  field: string;
  /** The full path, for a settings file the user wrote by hand. */
  path: string;
  zh: string;
  en: string;
  /** The schema's own sentence (it names the setting itself); else a phrase to put after its name. */
  own: boolean;
}

const NAMES: Record<string, { zh: string; en: string }> = {
  asOf: { zh: '截止日期', en: 'the as-of date' },
  window: { zh: '走访活动时间', en: 'the campaign window' },
  capPerHousehold: { zh: '每户金额上限', en: 'the cap per household' },
  totalPoints: { zh: '总分', en: 'the total points' },
  gradeThresholds: { zh: '等次分数线', en: 'the grade thresholds' },
  sheets: { zh: '列映射', en: 'the column mapping' },
  rules: { zh: '规则设置', en: 'the rule settings' },
  equations: { zh: '栏间公式', en: 'the equations' },
  stateGrades: { zh: '等次折算', en: 'the state grades' },
  vetoMarker: { zh: '一票否决标记', en: 'the veto marker' },
  showIds: { zh: '显示完整身份证号', en: 'show IDs' },
  lang: { zh: '语言', en: 'the language' },
  ballot: { zh: '测评设置', en: 'the ballot settings' },
  // A nested setting the task pane has its own field for is named by that field.
  'ballot.present': { zh: '实到人数', en: 'the number of people present' },
};

const TYPES: Record<string, { zh: string; en: string }> = {
  number: { zh: '数字', en: 'a number' },
  string: { zh: '文字', en: 'text' },
  boolean: { zh: 'true 或 false', en: 'true or false' },
  array: { zh: '列表', en: 'a list' },
  object: { zh: '对象', en: 'an object' },
};

/** Our schema messages read 「中文 / English」: one side each. */
function sides(message: string): { zh: string; en: string } | null {
  const i = message.indexOf(' / ');
  return i > 0 ? { zh: message.slice(0, i), en: message.slice(i + 3) } : null;
}

export function settingsProblems(error: z.ZodError): SettingsProblem[] {
  return error.issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    const path = issue.path.join('.');
    const own = sides(issue.message);
    if (own) return { field, path, ...own, own: true };
    const i = issue as unknown as { code: string; expected?: string; minimum?: number | bigint; maximum?: number | bigint; inclusive?: boolean; origin?: string };
    let zh: string;
    let en: string;
    if (i.code === 'invalid_type') {
      const t = TYPES[String(i.expected)] ?? { zh: String(i.expected), en: String(i.expected) };
      [zh, en] = [`应是${t.zh}`, `must be ${t.en}`];
    } else if (i.code === 'too_small' && i.origin === 'number') {
      [zh, en] = i.inclusive ? [`不能小于 ${i.minimum}`, `must be at least ${i.minimum}`] : [`应大于 ${i.minimum}`, `must be above ${i.minimum}`];
    } else if (i.code === 'too_big' && i.origin === 'number') {
      [zh, en] = i.inclusive ? [`不能大于 ${i.maximum}`, `must be at most ${i.maximum}`] : [`应小于 ${i.maximum}`, `must be below ${i.maximum}`];
    } else if (i.code === 'too_small') {
      [zh, en] = ['不能为空', 'must not be empty'];
    } else if (i.code === 'invalid_value') {
      [zh, en] = ['不是可选的值', 'is not one of the allowed values'];
    } else if (i.code === 'unrecognized_keys') {
      [zh, en] = ['有不认识的项', 'has unknown entries'];
    } else {
      [zh, en] = ['无效', 'is not valid'];
    }
    return { field, path, zh, en, own: false };
  });
}

/** A problem as one sentence in one language, naming the setting in words. */
export function problemSentence(p: SettingsProblem, lang: Lang): string {
  if (p.own) return p[lang];
  const name = settingName(NAMES[p.path] ? p.path : p.field, lang);
  return lang === 'zh' ? `${name}${p.zh}` : `${name.replace(/^the /, 'The ')} ${p.en}`;
}

/** The setting's name in words, for the task pane. */
export function settingName(field: string, lang: Lang): string {
  return NAMES[field]?.[lang] ?? field;
}
