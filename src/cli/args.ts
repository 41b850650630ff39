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
  /** The language of usage errors and help: --lang, else Chinese. */
  lang: 'zh' | 'en';
  /** --lang as given; absent, the settings file's `lang` (else Chinese) speaks for the check. */
  langGiven?: 'zh' | 'en';
  showIds: boolean;
  all: boolean;
  quiet: boolean;
}

/** A problem with what the user typed: one line, said in their language. */
export class UsageError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string = zh,
  ) {
    super(zh);
  }
  say(lang: 'zh' | 'en'): string {
    return lang === 'en' ? this.en : this.zh;
  }
}

const OPTIONS = {
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
} as const;

export const USAGE = {
  zh: `用法：
  ledgercheck check <文件.xlsx>... [选项]

检查目标任务分解表和帮扶救助台账，列出每个有问题的单元格和改法。给出几个文件时合并汇总。

选项：
  -o, --out <副本.xlsx>     另存一份加了汇总表（检查结果、责任汇总、帮扶汇总…）的副本；
                            原文件不会被改动，也不能用原文件名
  --json <报告.json>        写出 JSON 报告，供其他程序读取
  --as-of <YYYY-MM-DD>      判断任务是否逾期的日期，默认今天
  --window <起..止>         走访活动的时间，如 2017-01-09..2017-01-22，不在其中的走访日期会提示
  --cap <元>                每户金额上限，超过的会提示（默认 5000）
  -c, --config <设置.json>  设置文件（等次分数线、列映射、栏间公式等，见 README）；命令行选项优先
  --lang <zh|en>            输出语言，默认中文
  --show-ids                显示完整身份证号（默认只显示前 6 位和后 4 位）
  --all                     列出全部问题（默认最多 200 条）
  -q, --quiet               只输出一行结论（适合脚本）
  -h, --help                显示本说明
  -v, --version             显示版本号

退出码：
  0  可以提交（没有错误，可能有警告）
  1  发现错误，请按清单改正
  2  无法使用的输入：文件不存在、不是 .xlsx、加了密码、已损坏，选项、设置有误，或没有找到可检查的台账（空白或只有文字）
  3  程序自身出错（请把屏幕上的信息报告给维护人员）`,
  en: `Usage:
  ledgercheck check <file.xlsx>... [options]

Checks responsibility tables and aid ledgers and lists every wrong cell with what to do.
Several files are consolidated into one summary.

Options:
  -o, --out <copy.xlsx>      write a copy with the summary tabs (Findings, unit scores, aid
                             totals…); the original is never changed and cannot be the target
  --json <report.json>       write the JSON report for other programs
  --as-of <YYYY-MM-DD>       the date deadlines are judged against (default today)
  --window <from..to>        the campaign dates, e.g. 2017-01-09..2017-01-22; visits outside it are flagged
  --cap <yuan>               per-household cap; amounts above it are flagged (default 5000)
  -c, --config <file.json>   settings file (grade thresholds, column mapping, equations; see README);
                             flags win over it
  --lang <zh|en>             output language (default Chinese)
  --show-ids                 show whole ID numbers (masked to the first 6 and last 4 by default)
  --all                      list every finding (default at most 200)
  -q, --quiet                print only the verdict line (for scripts)
  -h, --help                 show this help
  -v, --version              show the version

Exit codes:
  0  ready to submit (no errors; there may be warnings)
  1  errors found: fix the cells listed
  2  unusable input: missing file, not an .xlsx, password-protected, damaged, a bad option or setting, or no ledger to check (blank, or only text)
  3  the program itself failed (please report what it printed)`,
};

const FLAGS = Object.keys(OPTIONS).map((k) => `--${k}`);

/** The language asked for, read before anything else so even a bad command line is answered in it. */
export function langOf(argv: string[]): 'zh' | 'en' {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang' && argv[i + 1] === 'en') return 'en';
    if (argv[i] === '--lang=en') return 'en';
  }
  return 'zh';
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const t = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = t;
    }
  }
  return d[b.length];
}

/** The known flag nearest to a mistyped one (--asof → --as-of), if one is close. */
export function nearestFlag(typed: string): string | null {
  const name = typed.replace(/=.*$/, '');
  const best = FLAGS.map((f) => ({ f, d: distance(name, f) })).sort((a, b) => a.d - b.d)[0];
  return best && best.d <= Math.max(2, Math.floor(name.length / 3)) ? best.f : null;
}

/** The flag as the user typed it, found in argv (node names it by its long form only). */
function typedFlag(argv: string[], long: string): string {
  const short = Object.entries(OPTIONS).find(([k]) => `--${k}` === long)?.[1] as { short?: string } | undefined;
  const hit = argv.find((a) => a === long || a.startsWith(`${long}=`) || (short?.short && a === `-${short.short}`));
  return hit ? hit.replace(/=.*$/, '') : long;
}

function parseError(e: Error & { code?: string }, argv: string[]): UsageError {
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const near = nearestFlag(quoted);
    return new UsageError(
      `没有 ${quoted} 这个选项${near ? `，是不是 ${near}？` : '。'}运行 ledgercheck --help 可查看全部选项。`,
      `There is no option ${quoted}${near ? `; did you mean ${near}?` : '.'} Run ledgercheck --help for the list.`,
    );
  }
  const long = /--[\w-]+/.exec(quoted)?.[0] ?? quoted;
  const flag = typedFlag(argv, long);
  if (/does not take an argument/.test(e.message)) return new UsageError(`${flag} 后面不用写值。`, `${flag} takes no value.`);
  return new UsageError(
    `${flag} 后面要写一个值（值以 - 开头时写成 ${flag}=值）。运行 ledgercheck --help 可查看用法。`,
    `${flag} needs a value (write ${flag}=VALUE if it starts with -). Run ledgercheck --help for usage.`,
  );
}

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (e) {
    throw parseError(e as Error & { code?: string }, argv);
  }
  const { values: v, positionals } = parsed;
  const lang = v.lang ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang 只能是 zh 或 en，不能是 ${lang}。`, `--lang must be zh or en, not ${lang}.`);
  const given: Pick<CliArgs, 'langGiven'> = v.lang !== undefined ? { langGiven: lang } : {};
  const base = { lang, ...given, showIds: v['show-ids']!, all: v.all!, quiet: v.quiet! } as const;
  if (v.version) return { command: 'version', files: [], ...base };
  if (v.help || positionals.length === 0 || positionals[0] === 'help') return { command: 'help', files: [], ...base };
  const [command, ...files] = positionals;
  if (command !== 'check') {
    const hint = /\.xlsx?$/i.test(command) ? `ledgercheck check ${command}` : 'ledgercheck check <文件.xlsx>';
    throw new UsageError(`没有 ${command} 这个命令，应写成 ${hint}。`, `There is no command ${command}; write ${hint.replace('文件', 'file')}.`);
  }
  if (files.length === 0) throw new UsageError('请给出要检查的 .xlsx 文件，如 ledgercheck check 台账.xlsx。', 'Name the .xlsx file to check, e.g. ledgercheck check ledger.xlsx.');
  return { command, files, out: v.out, json: v.json, asOf: v['as-of'], window: v.window, cap: v.cap, config: v.config, ...base };
}
