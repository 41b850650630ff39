export type Lang = 'zh' | 'en';

/** One of two texts by language: the Chinese or the English. */
export function inLang(lang: Lang, zh: string, en: string): string {
  return lang === 'en' ? en : zh;
}
