import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { officeLedgerApi, officeSupport } from '../excel/office-host';
import { supportNotes } from '../excel/support';
import { App } from './App';
import { langFromOffice } from '../excel/display-language';
import { ENGINE_WORKER_URL, workerEngine } from './worker-engine';

/** Dark Office themes get Fluent's dark theme. */
function themeFromOffice() {
  const bg = Office.context.officeTheme?.bodyBackgroundColor ?? '#ffffff';
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(bg.slice(i, i + 2), 16));
  return 0.299 * r + 0.587 * g + 0.114 * b < 128 ? webDarkTheme : webLightTheme;
}

Office.onReady(() => {
  const lang = langFromOffice(Office.context.displayLanguage);
  createRoot(document.getElementById('root')!).render(<App api={officeLedgerApi(workerEngine(ENGINE_WORKER_URL))} lang={lang} theme={themeFromOffice()} notes={supportNotes(officeSupport(), lang)} />);
});
