import { parseRange, RangeRef, rangeAddress } from '../core/address';
import { jsonBytes, SimContextCore, SimError, SimObject, SimOptions, CELL_LIMIT } from './context';
import { key, SimCell, SimChart, SimSheet, SimWorkbook } from './state';

/**
 * The part of the Excel JavaScript API that Ledger Check uses, over SimWorkbook, as strict as
 * Excel: unloaded properties throw, writes wait for sync(), payloads are counted and capped.
 */
type RangeTarget = { sheet: SimSheet; ref: RangeRef };

const BAD_SHEET_NAME = /[\\/?*[\]:]/;

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Excel turns typed text that starts with = (or +, -, @ followed by a non-number) into a formula. */
function looksLikeFormula(s: string): boolean {
  if (s.startsWith('=')) return s.length > 1;
  if (/^[+\-@]/.test(s)) return s.length > 1 && Number.isNaN(Number(s));
  return false;
}

/**
 * Applies a 2D array to a range cell by cell, as Excel does for values and numberFormat: the
 * array must match the range exactly; `apply` edits the cell and says whether it still holds anything.
 */
function eachCell(name: string, sheet: SimSheet, ref: RangeRef, v: unknown[][], apply: (cell: SimCell, x: unknown) => boolean) {
  const rows = ref.bottom - ref.top + 1;
  const cols = ref.right - ref.left + 1;
  if (!Array.isArray(v) || v.length !== rows || v.some((r) => !Array.isArray(r) || r.length !== cols)) {
    throw new SimError('InvalidArgument', `${name} must be a ${rows}×${cols} array`);
  }
  v.forEach((row, i) =>
    row.forEach((x, j) => {
      const k = key(ref.top + i, ref.left + j);
      const cell = sheet.cells.get(k) ?? { value: '' };
      if (apply(cell, x)) sheet.cells.set(k, cell);
      else sheet.cells.delete(k);
    }),
  );
}

