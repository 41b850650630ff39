import { matchHeader } from '../../columns';
import { Grid } from '../../grid';
import { cellText, compact } from '../../read/text';
import { CellValue } from '../../workbook';
import { isTickSymbol, readEntry, readTick } from './marks';
import { presentFromText } from './present';

/**
 * Reading a sheet as ballots: (a) ticked grids, one or many ballots (blocks) per sheet; (b) entry
 * sheets (录入表), one row per ballot and person; (c) an office's own tally (票数). Pure: a Grid in,
 * a BallotSheet (or null: not a ballot sheet) out.
 */

/** roster: a 名单 of the persons to be rated, for ballot.person-missing only. */
export type BallotLayout = 'grid' | 'entry' | 'tally' | 'roster';

export interface CellAt {
  row: number;
  col: number;
}

/** One item of one person on one ballot. */
export type ItemMark =
  | { state: 'valid'; choice: number; at: CellAt }
  | { state: 'blank'; at: CellAt }
  /** Two or more choices: `at` is the first marked cell. */
  | { state: 'multiple'; choices: number[]; at: CellAt; value: CellValue }
  /** `choice`: the column's choice in a grid (null in an entry sheet). */
  | { state: 'invalid'; at: CellAt; value: CellValue; choice: number | null };

export interface BallotEntry {
  person: string;
  unit: string;
  row: number;
  /** By item index of the sheet. */
  marks: ItemMark[];
}

export interface Ballot {
  /** 1-based within the sheet. */
  index: number;
  /** 票号 as written (entry sheets, a grid title's 票号), or 第 N 张 from a grid title; else null. */
  label: string | null;
  /** Where person-missing reports: the first cell of the ballot's header, or its 票号 cell. */
  header: CellAt;
  /** Where ballot.blank reports: the first item cell of the ballot's first row. */
  firstItem: CellAt;
  entries: BallotEntry[];
}

/** One cell of an office tally; value null when it is not a whole number ≥ 0. */
export interface TallyCell {
  at: CellAt;
  value: number | null;
  raw: CellValue;
}

export interface TallyRow {
  person: string;
  unit: string;
  row: number;
  /** cells[item][choice]. */
  cells: TallyCell[][];
}

export interface BallotSheet {
  sheet: string;
  layout: BallotLayout;
  /** Best → worst. */
  choices: string[];
  items: string[];
  /** The header cell of each item. */
  itemCells: CellAt[];
  ballots: Ballot[];
  tally: TallyRow[];
  /** The persons a 名单 lists. */
  roster: Array<{ person: string; unit: string; row: number }>;
  /** 实到人数 a title or footer line states. */
  present: { value: number; at: CellAt; text: string } | null;
  /** The first title cell (count-exceeds reports there), or the sheet's top-left cell. */
  titleAt: CellAt;
  nameHeader: CellAt;
  headerRows: number[];
  firstDataRow: number;
  lastDataRow: number;
  left: number;
  right: number;
  columns: { name: number; unit: number | null; position: number | null; ballotNo: number | null; seq: number | null };
  reason: { zh: string; en: string };
}

/** A kind's column table, as matchHeader reads it. */
type Columns = Parameters<typeof matchHeader>[1];

export interface ReadOptions {
  choiceSets: string[][];
  /** Names the one item of a grid whose header has no item row. */
  gradeItem: string;
  /** The other kinds' column tables: a column they know (家庭人口, 身份证号, 得分) is never an item. */
  otherColumns?: readonly Columns[];
}

const SCAN_ROWS = 40;
/** Rows an entry sheet's columns are judged on before the rest is read. */
const SAMPLE_ROWS = 200;

