import { createRoot } from 'react-dom/client';
import { Playground, SAMPLES } from './Playground';
import { simFromXlsx } from './load-workbook';
import { SETTINGS_KEY } from '../excel/settings-store';
import { parseSettings } from '../core/settings';

/** Opens on the first sample; ?lang=en starts in English. */
async function start() {
  const sample = SAMPLES[0];
  const bytes = await (await fetch(`samples/${encodeURIComponent(sample.file)}`)).arrayBuffer();
  const doc = await simFromXlsx(bytes, sample.file);
  doc.settings.set(SETTINGS_KEY, JSON.stringify(parseSettings(sample.settings)));
  const lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
  createRoot(document.getElementById('root')!).render(<Playground initial={{ doc, name: sample.file, id: 0 }} initialLang={lang} />);
}

void start();
