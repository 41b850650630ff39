import { Report } from '../core/report';
import { Settings } from '../core/settings';
import { OwnedRole } from '../core/summary/sheet';
import { CheckEngine, inThreadEngine } from './engine-runner';
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
  /** 取消: honoured until writing starts (after that the write finishes, so tabs are never half made). */
  signal?: AbortSignal;
  /** Where the engine runs: a Web Worker in the pane, this thread in tests and on old hosts. */
  engine?: CheckEngine;
}

/** The check was cancelled before anything was written. */
export class CheckCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CheckCancelled';
  }
}

export interface CheckWorkbookOutcome {
  report: Report;
  tabNames: Partial<Record<OwnedRole, string>>;
  syncs: { read: number; write: number };
}

/** Lets the task pane paint the new stage before a long synchronous step. */
const yieldToHost = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** 一键检查 on the open workbook: read, check, summarise, write the tabs. Never touches user cells. */
export async function checkWorkbook(context: Excel.RequestContext, o: CheckWorkbookOptions): Promise<CheckWorkbookOutcome> {
  const progress = (stage: Stage, fraction: number) => o.onProgress?.({ stage, fraction });
  const stopIfCancelled = () => {
    if (o.signal?.aborted) throw new CheckCancelled();
  };
  progress('read', 0);
  const read = await readWorkbook(context, { support: o.support, fileName: o.fileName, timeoutMs: o.timeoutMs, onProgress: (d, t) => progress('read', t ? d / t : 1) });
  stopIfCancelled();
  progress('check', 0);
  await yieldToHost();
  const engine = o.engine ?? inThreadEngine;
  const out = await engine(
    { workbook: read.workbook, settings: o.settings, today: o.today, fileName: o.fileName, runAt: o.runAt, version: o.version, withTabs: o.writeTabs !== false },
    (stage, fraction) => progress(stage, fraction),
    o.signal,
  );
  stopIfCancelled();
  progress('summarise', 1);
  const report: Report = out.report;
  let tabNames: CheckWorkbookOutcome['tabNames'] = {};
  let writeSyncs = 0;
  if (o.writeTabs !== false) {
    progress('write', 0);
    const written = await writeTabs(context, out.tabs, {
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
  return { report, tabNames, syncs: { read: read.syncs, write: writeSyncs } };
}
