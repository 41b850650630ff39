// The engine in a Web Worker: the pane's thread stays free to repaint the progress bar and to
// take a click on 取消 while 100,000 rows are checked. Built as its own entry (engine-worker.js).
import { EngineJob, runEngineJob } from '../excel/engine-runner';

export type WorkerMessage = { type: 'progress'; stage: 'check' | 'summarise'; fraction: number } | { type: 'done'; report: unknown; tabs: unknown } | { type: 'error'; message: string };

const scope = self as unknown as { onmessage: ((e: MessageEvent<EngineJob>) => void) | null; postMessage(m: WorkerMessage): void };

scope.onmessage = (e) => {
  try {
    let last = 0;
    const out = runEngineJob(e.data, (stage, fraction) => {
      // A progress message every 50 ms is enough for the bar; more would only cost time.
      const now = Date.now();
      if (now - last < 50 && fraction < 1) return;
      last = now;
      scope.postMessage({ type: 'progress', stage, fraction });
    });
    scope.postMessage({ type: 'done', report: out.report, tabs: out.tabs });
  } catch (err) {
    scope.postMessage({ type: 'error', message: (err as Error).message ?? String(err) });
  }
};
