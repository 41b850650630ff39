import { createInflateRaw, crc32, InflateRaw } from 'node:zlib';
import { Inflater } from '../xlsx/zip';

/** Inflated pieces waiting for the sink; past this the inflater is paused (memory stays bounded). */
const QUEUE_HIGH = 4;
/**
 * Pieces inflated ahead of a reading (Inflater.ahead): a whole 10,000-row sheet (~4.5 MiB) is
 * ready when its reading starts, and memory stays bounded whatever the part.
 */
const AHEAD_HIGH = 8;

/**
 * One entry's inflating on zlib's thread, its pieces queued until a sink takes them. Made when
 * the entry is asked for, or earlier (ahead) and then taken by `inflate`.
 */
class InflateRun {
  private readonly z: InflateRaw;
  private readonly queue: Buffer[] = [];
  private ended = false;
  private failed = false;
  private error: Error | null = null;
  private scheduled = false;
  private sink: ((chunk: Uint8Array) => void) | null = null;
  private resolve: () => void = () => {};
  private reject: (e: unknown) => void = () => {};

  constructor(
    readonly compressed: Uint8Array,
    private readonly high: number,
  ) {
    this.z = createInflateRaw({ chunkSize: 1 << 20 });
    this.z.on('data', (chunk: Buffer) => {
      if (this.failed) return;
      this.queue.push(chunk);
      if (this.queue.length >= this.high) this.z.pause();
      this.schedule();
    });
    this.z.on('error', (e) => {
      if (this.failed) return;
      this.failed = true;
      if (this.sink) this.reject(e);
      else this.error = e; // said when the entry is read
    });
    this.z.on('end', () => {
      this.ended = true;
      this.schedule();
    });
    this.z.end(compressed);
  }

  /** Hands the pieces to `sink`, each in its own turn of the event loop (not inside zlib's callback). */
  pipe(sink: (chunk: Uint8Array) => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
      this.sink = sink;
      if (this.error) reject(this.error);
      else this.schedule();
    });
  }

  stop(): void {
    this.failed = true;
    this.z.destroy();
  }

  private schedule(): void {
    if (!this.scheduled && this.sink) {
      this.scheduled = true;
      setImmediate(this.drain);
    }
  }

  private readonly drain = (): void => {
    this.scheduled = false;
    while (!this.failed && this.queue.length > 0) {
      const chunk = this.queue.shift()!;
      try {
        this.sink!(chunk);
      } catch (e) {
        this.stop();
        this.reject(e);
        return;
      }
      if (this.z.isPaused() && this.queue.length < this.high) this.z.resume();
    }
    if (this.ended && !this.failed) this.resolve();
  };
}

/** Runs started ahead, not yet asked for (the next sheet's; a few at most). */
const started: InflateRun[] = [];
const MAX_AHEAD = 2;

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.buffer === b.buffer && a.byteOffset === b.byteOffset && a.length === b.length;

/**
 * node:zlib for the command line: native inflate and CRC-32, several times faster than fflate
 * (which the browser build keeps). Output arrives in 1 MiB pieces. zlib inflates on its own
 * thread while this one reads the pieces, and, asked to (`ahead`), inflates the next sheet while
 * this thread checks the one before: each sheet's reading waited for zlib ~2–5 ms otherwise.
 */
export const nodeInflater: Inflater = {
  inflate(compressed, sink) {
    const i = started.findIndex((r) => sameBytes(r.compressed, compressed));
    const run = i < 0 ? new InflateRun(compressed, QUEUE_HIGH) : started.splice(i, 1)[0];
    return run.pipe(sink);
  },
  ahead(compressed) {
    if (started.some((r) => sameBytes(r.compressed, compressed))) return;
    if (started.length >= MAX_AHEAD) started.shift()!.stop();
    started.push(new InflateRun(compressed, AHEAD_HIGH));
  },
  crc32: (chunk, previous) => crc32(chunk, previous),
};

/** Stops what was started ahead and never read (a run that failed first). */
export function stopInflatingAhead(): void {
  for (const r of started.splice(0)) r.stop();
}
