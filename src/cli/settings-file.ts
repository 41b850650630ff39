import { readFile } from 'node:fs/promises';
import { SettingsSchema, Settings } from '../core/settings';
import { CliArgs, UsageError } from './args';

/** Settings from --config, overlaid with the command-line flags, validated by the one schema. */
export async function loadSettings(args: CliArgs): Promise<Settings> {
  let input: Record<string, unknown> = {};
  if (args.config) {
    let text: string;
    try {
      text = await readFile(args.config, 'utf8');
    } catch {
      throw new UsageError(`找不到设置文件 / cannot read settings file: ${args.config}`);
    }
    try {
      input = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new UsageError(`设置文件不是有效的 JSON / settings file is not valid JSON: ${args.config}: ${(e as Error).message}`);
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new UsageError(`设置文件应是一个 JSON 对象 / settings must be a JSON object: ${args.config}`);
  }
  const merged: Record<string, unknown> = { ...input, lang: args.lang };
  if (args.asOf !== undefined) merged.asOf = args.asOf;
  if (args.showIds) merged.showIds = true;
  if (args.cap !== undefined) {
    const cap = Number(args.cap);
    merged.capPerHousehold = Number.isFinite(cap) ? cap : args.cap;
  }
  if (args.window !== undefined) {
    const m = /^(\S+?)\.\.(\S+)$/.exec(args.window);
    if (!m) throw new UsageError(`--window 应写成 2017-01-09..2017-01-22 / --window must read FROM..TO, not ${args.window}`);
    merged.window = { from: m[1], to: m[2] };
  }
  const r = SettingsSchema.safeParse(merged);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.') || '(settings)'}: ${i.message}`);
    throw new UsageError(`设置有误 / invalid settings:\n${lines.join('\n')}`);
  }
  return r.data;
}
