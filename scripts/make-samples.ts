/** Re-creates the sample workbooks in assets/samples/ (npm run samples). */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildResponsibilitySample } from './samples/responsibility';

export const SAMPLES_DIR = join(__dirname, '..', 'assets', 'samples');
export const RESPONSIBILITY_SAMPLE = join(SAMPLES_DIR, '创城目标任务分解表-2017.xlsx');

async function run() {
  mkdirSync(SAMPLES_DIR, { recursive: true });
  const wb = await buildResponsibilitySample();
  await wb.xlsx.writeFile(RESPONSIBILITY_SAMPLE);
  console.log(`wrote ${RESPONSIBILITY_SAMPLE}`);
}

if (require.main === module) {
  run().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