const NAME_HEADER = /^(姓名|名字|被测评人|被测评对象|测评对象|述职人|被评议人|评议对象|被考评人|考评对象|被考核人|干部姓名|书记姓名|name)$|^.{0,6}姓名$/i;
const UNIT_HEADER = /^(单位|工作单位|所在单位|单位名称|党组织|所在党组织|党组织名称|部门|所在部门|单位\(部门\)|单位及职务|unit)$/i;
const POSITION_HEADER = /^(职务|现任职务|职务职级|职级|现职务|职务\(职级\)|position)$/i;
const SEQ_HEADER = /^(序号|编号|no\.?|#)$/i;
const BALLOT_NO_HEADER = /^(票号|选票编号|选票号|测评表编号|测评表号|表号|票编号|ballot(no\.?)?)$/i;
const NOTE_HEADER = /^(备注|说明|note)$/i;
/**
 * Columns an entry sheet or a tally may carry that are no item: counts and rates of its own
 * (好票率, 好+较好率, 满意率); 工作效率 and 办事效率 are items.
 */
const NOT_ITEM_HEADER = /^(有效票|有效票数|票数|合计|小计|总票数|得分|排名|名次|等次|总体等次|是否约谈|约谈)$|(票|好|满意|优秀|良好|称职|合格)率$/;
const FOOTER = /^(填表人|填报人|制表人|审核人|计票人|监票人|唱票人|测评人|负责人|联系人|联系电话|签字|签名|日期|填表日期|注\d?[:：]|说明[:：]|备注[:：]|以下空白)/;
const TOTAL_NAME = /^(合计|小计|总计|共计)$/;
/** A line in the name column that is no person: 实到 42 人, the form's own title, a date. */
const NOT_PERSON = /实到|应到|参加测评|测评表|评议表|票号|第\d+张|[:：]|^.{21,}$/;
const TALLY_WORDS = /统计|汇总|计票|票数/;
/** Words that say a sheet is about ballots, for entry sheets (which have no choice header). */
const BALLOT_HINT = /测评|评议|评价|满意|选票|票号|民主|述职|录入/;

const text = (grid: Grid, r: number, c: number) => compact(cellText(grid.get(r, c)));
const header = (s: string) => s.replace(/[(（][^)）]*[)）]$/, '').replace(/[:：]$/, '');

/** Start columns of the choice cycles of `set` in row r: 好 较好 一般 差 in consecutive cells. */
/** A choice header as a tally may write it: 好（票）, 较好票数, 一般(人) are 好, 较好, 一般. */
function choiceWord(v: CellValue): string {
  if (typeof v !== 'string') return '';
  return compact(v).replace(/[(（][^)）]*[)）]$/, '').replace(/(票数|票|人数)$/, '');
}

function cyclesIn(grid: Grid, r: number, set: string[]): number[] {
  const out: number[] = [];
  const values = grid.rowValues(r);
  for (let c = grid.left; c <= grid.right; c++) {
    const v = values[c - grid.left];
    if (typeof v !== 'string' || choiceWord(v) !== set[0]) continue;
    let ok = true;
    for (let k = 1; k < set.length && ok; k++) ok = choiceWord(grid.get(r, c + k)) === set[k];
    if (!ok) continue;
    out.push(c);
    c += set.length - 1;
  }
  return out;
}

interface GridHeader {
  row: number;
  set: string[];
  cycles: number[];
}

function findChoiceRow(grid: Grid, sets: string[][], from: number, to: number): GridHeader | null {
  for (let r = from; r <= to; r++) {
    let best: GridHeader | null = null;
    for (const set of sets) {
      const cycles = cyclesIn(grid, r, set);
      if (cycles.length > 0 && (!best || cycles.length > best.cycles.length)) best = { row: r, set, cycles };
    }
    if (best) return best;
  }
  return null;
}

function sameCycles(grid: Grid, r: number, h: GridHeader): boolean {
  const v = grid.get(r, h.cycles[0]);
  // Most rows are persons: a tick under the first choice never holds the choice's first character.
  if (typeof v !== 'string' || !v.includes(h.set[0][0]) || choiceWord(v) !== h.set[0]) return false;
  const c = cyclesIn(grid, r, h.set);
  return c.length === h.cycles.length && c.every((x, i) => x === h.cycles[i]);
}

function rowTexts(grid: Grid, r: number): Array<{ col: number; text: string }> {
  const out: Array<{ col: number; text: string }> = [];
  const values = grid.rowValues(r);
  for (let i = 0; i < values.length; i++) {
    const t = cellText(values[i]);
    if (t !== '') out.push({ col: grid.left + i, text: t });
  }
  return out;
}

interface PersonColumns {
  name: number;
  unit: number | null;
  position: number | null;
  seq: number | null;
  ballotNo: number | null;
  note: number | null;
}

