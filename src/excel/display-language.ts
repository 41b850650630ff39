import type { Lang } from '../core/messages';

/**
 * Office's display language → ours: English when Office speaks English, Chinese otherwise.
 * Here, beside the host, so the ribbon command and the task pane both take it without the
 * ribbon reaching into the pane.
 */
export function langFromOffice(displayLanguage: string | undefined): Lang {
  return displayLanguage && /^en/i.test(displayLanguage) ? 'en' : 'zh';
}
