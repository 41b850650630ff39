import { compact } from './text';

/**
 * Endings of organisation names. A 责任人 cell holding one of these names a unit, not the
 * person who answers for the task (谁丢分、谁负责 needs a person).
 */
const UNIT_ENDINGS = [
  '科', '室', '局', '委', '办', '院', '所', '中心', '站', '队', '组', '部', '处', '会', '厅', '社',
  '公司', '街道', '乡', '镇', '政府', '委员会', '医院', '卫生院', '大队', '支队', '单位', '科室', '各县市区',
];

/** A cell that names units ("办公室", "疾控中心", "各科室") rather than people. */
export function looksLikeUnit(text: string): boolean {
  const s = compact(text).replace(/[（(][^）)]*[)）]/g, '');
  if (s === '') return false;
  if (/^各/.test(s)) return true;
  return UNIT_ENDINGS.some((e) => s.endsWith(e));
}
