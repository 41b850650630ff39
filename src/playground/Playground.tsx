import { Button, FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Text, Toolbar, ToolbarButton, ToolbarDivider, webLightTheme } from '@fluentui/react-components';
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
import { ENGINE_WORKER_URL, workerEngine } from '../taskpane/worker-engine';

/** The engine runs in a Web Worker here too, as in the add-in. */
const engine = workerEngine(ENGINE_WORKER_URL);
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
  { label: { zh: '样例：述职评议测评票', en: 'Sample: review ballots' }, file: '党组织书记述职评议测评-2017.xlsx', settings: {} },
];

const T = {
  zh: { title: 'Ledger Check 试用（无需 Excel）', big: '生成 100,000 户台账', open: '打开 .xlsx…', drop: '或把 .xlsx 文件拖到这里', grid: '工作簿', lang: 'English', loading: '正在打开…', failed: (name: string) => `无法打开 ${name}`, failedHint: '请在 Excel 中打开它并另存为 .xlsx 工作簿，或者选择另一个文件。' },
  en: { title: 'Ledger Check playground (no Excel needed)', big: 'Generate 100,000 households', open: 'Open .xlsx…', drop: 'or drop an .xlsx file here', grid: 'Workbook', lang: '中文', loading: 'Opening…', failed: (name: string) => `Cannot open ${name}`, failedHint: 'Open it in Excel and save it as an .xlsx workbook, or pick another file.' },
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
/** `paneWidth`: the task pane's width in px (Excel gives it about 320–350). */
export function Playground({ initial, initialLang = 'zh', paneWidth = 400 }: { initial: Opened; initialLang?: Lang; paneWidth?: number }) {
  const [book, setBook] = useState<Opened>(initial);
  const [lang, setLang] = useState<Lang>(initialLang);
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<string | null>(null);
  // A file that could not be opened: said plainly in place of the workbook, never under the old one's name.
  const [failure, setFailure] = useState<{ name: string; message: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const t = T[lang];

  const api = useMemo<LedgerApi>(() => {
    const base = createLedgerApi((fn) => fn(new SimRequestContext(book.doc) as unknown as Excel.RequestContext), { support: FULL_SUPPORT, fileName: () => book.name, version: LEDGERCHECK_VERSION, engine });
    const bump = <T,>(p: Promise<T>) => p.finally(() => setVersion((v) => v + 1));
    return { ...base, check: (s, onProgress, activate, signal) => bump(base.check(s, onProgress, activate, signal)), select: (sheet, cell) => bump(base.select(sheet, cell)), saveSettings: (i) => bump(base.saveSettings(i)) };
  }, [book]);

  const open = useCallback((doc: SimWorkbook, name: string) => {
    setBook({ doc, name, id: ++opened });
    setVersion((v) => v + 1);
    setStatus(null);
    setFailure(null);
  }, []);

  const openBytes = useCallback(
    async (bytes: ArrayBuffer, name: string, settings: SettingsInput = {}) => {
      setStatus(t.loading);
      try {
        open(withSettings(await simFromXlsx(bytes, name), settings), name);
      } catch (e) {
        setStatus(null);
        const message = (e as Error).message ?? String(e);
        // The reader says 「中文 / English」: show the side of the page's language.
        const i = message.indexOf(' / ');
        setFailure({ name, message: i > 0 ? (lang === 'en' ? message.slice(i + 3) : message.slice(0, i)) : message });
      }
    },
    [open, t, lang],
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
        <Text size={300} role="status">
          {failure ? '' : book.name}
          {status ? ` — ${status}` : ''}
        </Text>
      </header>
      {failure && (
        <div role="alert" style={{ padding: 24, maxWidth: 640 }}>
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.failed(failure.name)}</MessageBarTitle>
              <Text size={400} block>
                {failure.message}
              </Text>
              <Text size={300} block style={{ marginTop: 6 }}>
                {t.failedHint}
              </Text>
            </MessageBarBody>
          </MessageBar>
        </div>
      )}
      <div style={{ display: failure ? 'none' : 'flex', flex: 1, minHeight: 0 }}>
        <div style={{ flex: 1, display: 'flex', flexDirection: 'column', minWidth: 0, padding: 8 }}>
          <Grid doc={book.doc} version={version} label={t.grid} />
        </div>
        {/* The task pane brings its own <main>, as it has inside Excel. */}
        <div data-testid="task-pane" style={{ width: paneWidth, flex: 'none', borderLeft: '1px solid #ddd', overflow: 'auto' }}>
          <App key={`${book.id}-${lang}`} api={api} lang={lang} />
        </div>
      </div>
    </FluentProvider>
  );
}
