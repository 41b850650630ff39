import { createRoot } from 'react-dom/client';
import { Playground, SAMPLES } from './Playground';
import { simFromXlsx } from './load-workbook';
import { SETTINGS_KEY } from '../excel/settings-store';
import { parseSettings } from '../core/settings';
import { SimWorkbook } from '../excel-sim/state';

/** Opens on the first sample (?empty: on an empty workbook, to time the first render); ?lang=en starts in English. */
async function start() {
  const params = new URLSearchParams(location.search);
  const lang = params.get('lang') === 'en' ? 'en' : 'zh';
  // ?pane=320: the task pane as narrow as Excel makes it (the screenshots use this).
  const paneWidth = Math.min(800, Math.max(280, Number(params.get('pane')) || 400));
  const root = createRoot(document.getElementById('root')!);
  if (params.has('empty')) {
    const doc = new SimWorkbook();
    doc.addSheet('Sheet1');
    root.render(<Playground initial={{ doc, name: '空白.xlsx', id: 0 }} initialLang={lang} paneWidth={paneWidth} />);
    return;
  }
  const sample = SAMPLES[0];
  const bytes = await (await fetch(`samples/${encodeURIComponent(sample.file)}`)).arrayBuffer();
  const doc = await simFromXlsx(bytes, sample.file);
  doc.settings.set(SETTINGS_KEY, JSON.stringify(parseSettings(sample.settings)));
  root.render(<Playground initial={{ doc, name: sample.file, id: 0 }} initialLang={lang} paneWidth={paneWidth} />);
}

void start();