export class SimRange extends SimObject<RangeTarget> {
  constructor(core: SimContextCore, resolver: (doc: SimWorkbook) => RangeTarget | null) {
    super(core, resolver, 'Range');
  }
  protected override defaultProps() {
    return ['address', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex'];
  }
  protected override readScalar(t: RangeTarget, prop: string): unknown {
    const { sheet, ref } = t;
    const rows = ref.bottom - ref.top + 1;
    const cols = ref.right - ref.left + 1;
    switch (prop) {
      case 'address':
        return `${quoteSheet(sheet.name)}!${rangeAddress(ref)}`;
      case 'rowCount':
        return rows;
      case 'columnCount':
        return cols;
      case 'rowIndex':
        return ref.top - 1;
      case 'columnIndex':
        return ref.left - 1;
      case 'values':
      case 'numberFormat':
      case 'formulas': {
        if (rows * cols > CELL_LIMIT) throw new SimError('RangeExceedsLimit', `${rows * cols} cells exceed ${CELL_LIMIT}`);
        const out: unknown[][] = [];
        for (let r = ref.top; r <= ref.bottom; r++) {
          const row: unknown[] = [];
          for (let c = ref.left; c <= ref.right; c++) {
            const cell = sheet.cells.get(key(r, c));
            if (prop === 'numberFormat') row.push(cell?.numberFormat ?? 'General');
            else if (prop === 'formulas') row.push(cell?.formula ?? cell?.value ?? '');
            else row.push(cell ? cell.value : '');
          }
          out.push(row);
        }
        return out;
      }
    }
    return super.readScalar(t, prop);
  }
  get address(): string {
    return this.read('address');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get values(): unknown[][] {
    return this.read('values');
  }
  set values(v: unknown[][]) {
    this.write(jsonBytes(v), ({ sheet, ref }) =>
      eachCell('values', sheet, ref, v, (cell, value) => {
        if (value === null || value === undefined || value === '') {
          delete cell.formula;
          cell.value = '';
        } else if (typeof value === 'string' && cell.numberFormat !== '@' && looksLikeFormula(value)) {
          cell.formula = value;
          cell.value = '';
        } else {
          delete cell.formula;
          cell.value = value as string | number | boolean;
        }
        return cell.value !== '' || !!cell.formula || !!cell.numberFormat;
      }),
    );
  }
  get numberFormat(): unknown[][] {
    return this.read('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.write(jsonBytes(v), ({ sheet, ref }) =>
      eachCell('numberFormat', sheet, ref, v, (cell, nf) => {
        cell.numberFormat = String(nf);
        return true;
      }),
    );
  }
  set hyperlink(h: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.write(jsonBytes(h), ({ sheet, ref }) => {
      for (let r = ref.top; r <= ref.bottom; r++) for (let c = ref.left; c <= ref.right; c++) sheet.hyperlinks.set(key(r, c), { ...h });
    });
  }
  get format() {
    const each = (apply: (f: { bold?: boolean; fill?: string; fontColor?: string; wrap?: boolean }) => void, bytes = 24) =>
      this.write(bytes, ({ sheet, ref }) => {
        for (let r = ref.top; r <= ref.bottom; r++)
          for (let c = ref.left; c <= ref.right; c++) {
            const f = sheet.formats.get(key(r, c)) ?? {};
            apply(f);
            sheet.formats.set(key(r, c), f);
          }
      });
    const self = this;
    return {
      set columnWidth(w: number) {
        self.write(16, ({ sheet, ref }) => {
          for (let c = ref.left; c <= ref.right; c++) sheet.columnWidths.set(c, w);
        });
      },
      set wrapText(w: boolean) {
        each((f) => (f.wrap = w));
      },
      set rowHeight(h: number) {
        self.write(16, ({ sheet, ref }) => {
          for (let r = ref.top; r <= ref.bottom; r++) sheet.rowHeights.set(r, h);
        });
      },
      font: {
        set bold(b: boolean) {
          each((f) => (f.bold = b));
        },
        set color(c: string) {
          each((f) => (f.fontColor = c));
        },
      },
      fill: {
        set color(c: string) {
          each((f) => (f.fill = c));
        },
      },
    };
  }
  select(): void {
    this.write(16, ({ sheet, ref }, doc) => {
      doc.activeSheet = sheet.name;
      doc.selection = { sheet: sheet.name, address: rangeAddress(ref) };
    });
  }
  /** As Excel: only the top-left value stays; a range overlapping another merged area is refused. */
  merge(across = false): void {
    if (across) throw new SimError('NotImplemented', 'merge across is not simulated');
    this.write(16, ({ sheet, ref }) => {
      const overlaps = (m: RangeRef) => m.top <= ref.bottom && ref.top <= m.bottom && m.left <= ref.right && ref.left <= m.right;
      if (sheet.merges.some(overlaps)) throw new SimError('InvalidOperation', `${rangeAddress(ref)} overlaps a merged area`);
      for (let r = ref.top; r <= ref.bottom; r++)
        for (let c = ref.left; c <= ref.right; c++) if (r !== ref.top || c !== ref.left) sheet.cells.delete(key(r, c));
      sheet.merges.push(ref);
    });
  }
  getMergedAreasOrNullObject(): SimRangeAreas {
    return new SimRangeAreas(this.core, (doc) => {
      const { sheet, ref } = this.targetIn(doc);
      // As in Excel: only the areas whose top-left cell lies in the range.
      const areas = sheet.merges.filter((m) => m.top >= ref.top && m.top <= ref.bottom && m.left >= ref.left && m.left <= ref.right);
      return areas.length ? { sheet, areas } : null;
    });
  }
}

export class SimRangeAreas extends SimObject<{ sheet: SimSheet; areas: RangeRef[] }> {
  constructor(core: SimContextCore, resolver: (doc: SimWorkbook) => { sheet: SimSheet; areas: RangeRef[] } | null) {
    super(core, resolver, 'RangeAreas');
  }
  protected override readScalar(t: { sheet: SimSheet; areas: RangeRef[] }, prop: string): unknown {
    if (prop === 'address') return t.areas.map((a) => `${quoteSheet(t.sheet.name)}!${rangeAddress(a)}`).join(', ');
    if (prop === 'areaCount') return t.areas.length;
    return super.readScalar(t, prop);
  }
  get address(): string {
    return this.read('address');
  }
}

class SimNamedItem extends SimObject<{ sheet: SimSheet; name: string }> {
  set visible(v: boolean) {
    this.write(8, ({ sheet, name }) => (sheet.names.get(name)!.visible = v));
  }
}

export class SimWorksheet extends SimObject<SimSheet> {
  constructor(core: SimContextCore, resolver: (doc: SimWorkbook) => SimSheet | null) {
    super(core, resolver, 'Worksheet');
  }
  protected override defaultProps() {
    return ['name', 'visibility', 'position', 'id'];
  }
  protected override readScalar(t: SimSheet, prop: string): unknown {
    if (prop === 'name') return t.name;
    if (prop === 'visibility') return t.visibility;
    if (prop === 'id') return `{sheet-${t.id}}`;
    return super.readScalar(t, prop);
  }
  protected override loadProp(t: SimSheet, prop: string, doc: SimWorkbook): unknown {
    if (prop === 'position') {
      const p = doc.sheets.indexOf(t);
      this.setLoaded('position', p);
      return p;
    }
    return super.loadProp(t, prop, doc);
  }
  /** For items of a collection: the proxy is bound to its sheet from the start. */
  static bound(core: SimContextCore, sheet: SimSheet): SimWorksheet {
    const ws = new SimWorksheet(core, () => sheet);
    ws.bind(sheet);
    return ws;
  }
  bindTo(sheet: SimSheet) {
    this.bind(sheet);
  }
  markLoaded(prop: string, v: unknown) {
    this.setLoaded(prop, v);
  }
  get name(): string {
    return this.read('name');
  }
  set name(n: string) {
    this.write(jsonBytes(n), (t, doc) => {
      if (n.length > 31 || BAD_SHEET_NAME.test(n) || n.trim() === '') throw new SimError('InvalidArgument', `bad sheet name ${n}`);
      if (doc.sheets.some((s) => s !== t && s.name.toLowerCase() === n.toLowerCase())) throw new SimError('ItemAlreadyExists', `a sheet named ${n} exists`);
      t.name = n;
    });
  }
  get visibility(): string {
    return this.read('visibility');
  }
  set visibility(v: 'Visible' | 'Hidden' | 'VeryHidden') {
    this.write(16, (t, doc) => {
      if (v !== 'Visible' && doc.sheets.filter((s) => s.visibility === 'Visible' && s !== t).length === 0) throw new SimError('InvalidOperation', 'a workbook needs one visible sheet');
      t.visibility = v;
    });
  }
  get position(): number {
    return this.read('position');
  }
  delete(): void {
    this.write(8, (t, doc) => {
      if (doc.sheets.length === 1) throw new SimError('InvalidOperation', 'cannot delete the only sheet');
      doc.sheets.splice(doc.sheets.indexOf(t), 1);
    });
  }
  activate(): void {
    this.write(8, (t, doc) => (doc.activeSheet = t.name));
  }
  getRange(address: string): SimRange {
    return new SimRange(this.core, (doc) => {
      const sheet = this.targetIn(doc);
      const ref = parseRange(address.replace(/^.*!/, ''));
      if (!ref) throw new SimError('InvalidArgument', `bad address ${address}`);
      return { sheet, ref };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): SimRange {
    return new SimRange(this.core, (doc) => ({
      sheet: this.targetIn(doc),
      ref: { top: startRow + 1, left: startColumn + 1, bottom: startRow + rowCount, right: startColumn + columnCount },
    }));
  }
  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    return new SimRange(this.core, (doc) => {
      const sheet = this.targetIn(doc);
      let top = Infinity;
      let left = Infinity;
      let bottom = 0;
      let right = 0;
      for (const [k, c] of sheet.cells) {
        if (valuesOnly && c.value === '' && !c.formula) continue;
        const r = Math.floor(k / 16_384);
        const col = k % 16_384;
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = Math.min(left, col);
        right = Math.max(right, col);
      }
      return bottom === 0 ? null : { sheet, ref: { top, left, bottom, right } };
    });
  }
  get freezePanes() {
    return { freezeRows: (n: number) => this.write(8, (t) => (t.frozenRows = n)) };
  }
  get pageLayout() {
    const self = this;
    return {
      set orientation(o: string) {
        self.write(16, (t) => (t.pageLayout.orientation = o));
      },
      set paperSize(p: string) {
        self.write(16, (t) => (t.pageLayout.paperSize = p));
      },
      set zoom(z: { horizontalFitToPages?: number; verticalFitToPages?: number }) {
        self.write(32, (t) => {
          t.pageLayout.fitToWidth = z.horizontalFitToPages === 1;
          t.pageLayout.fitToHeight = z.verticalFitToPages;
        });
      },
      setPrintTitleRows(rows: string) {
        self.write(16, (t) => (t.pageLayout.printTitleRows = rows));
      },
    };
  }
  get customProperties() {
    return new SimCustomProperties(this.core, (doc) => this.targetIn(doc));
  }
  get names() {
    const self = this;
    return {
      add: (name: string, reference: string, _comment?: string) => {
        const item = new SimNamedItem(this.core, (doc) => ({ sheet: self.targetIn(doc), name }), 'NamedItem');
        this.write(jsonBytes(reference), (t) => {
          if (t.names.has(name)) throw new SimError('ItemAlreadyExists', `name ${name} exists`);
          t.names.set(name, { formula: reference, visible: true });
        });
        return item;
      },
      getItemOrNullObject: (name: string) => new SimSheetName(this.core, (doc) => {
        const sheet = self.targetIn(doc);
        return sheet.names.has(name) ? { sheet, name } : null;
      }),
    };
  }
  get tables() {
    return {
      add: (address: string, _hasHeaders: boolean) => {
        const table = new SimTableProxy(this.core, (doc) => {
          const sheet = this.targetIn(doc);
          return sheet.tables.find((t) => t.range === address.replace(/^.*!/, '')) ?? null;
        });
        this.write(32, (t, doc) => {
          const ref = parseRange(address.replace(/^.*!/, ''))!;
          const clash = t.tables.some((x) => {
            const r = parseRange(x.range)!;
            return r.top <= ref.bottom && ref.top <= r.bottom && r.left <= ref.right && ref.left <= r.right;
          });
          if (clash) throw new SimError('InvalidArgument', 'tables cannot overlap');
          const used = new Set(doc.sheets.flatMap((s) => s.tables.map((x) => x.name.toLowerCase())));
          let n = 1;
          while (used.has(`table${n}`)) n++;
          t.tables.push({ name: `Table${n}`, range: address.replace(/^.*!/, ''), style: 'TableStyleMedium2' });
        });
        return table;
      },
    };
  }
  get charts() {
    return {
      add: (type: string, source: SimRange, _seriesBy?: string) => {
        const index = { n: -1 };
        const chart = new SimChartProxy(this.core, (doc) => this.targetIn(doc).charts[index.n] ?? null);
        this.write(48, (t, doc) => {
          const src = source.targetIn(doc);
          if (!CHART_TYPES.has(type)) throw new SimError('InvalidArgument', `unknown chart type ${type}`);
          // Series by columns: one per column of the source, each over the source's rows.
          const series = [];
          for (let c = src.ref.left; c <= src.ref.right; c++) series.push({ values: rangeAddress({ ...src.ref, left: c, right: c }) });
          t.charts.push({ type, source: rangeAddress(src.ref), title: '', series, categoryAxis: {}, legend: {} });
          index.n = t.charts.length - 1;
        });
        return chart;
      },
    };
  }
}

class SimSheetName extends SimObject<{ sheet: SimSheet; name: string }> {
  constructor(core: SimContextCore, resolver: (doc: SimWorkbook) => { sheet: SimSheet; name: string } | null) {
    super(core, resolver, 'NamedItem');
  }
  protected override readScalar(t: { sheet: SimSheet; name: string }, prop: string): unknown {
    const n = t.sheet.names.get(t.name)!;
    if (prop === 'formula') return n.formula;
    if (prop === 'value') return n.formula.replace(/^="?|"$/g, '');
    if (prop === 'name') return t.name;
    if (prop === 'visible') return n.visible;
    return super.readScalar(t, prop);
  }
  get formula(): string {
    return this.read('formula');
  }
}

class SimCustomProperties extends SimObject<SimSheet> {
  constructor(core: SimContextCore, resolver: (doc: SimWorkbook) => SimSheet | null) {
    super(core, resolver, 'WorksheetCustomPropertyCollection');
  }
  protected override loadProp(t: SimSheet, prop: string): unknown {
    if (prop.startsWith('items')) {
      const items = [...t.customProperties].map(([k, v]) => ({ key: k, value: v }));
      this.setLoaded('items', items);
      return items;
    }
    return super.loadProp(t, prop, undefined as never);
  }
  get items(): Array<{ key: string; value: string }> {
    return this.read('items');
  }
  add(k: string, v: string): void {
    this.write(jsonBytes([k, v]), (t) => {
      if (k.length > 255) throw new SimError('InvalidArgument', 'key too long');
      t.customProperties.set(k, v);
    });
  }
}

class SimTableProxy extends SimObject<{ name: string; range: string; style: string }> {
  constructor(core: SimContextCore, resolver: (doc: SimWorkbook) => { name: string; range: string; style: string } | null) {
    super(core, resolver, 'Table');
  }
  set name(n: string) {
    this.write(jsonBytes(n), (t, doc) => {
      if (!/^[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*$/.test(n)) throw new SimError('InvalidArgument', `bad table name ${n}`);
      if (doc.sheets.some((s) => s.tables.some((x) => x !== t && x.name.toLowerCase() === n.toLowerCase()))) throw new SimError('InvalidArgument', `table name ${n} is taken`);
      t.name = n;
    });
  }
  set style(s: string) {
    this.write(jsonBytes(s), (t) => (t.style = s));
  }
}

class SimChartProxy extends SimObject<SimChart> {
  constructor(core: SimContextCore, resolver: (doc: SimWorkbook) => SimChart | null) {
    super(core, resolver, 'Chart');
  }
  get title() {
    const self = this;
    return {
      set text(s: string) {
        self.write(jsonBytes(s), (t) => (t.title = s));
      },
    };
  }
  setPosition(start: string, end: string): void {
    this.write(24, (t) => (t.position = [start, end]));
  }
  get series() {
    const self = this;
    // As in Excel, an index past the chart's series fails at sync.
    const item = (t: SimChart, i: number) => {
      const s = t.series[i];
      if (!s) throw new SimError('ItemNotFound', `the chart has no series ${i}`);
      return s;
    };
    return {
      getItemAt: (i: number) => ({
        setXAxisValues: (r: SimRange) =>
          this.write(24, (t, doc) => {
            const ref = r.targetIn(doc).ref;
            const values = parseRange(item(t, i).values)!;
            if (ref.bottom - ref.top !== values.bottom - values.top) throw new SimError('InvalidArgument', 'categories and values differ in length');
            item(t, i).categories = rangeAddress(ref);
            if (i === 0) t.categories = rangeAddress(ref);
          }),
        set name(n: string) {
          self.write(jsonBytes(n), (t) => (item(t, i).name = n));
        },
        format: {
          fill: {
            setSolidColor: (color: string) =>
              this.write(jsonBytes(color), (t) => {
                if (!/^#[0-9A-Fa-f]{6}$/.test(color)) throw new SimError('InvalidArgument', `bad colour ${color}`);
                item(t, i).fill = color;
              }),
          },
        },
      }),
    };
  }
  get axes() {
    const self = this;
    return {
      categoryAxis: {
        set reversePlotOrder(b: boolean) {
          self.write(8, (t) => (t.categoryAxis.reversePlotOrder = b));
        },
        set position(p: string) {
          self.write(jsonBytes(p), (t) => {
            if (!['Automatic', 'Maximum', 'Minimum', 'Custom'].includes(p)) throw new SimError('InvalidArgument', `bad axis position ${p}`);
            t.categoryAxis.position = p;
          });
        },
      },
    };
  }
  get legend() {
    const self = this;
    return {
      set position(p: string) {
        self.write(jsonBytes(p), (t) => {
          if (!['Top', 'Bottom', 'Left', 'Right', 'Corner', 'Custom', 'Invalid'].includes(p)) throw new SimError('InvalidArgument', `bad legend position ${p}`);
          t.legend.position = p;
        });
      },
    };
  }
}

/** The chart types Ledger Check asks for (Excel knows many more; anything else is a mistake here). */
const CHART_TYPES = new Set(['ColumnClustered', 'BarStacked']);

export class SimWorksheetCollection extends SimObject<SimWorkbook> {
  private itemProxies: SimWorksheet[] = [];
  constructor(core: SimContextCore) {
    super(core, (doc) => doc, 'WorksheetCollection');
  }
  protected override loadProp(doc: SimWorkbook, prop: string): unknown {
    // "items/name" style loads: one bound proxy per sheet, with the named properties loaded.
    const m = /^items(?:\/(\w+))?$/.exec(prop);
    if (!m) return super.loadProp(doc, prop, doc);
    if (this.itemProxies.length !== doc.sheets.length || this.itemProxies.some((p, i) => p.targetIn(doc) !== doc.sheets[i])) {
      this.itemProxies = doc.sheets.map((s) => SimWorksheet.bound(this.core, s));
    }
    const field = m[1] ?? 'name';
    const vals = doc.sheets.map((s, i) => (field === 'position' ? i : field === 'name' ? s.name : field === 'visibility' ? s.visibility : `{sheet-${s.id}}`));
    this.itemProxies.forEach((p, i) => p.markLoaded(field, vals[i]));
    this.setLoaded('items', this.itemProxies);
    return vals;
  }
  get items(): SimWorksheet[] {
    return this.read('items');
  }
  add(name: string): SimWorksheet {
    const ws = new SimWorksheet(this.core, () => null);
    this.write(jsonBytes(name), (doc) => {
      if (name.length > 31 || BAD_SHEET_NAME.test(name)) throw new SimError('InvalidArgument', `bad sheet name ${name}`);
      if (doc.sheet(name)) throw new SimError('ItemAlreadyExists', `a sheet named ${name} exists`);
      ws.bindTo(doc.addSheet(name));
    });
    return ws;
  }
  getItem(name: string): SimWorksheet {
    return new SimWorksheet(this.core, (doc) => {
      const s = doc.sheet(name);
      if (!s) throw new SimError('ItemNotFound', `no sheet named ${name}`);
      return s;
    });
  }
  getItemOrNullObject(name: string): SimWorksheet {
    return new SimWorksheet(this.core, (doc) => doc.sheet(name) ?? null);
  }
}

class SimSetting extends SimObject<{ key: string; value: unknown }> {
  constructor(core: SimContextCore, resolver: (doc: SimWorkbook) => { key: string; value: unknown } | null) {
    super(core, resolver, 'Setting');
  }
  protected override readScalar(t: { key: string; value: unknown }, prop: string): unknown {
    if (prop === 'value') return t.value;
    if (prop === 'key') return t.key;
    return super.readScalar(t, prop);
  }
  get value(): unknown {
    return this.read('value');
  }
}

export class SimRequestContext {
  readonly core: SimContextCore;
  readonly workbook;
  constructor(doc: SimWorkbook, options: SimOptions = {}) {
    const core = (this.core = new SimContextCore(doc, options));
    this.workbook = {
      worksheets: new SimWorksheetCollection(core),
      settings: {
        getItemOrNullObject: (k: string) => new SimSetting(core, (d) => (d.settings.has(k) ? { key: k, value: d.settings.get(k) } : null)),
        add: (k: string, v: unknown) =>
          core.enqueue({
            bytes: jsonBytes([k, v]),
            run: (d) => {
              d.settings.set(k, structuredClone(v));
              return 8;
            },
          }),
      },
      application: {
        suspendScreenUpdatingUntilNextSync: () => core.enqueue({ bytes: 8, run: () => 0 }),
        suspendApiCalculationUntilNextSync: () => core.enqueue({ bytes: 8, run: () => 0 }),
      },
      getSelectedRange: () => new SimRange(core, (d) => {
        if (!d.selection) return null;
        const sheet = d.sheet(d.selection.sheet)!;
        return { sheet, ref: parseRange(d.selection.address)! };
      }),
    };
  }
  get stats() {
    return this.core.stats;
  }
  sync(): Promise<void> {
    return this.core.sync();
  }
}