function personColumns(grid: Grid, rows: number[], skip: (c: number) => boolean): PersonColumns | null {
  let name: number | null = null;
  const found: Omit<PersonColumns, 'name'> = { unit: null, position: null, seq: null, ballotNo: null, note: null };
  for (let c = grid.left; c <= grid.right; c++) {
    if (skip(c)) continue;
    for (const r of rows) {
      const t = header(text(grid, r, c));
      if (t === '') continue;
      if (name === null && NAME_HEADER.test(t)) name = c;
      else if (found.unit === null && UNIT_HEADER.test(t)) found.unit = c;
      else if (found.position === null && POSITION_HEADER.test(t)) found.position = c;
      else if (found.ballotNo === null && BALLOT_NO_HEADER.test(t)) found.ballotNo = c;
      else if (found.seq === null && SEQ_HEADER.test(t)) found.seq = c;
      else if (found.note === null && NOTE_HEADER.test(t)) found.note = c;
      else continue;
      break;
    }
  }
  return name === null ? null : { name, ...found };
}

interface TitleInfo {
  present: BallotSheet['present'];
  label: string | null;
  tallyWord: boolean;
  first: CellAt | null;
}

function readTitles(grid: Grid, from: number, to: number): TitleInfo {
  const info: TitleInfo = { present: null, label: null, tallyWord: false, first: null };
  for (let r = from; r <= to; r++) {
    for (const { col, text: t } of rowTexts(grid, r)) {
      info.first ??= { row: r, col };
      const n = presentFromText(t);
      if (n !== null && !info.present) info.present = { value: n, at: { row: r, col }, text: t };
      const c = compact(t);
      const no = /票号[:：]?([0-9A-Za-z\-]+)/.exec(c);
      const nth = /第(\d+)张/.exec(c);
      if (info.label === null && (no || nth)) info.label = no ? no[1] : `第 ${nth![1]} 张`;
      if (TALLY_WORDS.test(c)) info.tallyWord = true;
    }
  }
  return info;
}

function personKeyText(v: CellValue): string {
  return compact(cellText(v));
}

/** Merges a second row of the same person on one ballot into the first: two choices in one item are two marks. */
function mergeEntry(into: BallotEntry, other: BallotEntry) {
  into.marks = into.marks.map((a, i) => {
    const b = other.marks[i];
    if (b.state === 'blank' || a.state === 'invalid') return a;
    if (a.state === 'blank' || b.state === 'invalid') return b;
    const ca = a.state === 'valid' ? [a.choice] : a.choices;
    const cb = b.state === 'valid' ? [b.choice] : b.choices;
    const all = [...new Set([...ca, ...cb])].sort((x, y) => x - y);
    return all.length === 1 ? a : { state: 'multiple', choices: all, at: a.at, value: a.state === 'multiple' ? a.value : null };
  });
}

/** Each ballot's entries by person, so a ballot of thousands of rows is read in linear time. */
const ENTRY_INDEX = new WeakMap<Ballot, Map<string, BallotEntry>>();

function addEntry(ballot: Ballot, e: BallotEntry) {
  let index = ENTRY_INDEX.get(ballot);
  if (!index) ENTRY_INDEX.set(ballot, (index = new Map()));
  const key = `${e.person}\u0000${e.unit}`;
  const same = index.get(key);
  if (same) mergeEntry(same, e);
  else {
    index.set(key, e);
    ballot.entries.push(e);
  }
}

