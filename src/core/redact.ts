import { maskId } from './read/id-number';
import { SheetDescription } from './summary/sheet';

/**
 * What leaves the program goes through here: whole ID numbers are masked wherever they appear
 * (any column, a merged cell, a sheet or file name, a message), and control characters and
 * terminal escape sequences are removed from anything printed.
 */

const DIGIT = '0-9\uff10-\uff19';
const SEP = ' \u3000\u00a0\\-';
/** A run of digits with single spaces or hyphens between them, maybe ending in X (letters around it do not hide it). */
const RUN = new RegExp(`(?<![${DIGIT}])[${DIGIT}](?:[${SEP}]?[${DIGIT}])*(?:[${SEP}]?[Xx\\uff38\\uff58])?(?![${DIGIT}])`, 'g');
const SEPARATOR = new RegExp(`[${SEP}]`);

function ascii(s: string): string {
  // Nearly every ID is typed in ASCII digits with an upper-case X: returned as it is.
  let plain = true;
  for (let i = 0; i < s.length && plain; i++) {
    const c = s.charCodeAt(i);
    plain = c < 0xff00 && c !== 120; /* x */
  }
  if (plain) return s;
  return s.replace(/[\uff10-\uff19\uff38\uff58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).toUpperCase();
}

/** 14 digits in one run as RUN reads it (single separators between): whatever is masked holds one (14 digits and an X at least). */
const RUN_OF_14 = new RegExp(`[${DIGIT}](?:[${SEP}]?[${DIGIT}]){13}`);

/**
 * Whether a text may hold an ID. Messages quote cells, money, dates and masked IDs (D181,
 * 2017-01-09, 371502********0141) whose digits add up past 14 but never in one run: they are
 * passed over here, with no replacing run on them. (A regular expression, compiled once, scans
 * 24,000 texts of a report faster than a loop that runs cold.)
 */
function mayHoldId(text: string): boolean {
  return text.length >= 14 && RUN_OF_14.test(text);
}

/**
 * Masks every ID-shaped number in a text (18 characters ending in a digit or X, 15 digits, or any
 * unbroken run of 15 or more digits; also typed in full-width or spaced as 110105 19491231 002X):
 * first 6 and last 4 characters shown, 110105********002X.
 */
export function maskIdsInText(text: string): string {
  if (!mayHoldId(text)) return text;
  return text.replace(RUN, (run) => {
    const segments = run.split(SEPARATOR).filter((s) => s !== '');
    if (segments.length === 1) {
      const n = ascii(run);
      return n.length >= 15 ? maskId(n) : run;
    }
    // Spaced: any one piece long enough, or consecutive pieces that add up to an ID.
    const out = segments.map((s) => ascii(s));
    const masked = new Array<boolean>(segments.length).fill(false);
    out.forEach((s, i) => {
      if (s.length >= 15) {
        out[i] = maskId(s);
        masked[i] = true;
      }
    });
    let changed = masked.some(Boolean);
    for (let i = 0; i < segments.length; i++) {
      let len = 0;
      for (let j = i; j < segments.length && !masked[j]; j++) {
        len += out[j].length;
        const endsWithX = out[j].endsWith('X');
        if ((len === 18 || (len === 15 && !endsWithX)) && !out.slice(i, j).some((s) => s.includes('X'))) {
          const whole = maskId(out.slice(i, j + 1).join(''));
          out.splice(i, j - i + 1, whole, ...new Array(j - i).fill(''));
          for (let k = i; k <= j; k++) masked[k] = true;
          changed = true;
          break;
        }
        if (len > 18) break;
      }
    }
    if (!changed) return run;
    return out.filter((s) => s !== '').join(' ');
  });
}

/** Any character stripControls removes or changes (escape sequences start with one of them). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f]/;

/**
 * Removes terminal escape sequences (CSI, OSC, lone ESC), C0 and C1 control characters and
 * bidirectional overrides. Line breaks and tabs become spaces unless `keepLines`.
 */
export function stripControls(text: string, keepLines = false): string {
  if (!CONTROL.test(text)) return text; // nearly every text: nothing to remove
  let s = text.replace(/\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b\[[0-?]*[ -/]*[@-~]?|\u001b[@-_]?|\u009b[0-?]*[ -/]*[@-~]?|\u009d[^\u0007\u009c]*[\u0007\u009c]?/g, '');
  s = s.replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/g, '');
  return keepLines ? s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '').replace(/\r\n?/g, '\n') : s.replace(/[\t\n\r]+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}

/**
 * `value` with `f` applied to every string (and to whole numbers long enough to be an ID): what
 * `f` leaves as it is stays the same object, and only what holds a change is copied (a report's
 * texts nearly all come out as they went in: no copy of a megabyte of it). Treat both as read-only.
 */
export function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (typeof value === 'number') {
    if (Number.isInteger(value) && Math.abs(value) >= 1e14) {
      const s = f(value.toFixed(0));
      return (s === value.toFixed(0) ? value : s) as T;
    }
    return value;
  }
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const v = value[i] as unknown;
      const m = mapStrings(v, f);
      if (m !== v && out === null) out = value.slice(0, i);
      if (out !== null) out.push(m);
    }
    return (out ?? value) as T;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    // Own enumerable keys, as Object.entries gives them.
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o);
    let out: Record<string, unknown> | null = null;
    for (let i = 0; i < keys.length; i++) {
      const v = o[keys[i]];
      const m = mapStrings(v, f);
      if (m !== v && out === null) {
        out = {};
        for (let j = 0; j < i; j++) out[keys[j]] = o[keys[j]];
      }
      if (out !== null) out[keys[i]] = m;
    }
    return (out ?? value) as T;
  }
  return value;
}

/** What any output shows of a text: IDs masked unless `showIds`. */
export function redact(showIds: boolean): (s: string) => string {
  return showIds ? (s) => s : maskIdsInText;
}

/** The JSON report as written: IDs masked unless `showIds`, control characters gone (line breaks kept). */
export function redactReport<T>(report: T, showIds: boolean): T {
  const hide = redact(showIds);
  // One test per text says whether either step has anything to do (nearly every text: no).
  const attention = showIds ? CONTROL : ID_OR_CONTROL;
  return mapStrings(report, (s) => (attention.test(s) ? stripControls(hide(s), true) : s));
}

/** A text that may hold an ID (a run of 14 digits) or a character stripControls removes. */
const ID_OR_CONTROL = new RegExp(`${RUN_OF_14.source}|${CONTROL.source}`);

/** The report as printed on a terminal: one line per text, no escapes. */
export function forConsole<T>(report: T): T {
  return mapStrings(report, (s) => stripControls(s));
}

/**
 * Summary tabs as written into a workbook: every cell, title and header masked unless `showIds`
 * (link targets are left alone: they name the user's own sheets and cells).
 */
export function redactTabs(tabs: SheetDescription[], showIds: boolean): SheetDescription[] {
  if (showIds) return tabs;
  const f = maskIdsInText;
  return tabs.map((t) => ({
    ...t,
    title: f(t.title),
    subtitle: f(t.subtitle),
    columns: t.columns.map((c) => ({ ...c, header: f(c.header) })),
    rows: mapStrings(t.rows, f),
    ...(t.chart ? { chart: { ...t.chart, title: f(t.chart.title) } } : {}),
  }));
}
