import stringWidth = require('string-width');

/**
 * Terminal text by display width: a Chinese character takes two columns. string-width (pinned
 * 4.2.3, the last CommonJS release) knows the East Asian widths and ignores colour codes.
 */
export const width = (s: string): number => stringWidth(s);

export function padEnd(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}

export function padStart(s: string, w: number): string {
  return ' '.repeat(Math.max(0, w - width(s))) + s;
}

/**
 * Breaks text into lines of at most `w` columns: between words for Latin text, between any two
 * characters for Chinese (never before a closing mark such as ，。）”, never after an opening one).
 */
export function wrap(text: string, w: number): string[] {
  const tokens = text.match(/[\x21-\x7e\u00a0-\u02ff]+|\s+|[\s\S]/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens) {
    if (/^\s+$/.test(tok)) {
      if (line) line += ' ';
      continue;
    }
    const closing = /^[，。、；：！？）》」』”’,.;:!?)\]]/.test(tok);
    // Closing marks may hang into the last two columns; nothing else goes past w - 2.
    if (line && width(line) + width(tok) > (closing ? w : w - 2)) {
      // An opening mark (“（《) goes down with the word it opens.
      const open = /[“‘（《「『(\[]$/u.exec(line.trimEnd())?.[0] ?? '';
      lines.push(line.trimEnd().slice(0, line.trimEnd().length - open.length));
      line = open;
    }
    if (!line && width(tok) > w) {
      // A single word longer than the line (a long path): cut it.
      let rest = tok;
      while (width(rest) > w) {
        let cut = '';
        for (const ch of rest) {
          if (width(cut + ch) > w) break;
          cut += ch;
        }
        lines.push(cut);
        rest = rest.slice(cut.length);
      }
      line = rest;
      continue;
    }
    line += tok;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.length ? lines : [''];
}

/** A table whose columns are as wide as their widest cell (by display width), two spaces apart. */
export function table(head: string[], rows: string[][], rightAligned: (i: number) => boolean, indent = '  '): string[] {
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells: string[]) => indent + cells.map((c, i) => (rightAligned(i) ? padStart(c, widths[i]) : i === cells.length - 1 ? c : padEnd(c, widths[i]))).join('  ');
  return [line(head), ...rows.map(line)].map((l) => l.trimEnd());
}

/** Cut to `w` columns, with … where it was cut. */
export function truncate(s: string, w: number): string {
  if (width(s) <= w) return s;
  let out = '';
  for (const ch of s) {
    if (width(out + ch) > w - 1) break;
    out += ch;
  }
  return out + '…';
}
