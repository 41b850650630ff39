import { cellAddress, columnLetter } from '../core/address';
import { ownershipMark, tabCells, tableHeaders } from '../core/summary/ownership';
import { bodyRows, chartHeightRows, ChartSpec, chartWidthCols, chartSeries, FIRST_DATA_ROW, HEADER_ROW, NUMBER_FORMATS, OutCell, OwnedRole, seriesName, SheetDescription, SUBTITLE_ROW, subtitleHeight, TITLE_ROW, TONE_FILL } from '../core/summary/sheet';
import { freeName } from '../core/summary/tab-names';
import { BUILDING_PREFIX, OWNED_NAME, OWNED_PROPERTY, SheetInfo } from './ownership';
import { BLOCK_BYTES } from './read';
import { ApiSupport } from './support';
import { syncWithin } from './sync';

export interface WriteOptions {
  support: ApiSupport;
  /** The workbook's sheets as read, with the tabs we own marked. */
  sheets: SheetInfo[];
  /** Makes temporary sheet and table names unique to this run (letters and digits). */
  stamp: string;
  /** Show this tab when done (the ribbon command shows 检查结果). */
  activate?: OwnedRole;
  timeoutMs?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface WriteResult {
  names: Partial<Record<OwnedRole, string>>;
  syncs: number;
}

export class WriteError extends Error {
  constructor(override readonly cause: unknown) {
    super(`写入汇总表失败，已撤回未完成的表，您的数据未被改动。/ Writing the summary tabs failed; the unfinished tabs were removed and your data is untouched. (${(cause as Error)?.message ?? cause})`);
    this.name = 'WriteError';
  }
}

const CHARS_TO_POINTS = 7;
const encoder = new TextEncoder();

/** Text cells are formatted as text before their value arrives, so "=1+1" stays text. */
function formatsFor(tab: SheetDescription, row: OutCell[]): string[] {
  return tab.columns.map((c, j) => (typeof row[j] === 'string' ? '@' : NUMBER_FORMATS[c.format ?? 'text']));
}

function valuesFor(tab: SheetDescription, row: OutCell[]): Array<string | number | boolean> {
  return tab.columns.map((_, j) => row[j] ?? '');
}

/**
 * Writes the summary tabs: each new tab is built completely, hidden and under a temporary
 * name, before the old ones go; the last sync deletes our old tabs and renames the new ones.
 * A failure at any sync removes what was half built and leaves the user's sheets untouched.
 */
export async function writeTabs(context: Excel.RequestContext, tabs: SheetDescription[], options: WriteOptions): Promise<WriteResult> {
  let syncs = 0;
  const sync = async () => {
    syncs++;
    if (options.support.pageLayout) {
      context.workbook.application.suspendScreenUpdatingUntilNextSync();
    }
    context.workbook.application.suspendApiCalculationUntilNextSync();
    await syncWithin(context, options.timeoutMs);
  };
  const taken = options.sheets.filter((s) => !s.owned).map((s) => s.name);
  const names: WriteResult['names'] = {};
  const finalNames = tabs.map((t) => {
    const n = freeName(t.name, taken);
    taken.push(n);
    names[t.role] = n;
    return n;
  });
  const temp = tabs.map((_, i) => `${BUILDING_PREFIX}${options.stamp}-${i}`.slice(0, 31));
  const sheets = context.workbook.worksheets;
  try {
    // 1. Every tab created hidden, marked, with its title, header, widths, frozen rows and print setup.
    const ws = tabs.map((tab, i) => {
      const s = sheets.add(temp[i]);
      s.visibility = 'Hidden' as Excel.SheetVisibility;
      // The mark the command line writes too: role and a fingerprint of the values under the final name.
      const mark = ownershipMark(tab.role, tabCells(tab, finalNames[i]));
      s.names.add(OWNED_NAME, `="${mark}"`).visible = false;
      if (options.support.customProperties) s.customProperties.add(OWNED_PROPERTY, mark);
      const width = tab.columns.length;
      const last = columnLetter(width);
      for (const [row, text] of [[TITLE_ROW, tab.title], [SUBTITLE_ROW, tab.subtitle]] as const) {
        const r = s.getRange(`A${row}`);
        r.numberFormat = [['@']];
        r.values = [[text]];
      }
      s.getRange(`A${TITLE_ROW}`).format.font.bold = true;
      // The subtitle spans the table and wraps, as in the command line's files (a merged cell does not grow by itself).
      if (width > 1) s.getRange(`A${SUBTITLE_ROW}:${last}${SUBTITLE_ROW}`).merge(false);
      const subtitle = s.getRange(`A${SUBTITLE_ROW}`);
      subtitle.format.wrapText = true;
      subtitle.format.rowHeight = subtitleHeight(tab);
      const header = s.getRange(`A${HEADER_ROW}:${last}${HEADER_ROW}`);
      header.numberFormat = [tab.columns.map(() => '@')];
      // Unique, non-blank headers, as the table needs (Excel would rename them, and the mark counts them).
      header.values = [tableHeaders(tab)];
      header.format.font.bold = true;
      // Long headers (测评汇总's 对党建工作重视程度·好票率) wrap, and Excel grows the row to show them.
      header.format.wrapText = true;
      tab.columns.forEach((c, j) => (s.getRange(`${columnLetter(j + 1)}${HEADER_ROW}`).format.columnWidth = c.width * CHARS_TO_POINTS));
      s.freezePanes.freezeRows(HEADER_ROW);
      if (options.support.pageLayout) {
        s.pageLayout.orientation = (tab.landscape ? 'Landscape' : 'Portrait') as Excel.PageOrientation;
        s.pageLayout.paperSize = (tab.paper ?? 'A4') as Excel.PaperType;
        // One page wide, as many tall as needed (0 is Excel's "Automatic", as fitToHeight="0" in the file).
        s.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        s.pageLayout.setPrintTitleRows(`$${HEADER_ROW}:$${HEADER_ROW}`);
      }
      return s;
    });
    await sync();

    // 2. The body, one 2D write per block; several small blocks share a sync, a big tab takes several.
    const total = tabs.reduce((n, t) => n + bodyRows(t).length, 0);
    let done = 0;
    let pending = 0;
    for (const [i, tab] of tabs.entries()) {
      const rows = bodyRows(tab);
      const width = tab.columns.length;
      // Links travel with their rows' block, so no sync carries more than its share.
      const linksByRow = new Map<number, typeof tab.links>();
      for (const l of tab.links) linksByRow.set(l.row, [...(linksByRow.get(l.row) ?? []), l]);
      let start = 0;
      while (start < rows.length) {
        let bytes = 0;
        let end = start;
        while (end < rows.length && (end === start || bytes < BLOCK_BYTES / 2)) {
          bytes += encoder.encode(JSON.stringify(rows[end])).length * 2 + width * 8;
          end++;
        }
        const range = ws[i].getRange(`A${FIRST_DATA_ROW + start}:${columnLetter(width)}${FIRST_DATA_ROW + end - 1}`);
        const block = rows.slice(start, end);
        range.numberFormat = block.map((r) => formatsFor(tab, r));
        range.values = block.map((r) => valuesFor(tab, r));
        for (let r = start; r < end; r++) {
          for (const l of linksByRow.get(r) ?? []) {
            const at = `'${l.sheet.replace(/'/g, "''")}'!${l.cell}`;
            const text = String(rows[l.row][l.col] ?? l.cell);
            const link = l.file !== undefined ? { address: `${l.file}#${at}`, textToDisplay: text } : { documentReference: at, textToDisplay: text };
            ws[i].getRange(cellAddress(FIRST_DATA_ROW + l.row, l.col + 1)).hyperlink = link;
            bytes += encoder.encode(JSON.stringify(link)).length + 96;
          }
        }
        pending += bytes;
        done += end - start;
        start = end;
        if (pending >= BLOCK_BYTES / 2) {
          await sync();
          pending = 0;
          options.onProgress?.(done, total);
        }
      }
    }

    // 3. Tables, wrapped long text, the error and warning rows' background, and the chart.
    tabs.forEach((tab, i) => {
      const lastRow = HEADER_ROW + bodyRows(tab).length;
      tab.columns.forEach((c, j) => {
        if (c.wrap) ws[i].getRange(`${columnLetter(j + 1)}${FIRST_DATA_ROW}:${columnLetter(j + 1)}${lastRow}`).format.wrapText = true;
      });
      // Findings are sorted errors first, so the tones come in a few runs: one range each.
      const tones = tab.rowTones ?? [];
      for (let r = 0; r < tones.length; ) {
        let end = r;
        while (end + 1 < tones.length && tones[end + 1] === tones[r]) end++;
        const tone = tones[r];
        if (tone) ws[i].getRange(`A${FIRST_DATA_ROW + r}:${columnLetter(tab.columns.length)}${FIRST_DATA_ROW + end}`).format.fill.color = TONE_FILL[tone];
        r = end + 1;
      }
      const table = ws[i].tables.add(`A${HEADER_ROW}:${columnLetter(tab.columns.length)}${lastRow}`, true);
      table.name = `${tab.tableName}_${options.stamp}`;
      table.style = 'TableStyleMedium2';
      if (tab.chart) addChart(ws[i], tab, tab.chart, lastRow, options.support);
    });
    await sync();

    // 4. The swap, in one sync: our old tabs go, the new ones take their names and show.
    for (const old of options.sheets.filter((s) => s.owned)) sheets.getItem(old.name).delete();
    ws.forEach((s, i) => {
      s.name = finalNames[i];
      s.visibility = 'Visible' as Excel.SheetVisibility;
    });
    if (options.activate) {
      const i = tabs.findIndex((t) => t.role === options.activate);
      if (i >= 0) ws[i].activate();
    }
    await sync();
    return { names, syncs };
  } catch (e) {
    await removeHalfBuilt(context, temp, options.timeoutMs);
    throw new WriteError(e);
  }
}

/**
 * The tab's chart below its table. Its series are the columns the description names (one for a
 * column chart; a person's 好 / 较好 / 一般 / 差 for a stacked bar, coloured good to bad), which
 * sit side by side, so one range gives every series.
 */
function addChart(ws: Excel.Worksheet, tab: SheetDescription, c: ChartSpec, lastRow: number, support: ApiSupport): void {
  const cols = chartSeries(c);
  const span = (from: number, to: number) => `${columnLetter(from + 1)}${FIRST_DATA_ROW + c.fromRow}:${columnLetter(to + 1)}${FIRST_DATA_ROW + c.toRow}`;
  const stacked = c.type === 'stacked-bar';
  const chart = ws.charts.add((stacked ? 'BarStacked' : 'ColumnClustered') as Excel.ChartType, ws.getRange(span(cols[0], cols[cols.length - 1])), 'Columns' as Excel.ChartSeriesBy);
  chart.title.text = c.title;
  cols.forEach((col, k) => {
    const series = chart.series.getItemAt(k);
    series.setXAxisValues(ws.getRange(span(c.categoryCol, c.categoryCol)));
    if (!stacked) return;
    series.name = seriesName(tab, c, col);
    series.format.fill.setSolidColor(`#${c.colors[k]}`);
  });
  if (stacked) {
    // Rank 1 on top, the value axis kept at the bottom (ExcelApi 1.8, present wherever 1.9 is).
    chart.axes.categoryAxis.reversePlotOrder = true;
    if (support.pageLayout) chart.axes.categoryAxis.position = 'Maximum' as Excel.ChartAxisPosition;
    chart.legend.position = 'Bottom' as Excel.ChartLegendPosition;
  }
  chart.setPosition(`A${lastRow + 2}`, `${columnLetter(chartWidthCols(tab, c))}${lastRow + 2 + chartHeightRows(c)}`);
}

/** Best effort: delete the temporary tabs a failed write left. They are hidden and named ~LC… anyway. */
async function removeHalfBuilt(context: Excel.RequestContext, temp: string[], timeoutMs?: number): Promise<void> {
  try {
    const probes = temp.map((n) => context.workbook.worksheets.getItemOrNullObject(n).load('name'));
    await syncWithin(context, timeoutMs);
    const left = probes.filter((p) => !p.isNullObject);
    if (left.length === 0) return;
    for (const p of left) p.delete();
    await syncWithin(context, timeoutMs);
  } catch {
    // The next run removes them: they carry our tag.
  }
}