/** A ticked grid or a tally: items over choice cycles. */
function readGrid(grid: Grid, first: GridHeader, options: ReadOptions): BallotSheet | null {
  const { set, cycles } = first;
  const len = set.length;
  const inCycle = (c: number) => cycles.some((s) => c >= s && c < s + len);
  // The item row above the choices: texts over the cycles that are no marks.
  const above = first.row - 1;
  const itemRowOk =
    above >= grid.top &&
    cycles.filter((s) => {
      for (let k = 0; k < len; k++) {
        const v = grid.get(above, s + k);
        const t = compact(cellText(v));
        if (t !== '' && typeof v === 'string' && !isTickSymbol(v) && !set.includes(t)) return true;
      }
      return false;
    }).length *
      2 >=
      cycles.length;
  const itemRow = itemRowOk ? above : null;
  const headRows = itemRow !== null ? [itemRow, first.row] : [first.row];
  const persons = personColumns(grid, headRows, inCycle);
  if (!persons) return null;
  const items: string[] = cycles.map((s, i) => {
    if (itemRow === null) return cycles.length === 1 ? options.gradeItem : `第${i + 1}项`;
    for (let k = 0; k < len; k++) {
      const t = cellText(grid.get(itemRow, s + k)).replace(/\s+/g, '');
      if (t !== '') return t;
    }
    return `第${i + 1}项`;
  });
  const itemCells = cycles.map((s) => ({ row: itemRow ?? first.row, col: s }));

  // Every block: the same choice row again further down.
  const headers: number[] = [first.row];
  for (let r = first.row + 1; r <= grid.bottom; r++) if (sameCycles(grid, r, first)) headers.push(r);

  // A title or footer merged across the row (at the name column or not) is no person.
  const wideRows = new Set<number>();
  for (const m of grid.merges) if (m.right - m.left >= 2 && m.left <= cycles[0]) for (let r = m.top; r <= Math.min(m.bottom, grid.bottom); r++) wideRows.add(r);
  const isPersonRow = (r: number) => {
    if (wideRows.has(r)) return false;
    for (const s of cycles) for (let k = 0; k < len; k++) if (cellText(grid.raw(r, s + k)) !== '') return true;
    const name = compact(cellText(grid.raw(r, persons.name)));
    return name !== '' && !NOT_PERSON.test(name);
  };

  interface Block {
    titleFrom: number;
    headerTop: number;
    choiceRow: number;
    rows: number[];
  }
  const blocks: Block[] = [];
  const offset = first.row - (itemRow ?? first.row);
  let prevEnd = grid.top - 1;
  for (let b = 0; b < headers.length; b++) {
    const choiceRow = headers[b];
    const headerTop = choiceRow - offset;
    const nextTop = b + 1 < headers.length ? headers[b + 1] - offset : grid.bottom + 1;
    // The next block's title lines: the non-person rows right above its header.
    let end = nextTop - 1;
    if (b + 1 < headers.length) while (end > choiceRow && !isPersonRow(end)) end--;
    const rows: number[] = [];
    for (let r = choiceRow + 1; r <= end; r++) {
      const name = text(grid, r, persons.name);
      if (FOOTER.test(name) || TOTAL_NAME.test(name)) continue;
      if (isPersonRow(r)) rows.push(r);
    }
    blocks.push({ titleFrom: prevEnd + 1, headerTop, choiceRow, rows });
    prevEnd = end;
  }

  const titles = blocks.map((b) => readTitles(grid, b.titleFrom, b.headerTop - 1));
  const sheetTitle = readTitles(grid, grid.top, blocks[0].headerTop - 1);

  // A 统计/计票 title makes a tally; so does a count above 1 in a grid of numbers only (BALLOT-SPEC).
  // Tick symbols (√ ✓ ○) make a ballot, where a stray 2 is an invalid mark.
  let ticks = 0;
  let above1 = 0;
  for (const b of blocks)
    for (const r of b.rows)
      for (const s of cycles)
        for (let k = 0; k < len; k++) {
          const v = grid.raw(r, s + k);
          if (v === null) continue;
          if (typeof v === 'number') {
            if (v > 1) above1++;
          } else if (isTickSymbol(v)) ticks++;
          else if (typeof v === 'string' && /^\s*\d+\s*$/.test(v) && Number(v) > 1) above1++;
        }
  const tallyWord = titles.some((t) => t.tallyWord) || TALLY_WORDS.test(grid.name);
  const isTally = tallyWord || (ticks === 0 && above1 > 0);

  const left = Math.min(persons.name, persons.unit ?? Infinity, persons.seq ?? Infinity, persons.position ?? Infinity, cycles[0]);
  const ballots: Ballot[] = [];
  const tally: TallyRow[] = [];
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    if (block.rows.length === 0) continue; // a header printed with no one under it
    if (isTally) {
      for (const r of block.rows) {
        tally.push({
          person: personKeyText(grid.get(r, persons.name)),
          unit: persons.unit === null ? '' : personKeyText(grid.get(r, persons.unit)),
          row: r,
          cells: cycles.map((s) => set.map((_, k) => tallyCell(grid, r, s + k))),
        });
      }
      continue;
    }
    const ballot: Ballot = {
      index: ballots.length + 1,
      label: titles[b].label,
      header: { row: block.headerTop, col: left },
      firstItem: { row: block.rows[0], col: cycles[0] },
      entries: [],
    };
    for (const r of block.rows) {
      addEntry(ballot, {
        person: personKeyText(grid.get(r, persons.name)),
        unit: persons.unit === null ? '' : personKeyText(grid.get(r, persons.unit)),
        row: r,
        marks: cycles.map((s) => gridMark(grid, r, s, set)),
      });
    }
    ballots.push(ballot);
  }
  if (ballots.length === 0 && tally.length === 0) return null;
  const lastRow = Math.max(...blocks.map((b) => (b.rows.length > 0 ? b.rows[b.rows.length - 1] : b.choiceRow)));
  const footer = readTitles(grid, lastRow + 1, grid.bottom);
  const present = titles.find((t) => t.present)?.present ?? footer.present;
  const right = cycles[cycles.length - 1] + len - 1;
  const sheet: BallotSheet = {
    sheet: grid.name,
    layout: isTally ? 'tally' : 'grid',
    choices: [...set],
    items,
    itemCells,
    ballots,
    tally,
    roster: [],
    present: present ?? null,
    titleAt: sheetTitle.first ?? present?.at ?? { row: grid.top, col: grid.left },
    nameHeader: { row: headRows[0], col: persons.name },
    headerRows: headRows,
    firstDataRow: first.row + 1,
    lastDataRow: lastRow,
    left,
    right,
    columns: { name: persons.name, unit: persons.unit, position: persons.position, ballotNo: persons.ballotNo, seq: persons.seq },
    reason: { zh: '', en: '' },
  };
  sheet.reason = describe(sheet, blocks.length);
  return sheet;
}

