import { localDate, localDateTime } from '../core/clock';
import { Report } from '../core/report';
import { Settings, SettingsInput } from '../core/settings';
import { OwnedRole } from '../core/summary/sheet';
import { checkWorkbook, Progress } from './check-workbook';
import { CheckEngine } from './engine-runner';
import { selectCell } from './navigate';
import { loadSettings, saveSettings, StoredSettings } from './settings-store';
import { ApiSupport } from './support';

/** Runs a function against Excel: Excel.run in the add-in, the in-memory Excel in tests and the playground. */
export type ExcelRunner = <T>(fn: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface CheckView {
  report: Report;
  tabNames: Partial<Record<OwnedRole, string>>;
  syncs: { read: number; write: number };
}

/** All the task pane may ask of the host. Components receive this; none calls Office.js. */
export interface LedgerApi {
  /** `activate` shows one of the written tabs when done (the ribbon command shows 检查结果). */
  check(settings: Settings, onProgress: (p: Progress) => void, activate?: OwnedRole, signal?: AbortSignal): Promise<CheckView>;
  select(sheet: string, cell: string): Promise<void>;
  loadSettings(): Promise<StoredSettings>;
  saveSettings(input: SettingsInput): Promise<Settings>;
}

export interface HostEnv {
  support: ApiSupport;
  fileName: () => string;
  version: string;
  now?: () => Date;
  /** Where the engine runs (a Web Worker in the pane); this thread when absent. */
  engine?: CheckEngine;
}

export function createLedgerApi(run: ExcelRunner, env: HostEnv): LedgerApi {
  const now = env.now ?? (() => new Date());
  return {
    async check(settings, onProgress, activate, signal) {
      const t = now();
      const o = await run((ctx) =>
        checkWorkbook(ctx, { settings, support: env.support, fileName: env.fileName(), today: localDate(t), runAt: localDateTime(t), version: env.version, onProgress, activate, signal, engine: env.engine }),
      );
      return { report: o.report, tabNames: o.tabNames, syncs: o.syncs };
    },
    select: (sheet, cell) => run((ctx) => selectCell(ctx, sheet, cell)),
    loadSettings: () => run((ctx) => loadSettings(ctx)),
    saveSettings: (input) => run((ctx) => saveSettings(ctx, input)),
  };
}
