import { compact } from './text';

/**
 * Endings of organisation names. A 责任人 cell holding one of these names a unit, not the
 * person who answers for the task (谁丢分、谁负责 needs a person).
 */
const UNIT_ENDINGS = [
  '科', '室', '局', '委', '办', '院', '所', '中心', '站', '队', '组', '部', '处', '会', '厅', '社',
  '公司', '街道', '乡', '镇', '政府', '委员会', '医院', '卫生院', '大队', '支队', '单位', '科室', '各县市区',
];

/**
 * Common surnames that rarely begin a unit's name (文明办, 卫生科, 林业站, 史志办, 常委会 are
 * why 文, 卫, 林, 史, 常 are not here).
 */
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范廖贾夏韦付邹孟熊秦邱尹薛闫段雷侯陶黎贺顾毛郝龚邵钱严武戴孔汤施牛樊葛邢乔庞颜聂岳耿焦俞柳舒柯梅童霍苗盛翁骆靳柴鲍喻滕艾穆';
/** Unit endings that are also common last characters of given names. */
const GIVEN_NAME_ENDINGS = '科会镇社乡院部';

/** A cell that names units ("办公室", "疾控中心", "各科室") rather than people. */
export function looksLikeUnit(text: string): boolean {
  const s = compact(text).replace(/[（(][^）)]*[)）]/g, '');
  if (s === '') return false;
  if (/^各/.test(s)) return true;
  // 刘文科, 张艳会, 李国镇, 孙建社: a common surname and a given name that happens to end so.
  if (s.length === 3 && SURNAMES.includes(s[0]) && GIVEN_NAME_ENDINGS.includes(s[2])) return false;
  return UNIT_ENDINGS.some((e) => s.endsWith(e));
}