function gridMark(grid: Grid, r: number, start: number, set: string[]): ItemMark {
  let firstTick: CellAt | null = null;
  let firstValue: CellValue = null;
  const ticked: number[] = [];
  for (let k = 0; k < set.length; k++) {
    const v = grid.raw(r, start + k);
    const reading = readTick(v, set[k]);
    if (reading === 'invalid') return { state: 'invalid', at: { row: r, col: start + k }, value: v, choice: k };
    if (reading === 'tick') {
      if (!firstTick) {
        firstTick = { row: r, col: start + k };
        firstValue = v;
      }
      ticked.push(k);
    }
  }
  if (ticked.length === 0) return { state: 'blank', at: { row: r, col: start } };
  if (ticked.length === 1) return { state: 'valid', choice: ticked[0], at: firstTick! };
  return { state: 'multiple', choices: ticked, at: firstTick!, value: firstValue };
}

function tallyCell(grid: Grid, r: number, c: number): TallyCell {
  const raw = grid.raw(r, c);
  const at = { row: r, col: c };
  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return { at, value: 0, raw };
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(compact(raw)) ? Number(compact(raw)) : NaN;
  return { at, value: Number.isInteger(n) && n >= 0 ? n : null, raw };
}

/** An entry sheet: 姓名 and one column per item, holding choice words or codes. */
function readEntrySheet(grid: Grid, options: ReadOptions): BallotSheet | null {
  const last = Math.min(grid.bottom, grid.top + SCAN_ROWS);
  for (let r = grid.top; r <= last; r++) {
    const persons = personColumns(grid, [r], () => false);
    if (!persons) continue;
    const sheet = entryFrom(grid, r, persons, options);
    if (sheet) return sheet;
  }
  return null;
}

