import { Report } from '../core/report';
import { SheetDescription } from '../core/summary/sheet';
import { CheckCancelled } from '../excel/check-workbook';
import { CheckEngine, inThreadEngine } from '../excel/engine-runner';
import type { WorkerMessage } from './engine-worker';

/**
 * Runs the engine in a fresh Web Worker per check (terminated on 取消, so a cancelled check stops at
 * once). Where no worker can start (an old host, a blocked script), it runs on this thread.
 */
export function workerEngine(url: string): CheckEngine {
  return (job, onProgress, signal) => {
    let worker: Worker;
    try {
      worker = new Worker(url);
    } catch {
      return inThreadEngine(job, onProgress, signal);
    }
    return new Promise((resolve, reject) => {
      const finish = () => {
        signal?.removeEventListener('abort', cancel);
        worker.terminate();
      };
      const cancel = () => {
        finish();
        reject(new CheckCancelled());
      };
      if (signal?.aborted) return cancel();
      signal?.addEventListener('abort', cancel, { once: true });
      worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
        const m = e.data;
        if (m.type === 'progress') onProgress(m.stage, m.fraction);
        else if (m.type === 'done') {
          finish();
          resolve({ report: m.report as Report, tabs: m.tabs as SheetDescription[] });
        } else {
          finish();
          reject(new Error(m.message));
        }
      };
      worker.onerror = (e) => {
        // The worker script did not load or crashed: do the work here rather than fail the check.
        e.preventDefault();
        finish();
        inThreadEngine(job, onProgress, signal).then(resolve, reject);
      };
      worker.postMessage(job);
    });
  };
}

/** Next to the page, as the build writes it (versioned so an old cached copy is not used). */
export const ENGINE_WORKER_URL = `engine-worker.js?v=${typeof LEDGERCHECK_VERSION === 'string' ? LEDGERCHECK_VERSION : '0'}`;
