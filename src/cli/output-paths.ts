import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { UsageError } from './args';

/** What a path names once links are followed: its real path and, when it exists, its inode. */
export interface FileIdentity {
  /** What the user typed. */
  given: string;
  real: string;
  /** "dev:ino" of an existing file (hard links and bind mounts share it), else null. */
  inode: string | null;
}

export async function identify(path: string): Promise<FileIdentity> {
  const abs = resolve(path);
  let real = await realpath(abs).catch(() => null);
  if (real === null) {
    // A file still to be written: its folder's real path and its own name.
    const dir = await realpath(dirname(abs)).catch(() => dirname(abs));
    real = resolve(dir, basename(abs));
  }
  const st = await stat(real).catch(() => null);
  return { given: path, real, inode: st ? `${st.dev}:${st.ino}` : null };
}

export function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  return a.real === b.real || (a.inode !== null && a.inode === b.inode);
}

export interface OutputPlan {
  inputs: FileIdentity[];
  config: FileIdentity | null;
  out: FileIdentity | null;
  /** Null for no --json, and for `--json -` (standard output). */
  json: FileIdentity | null;
}

/**
 * Refuses every output that would replace an input workbook, the settings file or the other
 * output, whatever path, link or hard link names it: a check must never lose a byte.
 */
export async function planOutputs(inputs: string[], config: string | undefined, out: string | undefined, json: string | undefined): Promise<OutputPlan> {
  const plan: OutputPlan = {
    inputs: await Promise.all(inputs.map(identify)),
    config: config ? await identify(config) : null,
    out: out ? await identify(out) : null,
    json: json && json !== '-' ? await identify(json) : null,
  };
  const guard = (flag: string, o: FileIdentity | null) => {
    if (!o) return;
    const input = plan.inputs.find((i) => sameFile(i, o));
    const via = (target: FileIdentity) => (target.given === o.given ? '' : `（${o.given} 指向它）`);
    const viaEn = (target: FileIdentity) => (target.given === o.given ? '' : ` (${o.given} points to it)`);
    if (input) throw new UsageError(`${flag} 不能覆盖输入文件 ${input.given}${via(input)}，请另取一个文件名。`, `${flag} must not overwrite the input file ${input.given}${viaEn(input)}; choose another name.`);
    if (plan.config && sameFile(plan.config, o)) throw new UsageError(`${flag} 不能覆盖设置文件 ${plan.config.given}${via(plan.config)}，请另取一个文件名。`, `${flag} must not overwrite the settings file ${plan.config.given}${viaEn(plan.config)}; choose another name.`);
  };
  if (out === '-') throw new UsageError('--out 不能是 -：副本是二进制文件，请给出文件名（或 /dev/stdout）。', '--out cannot be -: name a file (or /dev/stdout).');
  guard('--out', plan.out);
  guard('--json', plan.json);
  if (plan.out && plan.json && sameFile(plan.out, plan.json)) {
    throw new UsageError(`--out 和 --json 指向同一个文件 ${plan.json.given}，请分别取名。`, `--out and --json name the same file ${plan.json.given}; give each its own name.`);
  }
  if (out && json === '-' && (out === '-' || out === '/dev/stdout')) {
    throw new UsageError('--out 和 --json 不能都写到标准输出。', '--out and --json cannot both go to standard output.');
  }
  return plan;
}

/** The extension Excel requires for a workbook whose main part has this content type. */
const EXTENSION_OF: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': '.xlsx',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml': '.xlsm',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml': '.xltx',
  'application/vnd.ms-excel.template.macroEnabled.main+xml': '.xltm',
};

export function extensionFor(mainContentType: string | null): string {
  return (mainContentType && EXTENSION_OF[mainContentType]) || '.xlsx';
}

/**
 * Excel refuses to open a macro-enabled workbook (or a template) under another extension, so a
 * copy must keep the kind's extension: the copy of an .xlsm is an .xlsm. Special files
 * (standard output, a pipe) have no name to check.
 */
export function checkCopyExtension(outPath: string, wanted: string, special: boolean): void {
  if (special) return;
  const ext = extname(outPath).toLowerCase();
  if (ext === wanted) return;
  const suggestion = `${outPath.slice(0, outPath.length - extname(outPath).length)}${wanted}`;
  if (wanted === '.xlsx') throw new UsageError(`--out 应以 .xlsx 结尾（副本是普通工作簿），例如 --out ${suggestion}。`, `--out must end in .xlsx (the copy is an ordinary workbook), e.g. --out ${suggestion}.`);
  throw new UsageError(
    `输入是 ${wanted} 工作簿（含宏或模板），副本须保持 ${wanted} 扩展名，否则 Excel 打不开：请用 --out ${suggestion}。`,
    `The input is an ${wanted} workbook (macros or a template): Excel refuses its copy under ${ext || 'no extension'}; use --out ${suggestion}.`,
  );
}
