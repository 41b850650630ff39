import { LedgerResult, runPipeline } from '../core/pipeline';
import { Report } from '../core/report';
import { Settings } from '../core/settings';
import { OutCell, SheetDescription } from '../core/summary/sheet';
import { WorkbookInput } from '../core/workbook';

/** What the engine needs: plain data, so it can be posted to a Web Worker. */
export interface EngineJob {
  workbook: WorkbookInput;
  settings: Settings;
  today: string;
  fileName: string;
  runAt: string;
  version: string;
  /** Rows of an earlier 检查记录; absent, the pipeline reads the workbook's own (its sheet carries the role). */
  previousLog?: OutCell[][];
  withTabs: boolean;
}

/** What comes back: the report and the tabs to write (plain data too). */
export interface EngineOutput {
  report: Report;
  tabs: SheetDescription[];
  /** Only from the in-thread engine (tests look at it); a worker sends the report alone. */
  result?: LedgerResult;
}

export type EngineProgress = (stage: 'check' | 'summarise', fraction: number) => void;

/** Runs the check somewhere: here, or in a Web Worker (src/taskpane/engine-worker.ts). */
export type CheckEngine = (job: EngineJob, onProgress: EngineProgress, signal?: AbortSignal) => Promise<EngineOutput>;

/** The engine itself, shared by this thread and the worker. */
export function runEngineJob(job: EngineJob, onProgress: EngineProgress): EngineOutput {
  const { result, report, tabs } = runPipeline([job.workbook], job.settings, {
    today: job.today,
    onProgress: (p) => onProgress('check', p.rowsTotal ? p.rowsDone / p.rowsTotal : 1),
    version: job.version,
    tabs: job.withTabs ? { linkFile: job.fileName, runAt: job.runAt } : undefined,
  });
  onProgress('summarise', 0);
  return { report, tabs, result };
}

/** On this thread: the page cannot repaint while it runs, but tests and old hosts need no worker. */
export const inThreadEngine: CheckEngine = async (job, onProgress) => runEngineJob(job, onProgress);
