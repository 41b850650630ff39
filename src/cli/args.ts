import { parseArgs } from 'node:util';

export interface CliArgs {
  command: 'check' | 'help' | 'version';
  files: string[];
  out?: string;
  json?: string;
  asOf?: string;
  window?: string;
  cap?: string;
  config?: string;
  lang: 'zh' | 'en';
  showIds: boolean;
  all: boolean;
  quiet: boolean;
}

export class UsageError extends Error {}

export const USAGE = `用法 / usage:
  ledgercheck check <file.xlsx>... [--out <copy.xlsx>] [--json <report.json>]
                    [--as-of YYYY-MM-DD] [--window YYYY-MM-DD..YYYY-MM-DD] [--cap <元>]
                    [--config <settings.json>] [--lang zh|en] [--show-ids] [--all] [--quiet]

  --out       写出一份加了汇总表的副本（不会改动原文件）/ write a copy with the summary tabs
  --json      写出 JSON 报告 / write the JSON report
  --as-of     判断逾期的日期，默认今天 / the date deadlines are judged against (default today)
  --window    走访活动时间窗口 / campaign window for visit dates
  --cap       每户金额上限（元）/ per-household cap in yuan
  --config    设置文件（JSON）/ settings file
  --lang      输出语言 / output language (zh, en)
  --all       列出全部问题（默认最多 200 条）/ list every finding (default at most 200)

退出码 / exit: 0 可以提交 ready, 1 有错误 errors found, 2 无法使用的输入 unusable input`;

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        json: { type: 'string' },
        'as-of': { type: 'string' },
        window: { type: 'string' },
        cap: { type: 'string' },
        config: { type: 'string', short: 'c' },
        lang: { type: 'string' },
        'show-ids': { type: 'boolean', default: false },
        all: { type: 'boolean', default: false },
        quiet: { type: 'boolean', short: 'q', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values: v, positionals } = parsed;
  const lang = v.lang ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang 只能是 zh 或 en / --lang must be zh or en, not ${lang}`);
  const base = { lang, showIds: v['show-ids']!, all: v.all!, quiet: v.quiet! } as const;
  if (v.version) return { command: 'version', files: [], ...base };
  if (v.help || positionals.length === 0 || positionals[0] === 'help') return { command: 'help', files: [], ...base };
  const [command, ...files] = positionals;
  if (command !== 'check') throw new UsageError(`未知命令 / unknown command: ${command}`);
  if (files.length === 0) throw new UsageError('请给出要检查的 .xlsx 文件 / name at least one .xlsx file');
  return { command, files, out: v.out, json: v.json, asOf: v['as-of'], window: v.window, cap: v.cap, config: v.config, ...base };
}