function entryFrom(grid: Grid, headerRow: number, persons: PersonColumns, options: ReadOptions): BallotSheet | null {
  const personCols = new Set([persons.name, persons.unit, persons.position, persons.seq, persons.ballotNo, persons.note].filter((c): c is number => c !== null));
  // A group header (测评项目) over the item names: the names are one row down.
  let headRows = [headerRow];
  const candidates: number[] = [];
  for (let c = grid.left; c <= grid.right; c++) if (!personCols.has(c) && text(grid, headerRow, c) !== '') candidates.push(c);
  if (candidates.length === 0) return null;
  const below = headerRow + 1;
  if (below <= grid.bottom) {
    const under = candidates.map((c) => grid.raw(below, c)).filter((v) => cellText(v) !== '');
    const nameBelow = cellText(grid.raw(below, persons.name)) !== '';
    const wordy = under.every((v) => typeof v === 'string' && readEntry(v, options.choiceSets[0]).kind === 'invalid' && readEntry(v, options.choiceSets[1] ?? options.choiceSets[0]).kind === 'invalid');
    if (!nameBelow && under.length > 0 && wordy) {
      headRows = [headerRow, below];
      for (let c = grid.left; c <= grid.right; c++) if (!personCols.has(c) && !candidates.includes(c) && text(grid, below, c) !== '') candidates.push(c);
      candidates.sort((a, b) => a - b);
    }
  }
  const itemName = (c: number) => {
    const low = headRows.length > 1 ? cellText(grid.raw(headRows[1], c)).replace(/\s+/g, '') : '';
    return low !== '' ? low : cellText(grid.get(headerRow, c)).replace(/\s+/g, '');
  };
  // Cheap gates first (detection runs on every sheet, 100,000-row ledgers included): item
  // columns by their headers, a word that says ballots, then the cells of the first rows.
  const known = (c: number) => (options.otherColumns ?? []).some((cols) => matchHeader(itemName(c), cols) !== null);
  const possible = candidates.filter((c) => !NOT_ITEM_HEADER.test(header(compact(itemName(c)))) && !known(c));
  if (possible.length === 0 || possible.length < candidates.filter(known).length) return null;
  const titleText = [grid.name, ...rangeTexts(grid, grid.top, headerRow - 1), ...possible.map(itemName)].join(' ');
  const firstRow = headRows[headRows.length - 1] + 1;
  const rows: number[] = [];
  let r = firstRow;
  const collect = (limit: number) => {
    for (; r <= grid.bottom && rows.length < limit; r++) {
      const name = text(grid, r, persons.name);
      if (FOOTER.test(name)) {
        r = grid.bottom + 1;
        break;
      }
      if (name === '' || TOTAL_NAME.test(name)) continue;
      rows.push(r);
    }
  };
  collect(SAMPLE_ROWS);
  if (rows.length === 0) return null;
  // Which set: the one whose words the sheet uses most; codes alone take the first set that holds them.
  const values = rows.flatMap((row) => possible.map((c) => grid.raw(row, c)));
  const set = chooseSet(values, options.choiceSets, titleText);
  const items = possible.filter((c) => {
    let filled = 0;
    let read = 0;
    for (const row of rows) {
      const v = grid.raw(row, c);
      if (cellText(v) === '') continue;
      filled++;
      const k = readEntry(v, set).kind;
      if (k === 'choice' || k === 'multiple') read++;
    }
    return filled === 0 || read * 10 >= filled * 6;
  });
  const withData = candidates.filter((c) => rows.some((row) => cellText(grid.raw(row, c)) !== ''));
  const itemsWithData = items.filter((c) => withData.includes(c));
  if (itemsWithData.length === 0 || itemsWithData.length * 2 < withData.length) return null;
  // One column of codes beside names could be anything: it needs a 票号 or a word that says ballots.
  if (itemsWithData.length < 2 && persons.ballotNo === null && !BALLOT_HINT.test(titleText)) return null;
  collect(Infinity);

  const ballots: Ballot[] = [];
  const byLabel = new Map<string, Ballot>();
  const seen = new Map<string, number>();
  let lastLabel = '';
  for (const r of rows) {
    const person = personKeyText(grid.get(r, persons.name));
    const unit = persons.unit === null ? '' : personKeyText(grid.get(r, persons.unit));
    let key: string;
    let label: string | null = null;
    let headerAt: CellAt;
    if (persons.ballotNo !== null) {
      const t = cellText(grid.get(r, persons.ballotNo));
      label = t !== '' ? t : lastLabel;
      lastLabel = label;
      key = label;
      headerAt = { row: r, col: persons.ballotNo };
    } else {
      // Without 票号, the k-th row of a person belongs to ballot k.
      const k = (seen.get(`${person}\u0000${unit}`) ?? 0) + 1;
      seen.set(`${person}\u0000${unit}`, k);
      key = String(k);
      headerAt = { row: headerRow, col: Math.min(...personCols, ...items) };
    }
    let ballot = byLabel.get(key);
    if (!ballot) {
      ballot = { index: ballots.length + 1, label, header: headerAt, firstItem: { row: r, col: items[0] }, entries: [] };
      byLabel.set(key, ballot);
      ballots.push(ballot);
    }
    addEntry(ballot, {
      person,
      unit,
      row: r,
      marks: items.map((c) => entryMark(grid, r, c, set)),
    });
  }
  const titles = readTitles(grid, grid.top, headerRow - 1);
  const footer = readTitles(grid, rows[rows.length - 1] + 1, grid.bottom);
  const sheet: BallotSheet = {
    sheet: grid.name,
    layout: 'entry',
    choices: [...set],
    items: items.map(itemName),
    itemCells: items.map((c) => ({ row: headRows[headRows.length - 1], col: c })),
    ballots,
    tally: [],
    roster: [],
    present: titles.present ?? footer.present,
    titleAt: titles.first ?? { row: grid.top, col: grid.left },
    nameHeader: { row: headerRow, col: persons.name },
    headerRows: headRows,
    firstDataRow: firstRow,
    lastDataRow: rows[rows.length - 1],
    left: Math.min(...personCols, ...items),
    right: Math.max(...personCols, ...items),
    columns: { name: persons.name, unit: persons.unit, position: persons.position, ballotNo: persons.ballotNo, seq: persons.seq },
    reason: { zh: '', en: '' },
  };
  sheet.reason = describe(sheet, ballots.length);
  return sheet;
}

