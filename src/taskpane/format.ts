/** A rate as the pane shows it: one decimal, a dash when there is none. */
export const pct = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
