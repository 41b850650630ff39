/**
 * What the engine makes of the layout corpus, workbook by workbook: the sheets it found, every
 * error and warning, and the totals / unit scores beside the expected ones. For working on the
 * engine, not a test:
 *
 *     /usr/bin/python3 tests/layouts/make_corpus.py /tmp/corpus
 *     npx tsx tests/layouts/diagnose.ts /tmp/corpus [part-of-a-file-name]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ReportSchema } from '../../src/core/report';
import { cli } from '../helpers/cli';
import { Expectation } from './corpus';

const round = (x: unknown) => (typeof x === 'number' ? Math.round(x * 1000) / 1000 : x);

async function main(dir: string, only?: string): Promise<void> {
  const { workbooks } = z.object({ workbooks: z.array(Expectation) }).parse(JSON.parse(readFileSync(join(dir, 'expectations.json'), 'utf8')));
  for (const w of workbooks.filter((x) => !only || x.file.includes(only))) {
    const json = join(dir, `${w.file}.diagnose.json`);
    const r = await cli('check', join(dir, w.file), '--json', json, ...w.args);
    console.log(`\n##### ${w.file} [${w.family.join(' + ')}] exit ${r.code} ${r.stderr.trim()}`);
    if (r.code > 1) continue;
    const rep = ReportSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    for (const s of rep.files.flatMap((f) => f.sheets)) console.log(`  sheet ${s.name}: ${s.kind}, header rows ${s.headerRows.join(',')}, data ${s.dataRange}, ${s.rows} rows — ${s.reason}`);
    for (const f of rep.findings.filter((x) => x.severity !== 'info')) console.log(`  ${f.severity} ${f.rule} ${f.sheet}!${f.cell} ${JSON.stringify(f.value)} ${f.message}`);
    for (const p of w.planted) console.log(`  planted ${p.rule.join('|')} ${p.sheet}!${p.cells.join('|')} (${p.note})`);
    if (w.aid) {
      const towns = (ts: { county: string; township: string; households: number; amount: number }[]) => JSON.stringify(ts.map((t) => [t.county, t.township, t.households, round(t.amount)]));
      console.log(`  expected total ${JSON.stringify(w.aid.total)}\n  reported total ${JSON.stringify(rep.aid?.total)}`);
      console.log(`  expected towns ${towns(w.aid.byTownship)}\n  reported towns ${rep.aid ? towns(rep.aid.byTownship) : null}`);
    }
    if (w.responsibility) {
      const fields = w.responsibility.fields;
      const units = (us: Record<string, unknown>[]) => JSON.stringify(us.map((u) => [u.unit, ...fields.map((k: string) => round(u[k]))]));
      console.log(`  expected units ${units(w.responsibility.units)}\n  reported units ${rep.responsibility ? units(rep.responsibility.units) : null}`);
    }
  }
}

void main(process.argv[2], process.argv[3]);
