import { FluentProvider, Tab, TabList, Text, Theme, webLightTheme } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Report } from '../core/report';
import { parseSettings, Settings, SettingsInput } from '../core/settings';
import type { Lang } from '../core/messages';
import { CheckCancelled, Progress } from '../excel/check-workbook';
import type { LedgerApi } from '../excel/ledger-api';
import { AidTotals } from './components/AidTotals';
import { BallotResults } from './components/BallotResults';
import { CheckPanel } from './components/CheckPanel';
import { FindingsList } from './components/FindingsList';
import { SettingsForm } from './components/SettingsForm';
import { UnitScores } from './components/UnitScores';
import { texts } from './i18n';

export interface AppProps {
  api: LedgerApi;
  lang: Lang;
  theme?: Theme;
  /** What this Excel cannot do, said once at the top. */
  notes?: string[];
}

type View = 'findings' | 'units' | 'aid' | 'ballot' | 'settings';

/** A tab that has nothing for the workbook checked (单位得分 on an aid ledger) is not offered. */
function offered(v: View, report: Report): boolean {
  if (v === 'units') return !!report.responsibility;
  if (v === 'aid') return !!report.aid;
  if (v === 'ballot') return !!report.ballot;
  return true;
}

/** The task pane. It only talks to the host through `api`. */
export function App({ api, lang, theme = webLightTheme, notes = [] }: AppProps) {
  const t = texts(lang);
  const [settings, setSettings] = useState<Settings>(() => parseSettings({ lang }));
  const [settingsWarning, setSettingsWarning] = useState<string | null>(null);
  // The form starts afresh when settings come from the workbook, not when it saved them itself.
  const [loadedVersion, setLoadedVersion] = useState(0);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [tabNames, setTabNames] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [view, setView] = useState<View>('findings');
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    api.loadSettings().then(
      (s) => {
        setSettings({ ...s.settings, lang });
        setSettingsWarning(s.warning);
        setLoadedVersion((v) => v + 1);
      },
      (e) => {
        setSettingsWarning(String((e as Error).message ?? e));
        setLoadedVersion((v) => v + 1);
      },
    );
  }, [api, lang]);

  const check = useCallback(async () => {
    setRunning(true);
    setError(null);
    setCancelled(false);
    setProgress({ stage: 'read', fraction: 0 });
    const controller = new AbortController();
    abort.current = controller;
    try {
      const result = await api.check({ ...settings, lang }, setProgress, undefined, controller.signal);
      setReport(result.report);
      setTabNames(Object.values(result.tabNames).filter((n): n is string => !!n));
      // A tab that has nothing for this workbook (单位得分 on an aid ledger) is not offered.
      setView((v) => (offered(v, result.report) ? v : 'findings'));
    } catch (e) {
      if (e instanceof CheckCancelled || (e as Error).name === 'CheckCancelled') setCancelled(true);
      else setError((e as Error).message ?? String(e));
    } finally {
      abort.current = null;
      setRunning(false);
    }
  }, [api, settings, lang]);
  const cancel = useCallback(() => abort.current?.abort(), []);

  const select = useCallback((sheet: string, cell: string) => void api.select(sheet, cell).catch((e) => setError((e as Error).message)), [api]);
  const save = useCallback(
    async (input: SettingsInput) => {
      const s = await api.saveSettings(input);
      setSettings({ ...s, lang });
    },
    [api, lang],
  );

  return (
    <FluentProvider theme={theme} style={{ padding: 12, minHeight: '100vh', boxSizing: 'border-box' }}>
      <main lang={lang === 'zh' ? 'zh-CN' : 'en'} style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
        <Text as="h1" size={500} weight="semibold">
          {t.title}
        </Text>
        {[...notes, ...(settingsWarning ? [settingsWarning] : [])].map((n) => (
          <Text key={n} size={200} role="note">
            {n}
          </Text>
        ))}
        <CheckPanel
          t={t}
          running={running}
          progress={progress}
          report={report}
          tabNames={tabNames}
          error={error}
          cancelled={cancelled}
          onCheck={check}
          onCancel={cancel}
          onOpenTab={(name) => select(name, 'A1')}
        />
        <TabList selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)} aria-label={t.title} size="small" style={{ flexWrap: 'wrap' }}>
          {(['findings', 'units', 'aid', 'ballot', 'settings'] as const)
            .filter((v) => !report || offered(v, report))
            .map((v) => (
              <Tab key={v} value={v} style={{ whiteSpace: 'nowrap' }}>
                {t.tabs[v]}
              </Tab>
            ))}
        </TabList>
        <div role="tabpanel" aria-label={t.tabs[view]}>
          {view === 'findings' && report && <FindingsList t={t} lang={lang} findings={report.findings} onSelect={select} />}
          {view === 'units' && report && <UnitScores t={t} report={report} />}
          {view === 'aid' && report && <AidTotals t={t} report={report} />}
          {view === 'ballot' && report && <BallotResults t={t} lang={lang} ballot={report.ballot} />}
          {view === 'settings' && loadedVersion > 0 && <SettingsForm key={loadedVersion} t={t} lang={lang} settings={settings} onSave={save} />}
        </div>
      </main>
    </FluentProvider>
  );
}
