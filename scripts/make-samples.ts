/** Re-creates the sample workbooks in assets/samples/ (npm run samples). */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { buildResponsibilitySample } from './samples/responsibility';
import { AID_SETTINGS, buildCountyA, buildCountyB } from './samples/aid';
import { buildMassSample, buildReviewSample } from './samples/ballot';

export const SAMPLES_DIR = join(__dirname, '..', 'assets', 'samples');
export const RESPONSIBILITY_SAMPLE = join(SAMPLES_DIR, '创城目标任务分解表-2017.xlsx');
export const AID_SAMPLE_A = join(SAMPLES_DIR, '东昌府区帮扶救助台账-2017春节.xlsx');
export const AID_SAMPLE_B = join(SAMPLES_DIR, '阳谷县帮扶救助台账-2017春节.xlsx');
export const AID_SETTINGS_FILE = join(SAMPLES_DIR, '帮扶检查设置.json');
export const REVIEW_SAMPLE = join(SAMPLES_DIR, '党组织书记述职评议测评-2017.xlsx');
export const MASS_SAMPLE = join(SAMPLES_DIR, '村党组织书记群众评议录入表-2017.xlsx');

async function run() {
  mkdirSync(SAMPLES_DIR, { recursive: true });
  const wb = await buildResponsibilitySample();
  await wb.xlsx.writeFile(RESPONSIBILITY_SAMPLE);
  await (await buildCountyA()).xlsx.writeFile(AID_SAMPLE_A);
  await (await buildCountyB()).xlsx.writeFile(AID_SAMPLE_B);
  writeFileSync(AID_SETTINGS_FILE, JSON.stringify(AID_SETTINGS, null, 2) + '\n');
  await (await buildReviewSample()).xlsx.writeFile(REVIEW_SAMPLE);
  await (await buildMassSample()).xlsx.writeFile(MASS_SAMPLE);
  for (const f of [RESPONSIBILITY_SAMPLE, AID_SAMPLE_A, AID_SAMPLE_B, AID_SETTINGS_FILE, REVIEW_SAMPLE, MASS_SAMPLE]) console.log(`wrote ${f}`);
}

if (require.main === module) {
  run().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
