import { Grid } from './grid';
import { cellText } from './read/text';

/**
 * A sheet of text, not a table: at most one row holds three or more filled cells (a 说明 tab,
 * a notice pasted into Excel). Raw cells only, so a merged title does not look like a row of cells.
 */
export function isProse(grid: Grid): boolean {
  let wide = 0;
  for (let r = grid.top; r <= grid.bottom; r++) {
    let filled = 0;
    for (const v of grid.rowValues(r)) if (cellText(v) !== '' && ++filled >= 3) break;
    if (filled >= 3 && ++wide > 1) return false;
  }
  return true;
}