function entryMark(grid: Grid, r: number, c: number, set: string[]): ItemMark {
  const v = grid.raw(r, c);
  const at = { row: r, col: c };
  const e = readEntry(v, set);
  switch (e.kind) {
    case 'blank':
      return { state: 'blank', at };
    case 'choice':
      return { state: 'valid', choice: e.choice, at };
    case 'multiple':
      return { state: 'multiple', choices: e.choices, at, value: v };
    default:
      return { state: 'invalid', at, value: v, choice: null };
  }
}

function rangeTexts(grid: Grid, from: number, to: number): string[] {
  const out: string[] = [];
  for (let r = from; r <= to; r++) for (const t of rowTexts(grid, r)) out.push(t.text);
  return out;
}

/** The set whose words the cells (or the title) use most; codes alone: the first set long enough. */
export function chooseSet(values: CellValue[], sets: string[][], hint: string): string[] {
  const words = sets.map(() => 0);
  let maxCode = 0;
  for (const v of values) {
    const t = compact(cellText(v));
    if (t === '') continue;
    sets.forEach((s, i) => {
      if (s.includes(t)) words[i]++;
    });
    const letter = /^[A-Ja-j]$/.test(t) ? t.toUpperCase().charCodeAt(0) - 64 : /^\d$/.test(t) ? Number(t) : 0;
    if (letter > maxCode) maxCode = letter;
  }
  const best = words.indexOf(Math.max(...words));
  if (words[best] > 0) return sets[best];
  const fits = sets.filter((s) => s.length >= maxCode);
  const hinted = fits.find((s) => s.some((w) => w.length >= 2 && compact(hint).includes(w)));
  return hinted ?? fits[0] ?? sets[0];
}

