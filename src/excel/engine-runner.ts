import { runCheck, CheckResult } from '../core/engine';
import { buildReport, Report } from '../core/report';
import { redactReport, redactTabs } from '../core/redact';
import { Settings } from '../core/settings';
import { OutCell, SheetDescription } from '../core/summary/sheet';
import { summaryTabs } from '../core/summary/tabs';
import { WorkbookInput } from '../core/workbook';

/** What the engine needs: plain data, so it can be posted to a Web Worker. */
export interface EngineJob {
  workbook: WorkbookInput;
  settings: Settings;
  today: string;
  fileName: string;
  runAt: string;
  version: string;
  previousLog: OutCell[][];
  withTabs: boolean;
}

/** What comes back: the report and the tabs to write (plain data too). */
export interface EngineOutput {
  report: Report;
  tabs: SheetDescription[];
  /** Only from the in-thread engine (tests look at it); a worker sends the report alone. */
  result?: CheckResult;
}

export type EngineProgress = (stage: 'check' | 'summarise', fraction: number) => void;

/** Runs the check somewhere: here, or in a Web Worker (src/taskpane/engine-worker.ts). */
export type CheckEngine = (job: EngineJob, onProgress: EngineProgress, signal?: AbortSignal) => Promise<EngineOutput>;

/** The engine itself, shared by this thread and the worker. */
export function runEngineJob(job: EngineJob, onProgress: EngineProgress): EngineOutput {
  const result = runCheck([job.workbook], job.settings, { today: job.today, onProgress: (p) => onProgress('check', p.rowsTotal ? p.rowsDone / p.rowsTotal : 1) });
  onProgress('summarise', 0);
  const report = redactReport(buildReport(result, job.settings.lang, job.version), job.settings.showIds);
  const tabs = job.withTabs ? redactTabs(summaryTabs({ result, lang: job.settings.lang, linkFile: job.fileName, runAt: job.runAt, toolVersion: job.version, previousLog: job.previousLog }), job.settings.showIds) : [];
  return { report, tabs, result };
}

/** On this thread: the page cannot repaint while it runs, but tests and old hosts need no worker. */
export const inThreadEngine: CheckEngine = async (job, onProgress) => runEngineJob(job, onProgress);
