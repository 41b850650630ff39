import { CheckProgress, CheckResult, KindsRun, runKinds, startKinds } from './engine';
import { KINDS, Kinds } from './kinds/registry';
import { redactReport, redactTabs } from './redact';
import { buildReport, Report } from './report';
import { Settings } from './settings';
import { OutCell, SheetDescription } from './summary/sheet';
import { previousLogRows, summaryTabs } from './summary/tabs';
import { WorkbookInput } from './workbook';

/** A run over every registered kind: the base result and each kind's summary under its id. */
export type LedgerResult = CheckResult<Kinds>;

export interface RunOptions {
  /** Today's date (YYYY-MM-DD), used when the settings give no as-of date. */
  today: string;
  onProgress?: (p: CheckProgress) => void;
}

/** The check over every registered kind (src/core/kinds/registry.ts). */
export function runCheck(books: WorkbookInput[], settings: Settings, options: RunOptions): LedgerResult {
  return runKinds(KINDS, books, settings, options);
}

/** The same check fed sheet by sheet (engine.ts `startKinds`); end it with `pipelineOutput`. */
export function startCheck(settings: Settings, options: RunOptions): KindsRun<Kinds> {
  return startKinds(KINDS, settings, options);
}

export interface PipelineOptions extends RunOptions {
  version: string;
  /** Tabs to describe, or none (a check without writing). */
  tabs?: {
    /** The file whose sheets live in the workbook being written: findings there get links. */
    linkFile: string | null;
    /** A consolidation: other checked files by name → their path from the workbook written. */
    linkTargets?: Record<string, string>;
    /** When the run happened (local time text), for titles and the log. */
    runAt: string;
    /**
     * Rows of an earlier 检查记录 to keep above this run's: given, or (absent) read from the
     * 检查记录 tab the single book carries (its sheet's `owned` role says which).
     */
    previousLog?: OutCell[][];
  };
}

export interface PipelineOutput {
  result: LedgerResult;
  /** The JSON report, ID numbers masked unless the settings show them. */
  report: Report;
  /** The summary tabs to write, masked likewise; empty when no tabs were asked for. */
  tabs: SheetDescription[];
}

/**
 * One pipeline for every host: read books → findings and summaries → the report and the tab
 * descriptions, in the settings' language, redacted. The command line and the Office host
 * differ only in how they read books and write tabs.
 */
export function runPipeline(books: WorkbookInput[], settings: Settings, options: PipelineOptions): PipelineOutput {
  return pipelineOutput(runCheck(books, settings, options), books, settings, options);
}

/** The report and the tabs of a finished check over `books` (the books as read, for the 检查记录 kept). */
export function pipelineOutput(result: LedgerResult, books: WorkbookInput[], settings: Settings, options: PipelineOptions): PipelineOutput {
  const report = redactReport(buildReport(result, settings.lang, options.version), settings.showIds);
  const t = options.tabs;
  if (!t) return { result, report, tabs: [] };
  const previousLog = t.previousLog ?? (books.length === 1 ? previousLogRows(books[0].sheets.find((s) => s.owned === 'log')) : undefined);
  const tabs = redactTabs(
    summaryTabs({ result, lang: settings.lang, linkFile: t.linkFile, linkTargets: t.linkTargets, runAt: t.runAt, toolVersion: options.version, previousLog }),
    settings.showIds,
  );
  return { result, report, tabs };
}
