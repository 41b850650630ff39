import { Tab, TabList, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { cellAddress, columnLetter } from '../core/address';
import { dayFromExcelSerial, dayToIso } from '../core/read/date';
import { SimSheet, SimWorkbook, key, COLS } from '../excel-sim/state';

const ROW_HEIGHT = 24;
const MAX_COLS = 40;

export interface GridProps {
  doc: SimWorkbook;
  /** Bumped whenever the host changed the workbook or the selection. */
  version: number;
  label: string;
}

function extent(sheet: SimSheet): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const k of sheet.cells.keys()) {
    const r = Math.floor(k / COLS);
    const c = k % COLS;
    if (r > rows) rows = r;
    if (c > cols) cols = c;
  }
  return { rows: Math.max(rows, 20), cols: Math.min(Math.max(cols, 8), MAX_COLS) };
}

function display(sheet: SimSheet, row: number, col: number): string {
  const cell = sheet.cells.get(key(row, col));
  if (!cell) return '';
  if (cell.formula) return cell.formula;
  if (typeof cell.value === 'number' && cell.numberFormat && /y|d/.test(cell.numberFormat) && cell.numberFormat !== '@') {
    const day = dayFromExcelSerial(cell.value);
    if (day !== null) return dayToIso(day);
  }
  if (typeof cell.value === 'number' && cell.numberFormat === '0.0%') return `${(cell.value * 100).toFixed(1)}%`;
  return String(cell.value);
}

/**
 * A read-only view of the in-memory workbook: one tab per sheet (summary tabs appear as they are
 * written), rows drawn only where the view is, so 100,000 rows scroll smoothly.
 */
export function Grid({ doc, version, label }: GridProps) {
  const visible = doc.sheets.filter((s) => s.visibility === 'Visible');
  const [active, setActive] = useState(visible[0]?.name ?? '');
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const box = useRef<HTMLDivElement>(null);
  const sheet = doc.sheet(active) ?? visible[0];
  const size = useMemo(() => (sheet ? extent(sheet) : { rows: 0, cols: 0 }), [sheet, version]);
  const selection = doc.selection;

  // The host selected a cell (a finding was clicked): show its sheet and scroll it into view.
  useEffect(() => {
    const target = selection?.sheet ?? doc.activeSheet;
    if (target && doc.sheet(target)) setActive(doc.sheet(target)!.name);
    if (selection && box.current) {
      const row = Number(/\d+/.exec(selection.address)?.[0] ?? 1);
      box.current.scrollTop = Math.max(0, (row - 5) * ROW_HEIGHT);
    }
  }, [version]);

  useEffect(() => {
    if (!doc.sheet(active) && visible[0]) setActive(visible[0].name);
    if (box.current) setHeight(box.current.clientHeight);
  });

  if (!sheet) return null;
  const first = Math.max(1, Math.floor(scrollTop / ROW_HEIGHT) - 5);
  const last = Math.min(size.rows, first + Math.ceil(height / ROW_HEIGHT) + 10);
  const selected = selection && selection.sheet === sheet.name ? selection.address.split(':')[0] : null;
  const rows = [];
  for (let r = first; r <= last; r++) {
    const cells = [];
    for (let c = 1; c <= size.cols; c++) {
      const a = cellAddress(r, c);
      const isSel = a === selected;
      cells.push(
        <td key={c} data-cell={a} aria-selected={isSel} style={{ border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '0 4px', whiteSpace: 'nowrap', overflow: 'hidden', maxWidth: 220, textOverflow: 'ellipsis', background: isSel ? tokens.colorBrandBackground2 : undefined, outline: isSel ? `2px solid ${tokens.colorBrandStroke1}` : undefined }}>
          {display(sheet, r, c)}
        </td>,
      );
    }
    rows.push(
      <tr key={r} style={{ height: ROW_HEIGHT }}>
        <th scope="row" style={{ background: tokens.colorNeutralBackground3, fontWeight: 'normal', padding: '0 4px' }}>
          {r}
        </th>
        {cells}
      </tr>,
    );
  }
  return (
    <section aria-label={label} style={{ display: 'flex', flexDirection: 'column', minHeight: 0, flex: 1 }}>
      <TabList selectedValue={sheet.name} onTabSelect={(_, d) => setActive(String(d.value))} size="small" aria-label={label} style={{ flexWrap: 'wrap' }}>
        {visible.map((s) => (
          <Tab key={s.id} value={s.name}>
            {s.name}
          </Tab>
        ))}
      </TabList>
      <div ref={box} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} style={{ overflow: 'auto', flex: 1, minHeight: 300, fontSize: 12 }} data-testid="grid" tabIndex={0} aria-label={`${label}：${sheet.name}`}>
        <table role="grid" aria-rowcount={size.rows} style={{ borderCollapse: 'collapse', tableLayout: 'fixed' }}>
          <thead>
            <tr>
              <th scope="col" style={{ width: 48 }}>
                <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>行号</span>
              </th>
              {Array.from({ length: size.cols }, (_, i) => (
                <th key={i} scope="col" style={{ background: tokens.colorNeutralBackground3, fontWeight: 'normal', minWidth: 60 }}>
                  {columnLetter(i + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr style={{ height: (first - 1) * ROW_HEIGHT }} aria-hidden />
            {rows}
            <tr style={{ height: Math.max(0, size.rows - last) * ROW_HEIGHT }} aria-hidden />
          </tbody>
        </table>
      </div>
    </section>
  );
}
