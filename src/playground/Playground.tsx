import { Button, FluentProvider, Text, Toolbar, ToolbarButton, ToolbarDivider, webLightTheme } from '@fluentui/react-components';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Lang } from '../core/messages';
import { parseSettings, SettingsInput } from '../core/settings';
import { SimRequestContext } from '../excel-sim/api';
import { SimWorkbook } from '../excel-sim/state';
import { createLedgerApi, LedgerApi } from '../excel/ledger-api';
import { SETTINGS_KEY } from '../excel/settings-store';
import { FULL_SUPPORT } from '../excel/support';
import { App } from '../taskpane/App';
import { Grid } from './Grid';
import { bigAidWorkbook, simFromXlsx } from './load-workbook';

export interface Sample {
  label: { zh: string; en: string };
  file: string;
  /** Settings stored in the workbook when it opens (as-of date, campaign window). */
  settings: SettingsInput;
}

export const SAMPLES: Sample[] = [
  { label: { zh: '样例：目标任务分解表', en: 'Sample: responsibility table' }, file: '创城目标任务分解表-2017.xlsx', settings: { asOf: '2017-07-15' } },
  { label: { zh: '样例：帮扶救助台账', en: 'Sample: aid ledger' }, file: '东昌府区帮扶救助台账-2017春节.xlsx', settings: { asOf: '2017-07-15', window: { from: '2017-01-09', to: '2017-01-22' }, equations: ['(5)=(6)+(7)'] } },
];

const T = {
  zh: { title: 'Ledger Check 试用（无需 Excel）', big: '生成 100,000 户台账', open: '打开 .xlsx…', drop: '或把 .xlsx 文件拖到这里', grid: '工作簿', lang: 'English', loading: '正在打开…', failed: '无法打开：' },
  en: { title: 'Ledger Check playground (no Excel needed)', big: 'Generate 100,000 households', open: 'Open .xlsx…', drop: 'or drop an .xlsx file here', grid: 'Workbook', lang: '中文', loading: 'Opening…', failed: 'Cannot open: ' },
};

interface Opened {
  doc: SimWorkbook;
  name: string;
  id: number;
}

let opened = 0;

function withSettings(doc: SimWorkbook, settings: SettingsInput): SimWorkbook {
  doc.settings.set(SETTINGS_KEY, JSON.stringify(parseSettings(settings)));
  return doc;
}

/**
 * The real task pane beside a view of a workbook held by the in-memory Excel. Everything runs
 * in the page: samples and dropped files are read here, nothing leaves the machine.
 */
export function Playground({ initial, initialLang = 'zh' }: { initial: Opened; initialLang?: Lang }) {
  const [book, setBook] = useState<Opened>(initial);
  const [lang, setLang] = useState<Lang>(initialLang);
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const t = T[lang];

  const api = useMemo<LedgerApi>(() => {
    const base = createLedgerApi((fn) => fn(new SimRequestContext(book.doc) as unknown as Excel.RequestContext), { support: FULL_SUPPORT, fileName: () => book.name, version: LEDGERCHECK_VERSION });
    const bump = <T,>(p: Promise<T>) => p.finally(() => setVersion((v) => v + 1));
    return { ...base, check: (s, onProgress, activate) => bump(base.check(s, onProgress, activate)), select: (sheet, cell) => bump(base.select(sheet, cell)), saveSettings: (i) => bump(base.saveSettings(i)) };
  }, [book]);

  const open = useCallback((doc: SimWorkbook, name: string) => {
    setBook({ doc, name, id: ++opened });
    setVersion((v) => v + 1);
    setStatus(null);
  }, []);

  const openBytes = useCallback(
    async (bytes: ArrayBuffer, name: string, settings: SettingsInput = {}) => {
      setStatus(t.loading);
      try {
        open(withSettings(await simFromXlsx(bytes, name), settings), name);
      } catch (e) {
        setStatus(t.failed + ((e as Error).message ?? String(e)));
      }
    },
    [open, t],
  );

  const openSample = useCallback(async (s: Sample) => openBytes(await (await fetch(`samples/${encodeURIComponent(s.file)}`)).arrayBuffer(), s.file, s.settings), [openBytes]);

  return (
    <FluentProvider theme={webLightTheme} style={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>
      <header
        style={{ padding: '6px 12px', borderBottom: '1px solid #ddd' }}
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          const f = e.dataTransfer.files[0];
          if (f) void f.arrayBuffer().then((b) => openBytes(b, f.name));
        }}
      >
        <Text as="h1" size={400} weight="semibold">
          {t.title}
        </Text>
        <Toolbar aria-label={t.title}>
          {SAMPLES.map((s) => (
            <ToolbarButton key={s.file} onClick={() => void openSample(s)}>
              {s.label[lang]}
            </ToolbarButton>
          ))}
          <ToolbarButton onClick={() => open(withSettings(bigAidWorkbook(100_000), { asOf: '2017-07-15', window: { from: '2017-01-09', to: '2017-01-22' } }), '100000户.xlsx')}>{t.big}</ToolbarButton>
          <ToolbarDivider />
          <ToolbarButton onClick={() => fileInput.current?.click()}>{t.open}</ToolbarButton>
          <Text size={200}>{t.drop}</Text>
          <input
            ref={fileInput}
            type="file"
            accept=".xlsx"
            aria-label={t.open}
            style={{ display: 'none' }}
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void f.arrayBuffer().then((b) => openBytes(b, f.name));
            }}
          />
          <ToolbarDivider />
          <Button appearance="subtle" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {t.lang}
          </Button>
        </Toolbar>
        <Text size={200} role="status">
          {book.name}
          {status ? ` — ${status}` : ''}
        </Text>
      </header>
      <div style={{ display: 'flex', flex: 1, minHeight: 0 }}>
        <div style={{ flex: 1, display: 'flex', flexDirection: 'column', minWidth: 0, padding: 8 }}>
          <Grid doc={book.doc} version={version} label={t.grid} />
        </div>
        {/* The task pane brings its own <main>, as it has inside Excel. */}
        <div style={{ width: 400, borderLeft: '1px solid #ddd', overflow: 'auto' }}>
          <App key={`${book.id}-${lang}`} api={api} lang={lang} />
        </div>
      </div>
    </FluentProvider>
  );
}
