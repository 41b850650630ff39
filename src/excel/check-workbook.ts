import { runCheck, CheckResult } from '../core/engine';
import { buildReport, Report } from '../core/report';
import { redactReport, redactTabs } from '../core/redact';
import { Settings } from '../core/settings';
import { previousLogRows, summaryTabs } from '../core/summary/tabs';
import { OwnedRole } from '../core/summary/sheet';
import { readWorkbook } from './read';
import { ApiSupport } from './support';
import { writeTabs } from './write';

export type Stage = 'read' | 'check' | 'summarise' | 'write' | 'done';

export interface Progress {
  stage: Stage;
  /** 0..1 within the stage. */
  fraction: number;
}

export interface CheckWorkbookOptions {
  settings: Settings;
  support: ApiSupport;
  fileName: string;
  /** YYYY-MM-DD and a time text, from the host's clock. */
  today: string;
  runAt: string;
  version: string;
  activate?: OwnedRole;
  writeTabs?: boolean;
  timeoutMs?: number;
  onProgress?: (p: Progress) => void;
}

export interface CheckWorkbookOutcome {
  report: Report;
  result: CheckResult;
  tabNames: Partial<Record<OwnedRole, string>>;
  syncs: { read: number; write: number };
}

/** Lets the task pane paint the new stage before a long synchronous step. */
const yieldToHost = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** 一键检查 on the open workbook: read, check, summarise, write the tabs. Never touches user cells. */
export async function checkWorkbook(context: Excel.RequestContext, o: CheckWorkbookOptions): Promise<CheckWorkbookOutcome> {
  const progress = (stage: Stage, fraction: number) => o.onProgress?.({ stage, fraction });
  progress('read', 0);
  const read = await readWorkbook(context, { support: o.support, fileName: o.fileName, timeoutMs: o.timeoutMs, onProgress: (d, t) => progress('read', t ? d / t : 1) });
  progress('check', 0);
  await yieldToHost();
  const result = runCheck([read.workbook], o.settings, { today: o.today, onProgress: (p) => progress('check', p.rowsTotal ? p.rowsDone / p.rowsTotal : 1) });
  progress('summarise', 0);
  await yieldToHost();
  const report = redactReport(buildReport(result, o.settings.lang, o.version), o.settings.showIds);
  let tabNames: CheckWorkbookOutcome['tabNames'] = {};
  let writeSyncs = 0;
  if (o.writeTabs !== false) {
    const previousLog = previousLogRows(read.workbook.sheets[read.sheets.findIndex((s) => s.owned === 'log')]);
    const tabs = redactTabs(summaryTabs({ result, lang: o.settings.lang, linkFile: o.fileName, runAt: o.runAt, toolVersion: o.version, previousLog }), o.settings.showIds);
    progress('write', 0);
    const written = await writeTabs(context, tabs, {
      support: o.support,
      sheets: read.sheets,
      stamp: Date.now().toString(36),
      activate: o.activate,
      timeoutMs: o.timeoutMs,
      onProgress: (d, t) => progress('write', t ? d / t : 1),
    });
    tabNames = written.names;
    writeSyncs = written.syncs;
  }
  progress('done', 1);
  return { report, result, tabNames, syncs: { read: read.syncs, write: writeSyncs } };
}
