import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { UsageError } from './args';

/**
 * An input .xlsx is read whole, but only if it is a regular file of at most this size: a
 * workbook at Excel's limits (10 tabs of 1,048,576 rows) is under 1 GB zipped, while /dev/zero,
 * a FIFO nobody writes to, or a runaway file would otherwise be read forever.
 */
export const MAX_INPUT_BYTES = 1024 * 1024 * 1024;

export async function readInput(path: string): Promise<Buffer> {
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    throw new UsageError(`找不到文件或无法读取：${path}`, `Cannot read the file ${path}.`);
  }
  try {
    const st = await handle.stat();
    if (st.isDirectory()) throw new UsageError(`这是一个文件夹，不是 .xlsx 文件：${path}`, `${path} is a folder, not an .xlsx file.`);
    if (!st.isFile()) throw new UsageError(`这不是普通文件（设备、管道或套接字），请给出 .xlsx 文件：${path}`, `${path} is not a regular file (a device, pipe or socket): name an .xlsx file.`);
    if (st.size > MAX_INPUT_BYTES) throw new UsageError(`文件超过 1 GB，不像是台账：${path}`, `${path} is over 1 GB: not a ledger.`);
    // Shared memory: a second thread reads the sheets from these bytes without a copy (sheet-thread.ts).
    const bytes = Buffer.from(new SharedArrayBuffer(st.size));
    let at = 0;
    // Read what stat said and no more, even if the file grows meanwhile.
    while (at < bytes.length) {
      const { bytesRead } = await handle.read(bytes, at, bytes.length - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === bytes.length ? bytes : bytes.subarray(0, at);
  } finally {
    await handle.close();
  }
}
