/**
 * Issue 9: packages mutated at random (parts dropped, cut, corrupted, duplicated, replaced by
 * garbage XML) never make the command line fail with an internal error, never hang, and never
 * get 可以提交 while a household is missing from the totals.
 */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../helpers/cli';
import { tempDir } from './harness';
import { bookParts, Part, twoTownships, zipParts } from './packages';

const BASE = bookParts(twoTownships({ shared: true }));
const TOTAL = { households: 4, persons: 11, cash: 2900, goods: 500, amount: 3400 };

const bytesOf = (p: Part) => (typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : Buffer.from(p.data));

type Mutation = (parts: Part[]) => Part[];
const part = fc.nat({ max: BASE.length - 1 });
const mutation: fc.Arbitrary<[string, Mutation]> = fc.oneof(
  part.map((i) => [`drop ${BASE[i].name}`, (ps: Part[]) => ps.filter((_, k) => k !== i % ps.length)] as [string, Mutation]),
  fc.tuple(part, fc.double({ min: 0, max: 1, noNaN: true })).map(([i, f]) => [`truncate ${BASE[i].name} at ${f.toFixed(3)}`, (ps: Part[]) => ps.map((p, k) => (k === i % ps.length ? { ...p, data: bytesOf(p).subarray(0, Math.floor(bytesOf(p).length * f)) } : p))] as [string, Mutation]),
  fc.tuple(part, fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })).map(([i, f, b]) => [`byte ${b} into ${BASE[i].name} at ${f.toFixed(3)}`, (ps: Part[]) => ps.map((p, k) => {
    if (k !== i % ps.length) return p;
    const d = Buffer.from(bytesOf(p));
    if (d.length) d[Math.min(d.length - 1, Math.floor(d.length * f))] = b;
    return { ...p, data: d };
  })] as [string, Mutation]),
  fc.tuple(part, part).map(([i, j]) => [`duplicate ${BASE[i].name} as ${BASE[j].name}`, (ps: Part[]) => (ps.length ? [...ps, { ...ps[i % ps.length], name: BASE[j].name }] : ps)] as [string, Mutation]),
  fc.tuple(part, fc.constantFrom('<a>', '<x:worksheet xmlns:x="y"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>', '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "c">]><a>&b;</a>', '<sst><si><t>1</t></si>', '', '\u0000\u0001\u0002', '<worksheet><sheetData></worksheet></sheetData>')).map(([i, g]) => [`garbage into ${BASE[i].name}`, (ps: Part[]) => ps.map((p, k) => (k === i % ps.length ? { ...p, data: g } : p))] as [string, Mutation]),
);

describe('mutated packages (fast-check)', () => {
  it('never exit 3, and 可以提交 only with every household counted', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.boolean(), async (ms, cutZip) => {
        let parts = BASE;
        for (const [, m] of ms) parts = m(parts);
        let bytes = zipParts(parts);
        if (cutZip) bytes = bytes.subarray(0, bytes.length - 7);
        const file = join(dir, 'm.xlsx');
        const json = join(dir, 'm.json');
        writeFileSync(file, bytes);
        writeFileSync(json, '');
        const r = await cli('check', file, '--window', '2017-01-09..2017-01-22', '--as-of', '2017-07-15', '--json', json);
        expect([0, 1, 2]).toContain(r.code);
        if (r.code === 2) expect(r.stderr.trim().split('\n')).toHaveLength(1);
        if (r.code === 0) {
          expect(r.stdout).toMatch(/可以提交/);
          const report = JSON.parse(require('node:fs').readFileSync(json, 'utf8'));
          expect(report.aid.total).toMatchObject(TOTAL);
        } else expect(r.stdout).not.toMatch(/结论：可以提交/);
      }),
      { numRuns: 150, seed: 20261126 },
    );
  });
});
