import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The clock the in-process command reads (a written copy's 检查时间). */
export const IN_PROCESS_NOW = new Date(Date.UTC(2017, 6, 15, 2));

/** Runs the command in-process with a fixed calendar. */
export async function cli(...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => (stdout += s + '\n'),
    stderr: (s) => (stderr += s + '\n'),
    today: () => '2017-07-15',
    now: () => new Date(IN_PROCESS_NOW),
  });
  return { code, stdout, stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ledgercheck-'));
}
