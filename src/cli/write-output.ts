import { closeSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { lstat, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { UsageError } from './args';

/** Hidden partial files being written now: removed if the process is interrupted. */
const partials = new Set<string>();
let handlersInstalled = false;

function cleanPartials(): void {
  for (const p of partials) {
    try {
      unlinkSync(p);
    } catch {
      // already gone
    }
  }
  partials.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  cleanPartials();
  // Die of the same signal, as a shell expects (exit status 128 + n).
  process.removeListener(signal, onSignal);
  process.kill(process.pid, signal);
}

function track(tmp: string): void {
  if (!handlersInstalled) {
    handlersInstalled = true;
    for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, onSignal);
    process.on('exit', cleanPartials);
  }
  partials.add(tmp);
}

function untrack(tmp: string): void {
  partials.delete(tmp);
  if (partials.size === 0 && handlersInstalled) {
    handlersInstalled = false;
    for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeListener(s, onSignal);
    process.removeListener('exit', cleanPartials);
  }
}

/** True for a path that is written through rather than replaced: a pipe, a terminal, /dev/null, /dev/stdout. */
export async function isSpecialFile(path: string): Promise<boolean> {
  if (path === '-') return true;
  const st = await stat(path).catch(() => null);
  return !!st && (st.isFIFO() || st.isCharacterDevice() || st.isSocket());
}

const WHY: Record<string, [string, string]> = {
  ENOENT: ['所在的文件夹不存在', 'its folder does not exist'],
  ENOTDIR: ['所在的文件夹不存在', 'its folder does not exist'],
  EACCES: ['没有写入权限', 'permission denied'],
  EPERM: ['没有写入权限', 'permission denied'],
  EBUSY: ['文件正被其他程序（如 Excel）打开', 'the file is open in another program (Excel?)'],
  EISDIR: ['这是一个文件夹', 'it is a folder'],
  ENOSPC: ['磁盘已满', 'the disk is full'],
  EROFS: ['磁盘是只读的', 'the disk is read-only'],
  DEVICE: ['这是一个设备或特殊文件，不会替换它', 'it is a device or special file, which is never replaced'],
};

/** Names the file the user asked for, never our temporary one. */
function cannotWrite(path: string, code: string): UsageError {
  const [zh, en] = WHY[code] ?? ['写入失败', `it could not be written (${code || 'unknown error'})`];
  return new UsageError(`无法写出 ${path}：${zh}。`, `Cannot write ${path}: ${en}.`);
}

/**
 * Writes an output. `-` is standard output. A pipe or a character device (/dev/stdout, a FIFO)
 * is written through, never renamed over; a device node or folder is never replaced. A regular
 * file is written beside its real target (links are followed, so a link stays a link) under a
 * hidden name and renamed, so a failure or Ctrl+C never leaves half a file.
 */
export async function writeOutput(path: string, bytes: Uint8Array, stdout: (b: Uint8Array) => Promise<void>): Promise<void> {
  if (path === '-') return stdout(bytes);
  const abs = resolve(path);
  const st = await stat(abs).catch(() => null);
  if (st && (st.isFIFO() || st.isCharacterDevice())) {
    try {
      const fd = openSync(abs, 'w');
      try {
        for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off);
      } finally {
        closeSync(fd);
      }
    } catch (e) {
      throw cannotWrite(path, (e as NodeJS.ErrnoException).code ?? '');
    }
    return;
  }
  if (st && st.isDirectory()) throw cannotWrite(path, 'EISDIR');
  if (st && !st.isFile()) throw cannotWrite(path, 'DEVICE');
  const lst = await lstat(abs).catch(() => null);
  // Through a link: write the file it points to, so the link itself is kept.
  const target = lst?.isSymbolicLink() ? await realpath(abs) : abs;
  const tmp = resolve(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  track(tmp);
  try {
    await writeFile(tmp, bytes, { mode: st ? st.mode & 0o777 : 0o644 });
    await rename(tmp, target);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw cannotWrite(path, (e as NodeJS.ErrnoException).code ?? '');
  } finally {
    untrack(tmp);
  }
}
