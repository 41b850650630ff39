import { parseSettings, Settings, SettingsInput, SettingsSchema } from '../core/settings';
import { syncWithin } from './sync';

export const SETTINGS_KEY = 'LedgerCheck.settings';

export interface StoredSettings {
  settings: Settings;
  /** Set when the stored settings were unusable and the defaults were used instead. */
  warning: string | null;
}

/** Settings live in the workbook, so they travel with it; they are validated on every read. */
export async function loadSettings(context: Excel.RequestContext, timeoutMs?: number): Promise<StoredSettings> {
  const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY).load('value');
  await syncWithin(context, timeoutMs);
  if (item.isNullObject) return { settings: parseSettings({}), warning: null };
  let raw: unknown = item.value;
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw);
    } catch {
      raw = undefined;
    }
  }
  const r = SettingsSchema.safeParse(raw);
  if (r.success) return { settings: r.data, warning: null };
  const why = r.success ? '' : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('；');
  return {
    settings: parseSettings({}),
    warning: `工作簿中保存的检查设置无效，已改用默认设置（${why}）。/ The settings saved in this workbook are invalid; the defaults are used.`,
  };
}

export async function saveSettings(context: Excel.RequestContext, input: SettingsInput, timeoutMs?: number): Promise<Settings> {
  const settings = SettingsSchema.parse(input);
  context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(settings));
  await syncWithin(context, timeoutMs);
  return settings;
}
