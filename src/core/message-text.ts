/**
 * A finding's message without its own cell address, for places that show the cell beside it
 * (the task pane, the console): 「I23 的完成时限…」 → 「完成时限…」, "The deadline … at I23 is …"
 * → "The deadline … is …". Messages that do not name the cell that way are left whole.
 */
export function withoutCell(message: string, cell: string): string {
  if (!cell) return message;
  const c = cell.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // 「合计行 E41 的分值…」 → 「合计行的分值…」
  const patterns = [new RegExp(`^${c} 的`), new RegExp(`^${c}[：:]\\s*`), new RegExp(`^${c} (?=\\S)`), new RegExp(` ${c} (?=的)`), new RegExp(` at ${c}(?=[\\s,.:;)])`)];
  for (const p of patterns) {
    if (p.test(message)) {
      const rest = message.replace(p, '');
      return /^[a-z]/.test(rest) ? rest.charAt(0).toUpperCase() + rest.slice(1) : rest;
    }
  }
  return message;
}
