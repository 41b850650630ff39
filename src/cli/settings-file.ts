import { readFile } from 'node:fs/promises';
import { SettingsSchema, Settings } from '../core/settings';
import { settingsProblems } from '../core/settings-problems';
import { CliArgs, UsageError } from './args';

/** Settings from --config, overlaid with the command-line flags, validated by the one schema. */
export async function loadSettings(args: CliArgs): Promise<Settings> {
  let input: Record<string, unknown> = {};
  if (args.config) {
    let text: string;
    try {
      text = await readFile(args.config, 'utf8');
    } catch {
      throw new UsageError(`找不到设置文件 ${args.config}。`, `Cannot read the settings file ${args.config}.`);
    }
    try {
      input = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new UsageError(`设置文件 ${args.config} 不是有效的 JSON（${(e as Error).message}）。`, `The settings file ${args.config} is not valid JSON (${(e as Error).message}).`);
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new UsageError(`设置文件 ${args.config} 应是一个 JSON 对象 {…}。`, `The settings file ${args.config} must hold one JSON object {…}.`);
  }
  // --lang wins over the file only when it was typed: the default must not undo the file's "lang": "en".
  const merged: Record<string, unknown> = { ...input };
  if (args.langGiven !== undefined) merged.lang = args.langGiven;
  if (args.asOf !== undefined) merged.asOf = args.asOf;
  if (args.showIds) merged.showIds = true;
  if (args.cap !== undefined) {
    const cap = Number(args.cap);
    merged.capPerHousehold = Number.isFinite(cap) ? cap : args.cap;
  }
  if (args.window !== undefined) {
    const m = /^(\S+?)\.\.(\S+)$/.exec(args.window);
    if (!m) throw new UsageError(`--window 应写成 起..止，如 2017-01-09..2017-01-22，不能是 ${args.window}。`, `--window must read FROM..TO, e.g. 2017-01-09..2017-01-22, not ${args.window}.`);
    merged.window = { from: m[1], to: m[2] };
  }
  const r = SettingsSchema.safeParse(merged);
  if (!r.success) {
    // Name what the user typed: the flag when a flag set it, else the entry in their settings file.
    const flags: Record<string, [string, string | undefined]> = { asOf: ['--as-of', args.asOf], capPerHousehold: ['--cap', args.cap], window: ['--window', args.window] };
    const said = settingsProblems(r.error).map((p) => {
      const flag = flags[p.field];
      if (flag && flag[1] !== undefined) return { zh: `${flag[0]} ${flag[1]}：${p.zh}`, en: `${flag[0]} ${flag[1]}: ${p.en}` };
      return { zh: `设置文件 ${args.config ?? ''} 中的 ${p.path}：${p.zh}`, en: `${p.path} in the settings file ${args.config ?? ''}: ${p.en}` };
    });
    throw new UsageError(said.map((s) => s.zh).join('；') + '。', said.map((s) => s.en).join('; ') + '.');
  }
  return r.data;
}
