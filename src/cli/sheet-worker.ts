// The command line's second thread (lib/sheet-worker.js): reads each book's sheets, in order,
// while the main thread checks the sheet before. Rows go back in blocks; shared strings stay
// their index (the main thread reads the table itself). Protocol: sheet-thread.ts.
import { parentPort } from 'node:worker_threads';
import { CellValue } from '../core/workbook';
import { XlsxError } from '../xlsx/errors';
import { readSheet } from '../xlsx/read';
import { OutOfOrder } from '../xlsx/sheet-scan';
import { openZip } from '../xlsx/zip';
import { nodeInflater } from './node-inflate';
import type { SheetJob, SheetMessage } from './sheet-thread';

const port = parentPort!;
const post = (m: SheetMessage, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer);

async function readBook(job: SheetJob): Promise<void> {
  const { book } = job;
  const zip = openZip(job.data, nodeInflater);
  zip.budget.used = job.budgetUsed;
  const cells = { left: job.cellsLeft };
  let i = job.from;
  const dateStyles = new Set(job.dateStyles);
  try {
    for (; i < job.sheets.length; i++) {
      const budgetUsed = zip.budget.used;
      const cellsLeft = cells.left;
      const entry = job.sheets[i];
      const blocks = {
        block(from: number, rows: CellValue[][], shared: Int32Array) {
          post({ type: 'rows', book, sheet: i, from, rows, shared }, [shared.buffer as ArrayBuffer]);
        },
      };
      try {
        const sheet = await readSheet(zip, entry, job.shared ? null : [], dateStyles, job.date1904, cells, blocks);
        post({ type: 'sheet', book, sheet: i, merges: sheet.merges ?? [], budgetUsed: zip.budget.used });
      } catch (e) {
        if (!(e instanceof OutOfOrder)) throw e;
        // The main thread reads this sheet and the rest of the book, from where this one began.
        post({ type: 'in-thread', book, sheet: i, budgetUsed, cellsLeft });
        return;
      }
    }
  } catch (e) {
    if (e instanceof XlsxError) post({ type: 'failed', book, sheet: i, problem: e.problem, message: e.message });
    else post({ type: 'crashed', book, sheet: i, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
}

// One book after another, in the order they came: the main thread checks them in that order.
let queue = Promise.resolve();
port.on('message', (job: SheetJob) => {
  queue = queue.then(() => readBook(job));
});
