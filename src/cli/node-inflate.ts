import { createInflateRaw, crc32 } from 'node:zlib';
import { Inflater } from '../xlsx/zip';

/** Inflated pieces waiting for the sink; past this the inflater is paused (memory stays bounded). */
const QUEUE_HIGH = 4;

/**
 * node:zlib for the command line: native inflate and CRC-32, several times faster than fflate
 * (which the browser build keeps). Output arrives in 1 MiB pieces. The sink runs in its own turn
 * of the event loop, not inside zlib's callback, so zlib inflates the next piece on its thread
 * while the sink reads this one (two cores, both busy). A throwing sink stops it.
 */
export const nodeInflater: Inflater = {
  inflate(compressed, sink) {
    return new Promise<void>((resolve, reject) => {
      const z = createInflateRaw({ chunkSize: 1 << 20 });
      const queue: Buffer[] = [];
      let failed = false;
      let ended = false;
      let scheduled = false;
      const drain = () => {
        scheduled = false;
        while (!failed && queue.length > 0) {
          const chunk = queue.shift()!;
          try {
            sink(chunk);
          } catch (e) {
            failed = true;
            z.destroy();
            reject(e);
            return;
          }
          if (z.isPaused() && queue.length < QUEUE_HIGH) z.resume();
        }
        if (ended && !failed) resolve();
      };
      const schedule = () => {
        if (!scheduled) {
          scheduled = true;
          setImmediate(drain);
        }
      };
      z.on('data', (chunk: Buffer) => {
        if (failed) return;
        queue.push(chunk);
        if (queue.length >= QUEUE_HIGH) z.pause();
        schedule();
      });
      z.on('error', (e) => {
        if (!failed) reject(e);
        failed = true;
      });
      z.on('end', () => {
        ended = true;
        schedule();
      });
      z.end(compressed);
    });
  },
  crc32: (chunk, previous) => crc32(chunk, previous),
};
