import { CellValue, SheetInput, WorkbookInput } from '../core/workbook';
import { claimedRole, provedRole } from '../core/summary/ownership';
import { BUILDING_NAME, BUILDING_ROLE, markFromNameFormula, OWNED_NAME, OWNED_PROPERTY, SheetInfo } from './ownership';
import { ApiSupport } from './support';
import { errorCode, syncWithin } from './sync';

/** A response (or request) must stay under Excel on the web's 5 MB; aim well below it. */
export const BLOCK_BYTES = 3 * 1024 * 1024;
/** Excel reads at most 5,000,000 cells at once. */
export const BLOCK_CELLS = 4_000_000;
/** A first guess of a cell's size in a response; then measured, and a block that proves too big is halved. */
const BYTES_PER_CELL = 40;
const MIN_BYTES_PER_CELL = 4;
const encoder = new TextEncoder();

export interface ReadOptions {
  support: ApiSupport;
  fileName: string;
  timeoutMs?: number;
  onProgress?: (cellsRead: number, cellsTotal: number) => void;
}

export interface ReadResult {
  workbook: WorkbookInput;
  sheets: SheetInfo[];
  syncs: number;
}

const ERROR_TEXT = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/;

/** Office.js gives "" for an empty cell and "#N/A" for an error; the engine wants null and {error}. */
export function cellFromOffice(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string') return ERROR_TEXT.test(v) ? { error: v } : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

interface Block {
  sheet: number;
  /** 0-based offsets within the used range. */
  firstRow: number;
  rows: number;
}

/**
 * Reads every sheet's used range in a fixed number of syncs (two) plus one per block of about
 * 3 MB, whatever the row count: values, and merged areas where Excel can say.
 */
export async function readWorkbook(context: Excel.RequestContext, options: ReadOptions): Promise<ReadResult> {
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await syncWithin(context, options.timeoutMs);
  };
  const sheets = context.workbook.worksheets.load('items/name');
  await sync();
  const items = sheets.items;
  const used = items.map((ws) => ws.getUsedRangeOrNullObject(true).load('rowCount,columnCount,rowIndex,columnIndex'));
  const names = items.map((ws) => ws.names.getItemOrNullObject(OWNED_NAME).load('formula'));
  const props = options.support.customProperties ? items.map((ws) => ws.customProperties.load('items/key,items/value')) : null;
  await sync();

  // A mark is only a claim until the tab's values match it: marked tabs are read like any other.
  const marks = items.map((_, i) => {
    const prop = props?.[i].items.find((p) => p.key === OWNED_PROPERTY)?.value ?? null;
    const name = names[i].isNullObject ? null : markFromNameFormula(names[i].formula);
    return [prop, name].filter((m): m is string => !!m);
  });
  const info: SheetInfo[] = items.map((ws) => ({ name: ws.name, owned: null }));
  const inputs: SheetInput[] = info.map((s) => ({ name: s.name, rows: [] }));

  // Plan the blocks: every sheet with content, rows split so a block stays under the limits.
  const blocks: Block[] = [];
  // Bytes per cell, per sheet: a guess at first, doubled whenever a response proves it low.
  const density = items.map(() => BYTES_PER_CELL);
  let cellsTotal = 0;
  used.forEach((u, i) => {
    if (u.isNullObject) return;
    inputs[i].origin = { row: u.rowIndex + 1, col: u.columnIndex + 1 };
    const perBlock = Math.max(1, Math.min(Math.floor(BLOCK_BYTES / (u.columnCount * BYTES_PER_CELL)), Math.floor(BLOCK_CELLS / u.columnCount)));
    for (let r = 0; r < u.rowCount; r += perBlock) blocks.push({ sheet: i, firstRow: r, rows: Math.min(perBlock, u.rowCount - r) });
    cellsTotal += u.rowCount * u.columnCount;
  });

  // Merged areas ride along with the first batch of values (asked again if that batch is retried).
  let merges: Array<Excel.RangeAreas | null> = [];
  let mergesLoaded = !options.support.mergedAreas;
  let cellsRead = 0;
  const queue = [...blocks];
  while (queue.length > 0) {
    // Several small blocks share one sync as long as their estimated size fits.
    const batch: Block[] = [];
    let bytes = 0;
    while (queue.length > 0) {
      const b = queue[0];
      const size = b.rows * used[b.sheet].columnCount * density[b.sheet];
      if (batch.length > 0 && bytes + size > BLOCK_BYTES) break;
      batch.push(queue.shift()!);
      bytes += size;
    }
    if (!mergesLoaded) {
      merges = used.map((u) => (u.isNullObject ? null : u.getMergedAreasOrNullObject().load('address')));
    }
    const ranges = batch.map((b) => {
      const u = used[b.sheet];
      return items[b.sheet].getRangeByIndexes(u.rowIndex + b.firstRow, u.columnIndex, b.rows, u.columnCount).load('values');
    });
    try {
      await sync();
    } catch (e) {
      // Denser cells than guessed: split the blocks and try again.
      if (errorCode(e) === 'ResponsePayloadSizeLimitExceeded' && batch.some((b) => b.rows > 1)) {
        for (const b of batch) density[b.sheet] *= 2;
        for (const b of batch.reverse()) {
          const half = Math.ceil(b.rows / 2);
          queue.unshift({ ...b, rows: half }, ...(b.rows > half ? [{ ...b, firstRow: b.firstRow + half, rows: b.rows - half }] : []));
        }
        continue;
      }
      throw e;
    }
    mergesLoaded = true;
    batch.forEach((b, k) => {
      const rows = inputs[b.sheet].rows;
      const values = ranges[k].values;
      // Learn the sheet's real density from a sample, so the rest packs into fewer syncs.
      const sample = values.length > 400 ? values.slice(0, 400) : values;
      const measured = encoder.encode(JSON.stringify(sample)).length / Math.max(1, sample.length * used[b.sheet].columnCount);
      density[b.sheet] = Math.max(MIN_BYTES_PER_CELL, measured * 1.5);
      for (let r = 0; r < values.length; r++) rows[b.firstRow + r] = values[r].map(cellFromOffice);
      cellsRead += values.length * used[b.sheet].columnCount;
    });
    options.onProgress?.(cellsRead, cellsTotal);
  }
  // Ours only when the values still match the mark (Office.js gives dates as serials, as the mark counts them).
  // Our own tabs are not checked; only the log's rows are kept, to carry them over.
  marks.forEach((candidates, i) => {
    const proved = candidates.map((m) => provedRole(m, inputs[i])).find((r) => r !== null) ?? null;
    // A marked tab under a temporary name was half built by a failed run (its mark is for the final name).
    const leftOver = BUILDING_NAME.test(info[i].name) && candidates.some((m) => claimedRole(m) !== null);
    const role = proved ?? (leftOver ? BUILDING_ROLE : null);
    if (!role) {
      // Our tab the user edited: kept as theirs (never replaced), and the engine does not check it.
      const claimed = candidates.map(claimedRole).find((r) => r !== null);
      if (claimed) inputs[i].marked = claimed;
      return;
    }
    info[i].owned = role;
    inputs[i].owned = role;
    if (role !== 'log') {
      inputs[i].rows = [];
      delete inputs[i].origin;
    }
  });
  merges.forEach((m, i) => {
    if (m && !m.isNullObject && !info[i].owned) inputs[i].merges = m.address.split(/,\s*/).map((a) => a.replace(/^.*!/, ''));
  });
  return { workbook: { name: options.fileName, sheets: inputs }, sheets: info, syncs };
}
