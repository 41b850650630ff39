import { createInflateRaw, crc32 } from 'node:zlib';
import { Inflater } from '../xlsx/zip';

/**
 * node:zlib for the command line: native inflate and CRC-32, several times faster than fflate
 * (which the browser build keeps). Output arrives in 1 MiB pieces; a throwing sink stops it.
 */
export const nodeInflater: Inflater = {
  inflate(compressed, sink) {
    return new Promise<void>((resolve, reject) => {
      const z = createInflateRaw({ chunkSize: 1 << 20 });
      let failed = false;
      z.on('data', (chunk: Buffer) => {
        if (failed) return;
        try {
          sink(chunk);
        } catch (e) {
          failed = true;
          z.destroy();
          reject(e);
        }
      });
      z.on('error', (e) => {
        if (!failed) reject(e);
        failed = true;
      });
      z.on('end', () => failed || resolve());
      z.end(compressed);
    });
  },
  crc32: (chunk, previous) => crc32(chunk, previous),
};