function describe(s: BallotSheet, blocks: number): { zh: string; en: string } {
  const rows = s.headerRows.length > 1 ? `第 ${s.headerRows[0]}–${s.headerRows[s.headerRows.length - 1]} 行` : `第 ${s.headerRows[0]} 行`;
  const rowsEn = s.headerRows.length > 1 ? `rows ${s.headerRows[0]}–${s.headerRows[s.headerRows.length - 1]}` : `row ${s.headerRows[0]}`;
  const what = { grid: '测评票（勾选式）', entry: '测评票录入表', tally: '计票表（票数）', roster: '被测评人名单' }[s.layout];
  const whatEn = { grid: 'ticked ballots', entry: 'ballot entry sheet', tally: 'vote tally', roster: 'list of persons rated' }[s.layout];
  const persons = new Set([...s.ballots.flatMap((b) => b.entries.map((e) => `${e.person}\u0000${e.unit}`)), ...s.tally.map((t) => `${t.person}\u0000${t.unit}`), ...s.roster.map((t) => `${t.person}\u0000${t.unit}`)]).size;
  if (s.layout === 'roster') return { zh: `按表头识别为${what}：表头在${rows}，${persons} 人（用于核对测评票上是否缺人）`, en: `recognised as a ${whatEn}: header in ${rowsEn}, ${persons} persons (to find persons missing from ballots)` };
  const zh = [`按表头识别为${what}：表头在${rows}`, `${s.items.length} 个测评项目（${s.items.slice(0, 5).join('、')}${s.items.length > 5 ? '…' : ''}）`, `选项 ${s.choices.join('/')}`, `${persons} 人`];
  const en = [`recognised as ${whatEn}: header in ${rowsEn}`, `${s.items.length} items`, `choices ${s.choices.join('/')}`, `${persons} persons`];
  if (s.layout === 'grid' || s.layout === 'entry') {
    zh.push(`${s.ballots.length} 张票${s.layout === 'grid' && blocks > 1 ? `（本表叠放 ${blocks} 张）` : ''}`);
    en.push(`${s.ballots.length} ballots`);
  }
  if (s.present) {
    zh.push(`实到 ${s.present.value} 人`);
    en.push(`${s.present.value} present`);
  }
  return { zh: zh.join('，'), en: en.join(', ') };
}

/**
 * The sheet read as ballots, or null when it is not a ballot sheet. A grid is recognised by its
 * choice header (好 较好 一般 差 under items); an entry sheet only when `entry` is allowed (the
 * caller found no responsibility or aid table in it) and its columns hold choices.
 */
export function readBallotSheet(grid: Grid, options: ReadOptions, entry = true): BallotSheet | null {
  const top = findChoiceRow(grid, options.choiceSets, grid.top, Math.min(grid.bottom, grid.top + SCAN_ROWS));
  if (top) {
    const g = readGrid(grid, top, options);
    if (g) return g;
  }
  if (!entry) return null;
  return readEntrySheet(grid, options) ?? readRoster(grid, options);
}

/** Columns a 名单 may have beside 姓名 and 单位. */
const ROSTER_HEADER = /^(性别|年龄|出生年月|出生日期|民族|学历|政治面貌|任职时间|联系电话|签到|签名)$/;

/**
 * A 名单 (the persons to be rated): a sheet named or titled …名单 whose header has 姓名 and only
 * person columns. It makes ballot.person-missing find someone no ballot of the file names.
 */
function readRoster(grid: Grid, options: ReadOptions): BallotSheet | null {
  const last = Math.min(grid.bottom, grid.top + SCAN_ROWS);
  for (let r = grid.top; r <= last; r++) {
    const persons = personColumns(grid, [r], () => false);
    if (!persons) continue;
    const titled = /名单/.test(grid.name) || rangeTexts(grid, grid.top, r - 1).some((t) => /名单/.test(t));
    if (!titled) return null;
    const own = new Set([persons.name, persons.unit, persons.position, persons.seq, persons.note].filter((c): c is number => c !== null));
    for (const { col, text: t } of rowTexts(grid, r)) if (!own.has(col) && !ROSTER_HEADER.test(header(compact(t)))) return null;
    const roster: BallotSheet['roster'] = [];
    for (let row = r + 1; row <= grid.bottom; row++) {
      const name = text(grid, row, persons.name);
      if (FOOTER.test(name)) break;
      if (name === '' || TOTAL_NAME.test(name) || NOT_PERSON.test(name)) continue;
      roster.push({ person: name, unit: persons.unit === null ? '' : personKeyText(grid.get(row, persons.unit)), row });
    }
    if (roster.length === 0) return null;
    const sheet: BallotSheet = {
      sheet: grid.name,
      layout: 'roster',
      choices: [...options.choiceSets[0]],
      items: [],
      itemCells: [],
      ballots: [],
      tally: [],
      roster,
      present: null,
      titleAt: { row: grid.top, col: grid.left },
      nameHeader: { row: r, col: persons.name },
      headerRows: [r],
      firstDataRow: r + 1,
      lastDataRow: roster[roster.length - 1].row,
      left: Math.min(...own),
      right: Math.max(...own),
      columns: { name: persons.name, unit: persons.unit, position: persons.position, ballotNo: null, seq: persons.seq },
      reason: { zh: '', en: '' },
    };
    sheet.reason = describe(sheet, 0);
    return sheet;
  }
  return null;
}
