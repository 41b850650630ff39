import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BallotJsonSchema } from '../../src/core/kinds/ballot/json';
import { ReportSchema } from '../../src/core/report';
import { ballotSheet, same } from '../core/kinds/ballot/fixtures';
import { cli, tempDir } from '../helpers/cli';
import { xlsxFrom } from '../helpers/fixtures';

describe('ledgercheck check on a ballot workbook', () => {
  it('detects the ballots by their headers and writes findings and the ballot tally to --json, with the settings file\'s ballot slice', async () => {
    const dir = tempDir();
    const sh = ballotSheet('测评票', [
      { title: '述职评议测评表', subtitle: '应到 5 人，实到 2 人', rows: [same('王伟', '市人民医院', 0), same('李敏', '市中医院', 2)] },
      { rows: [same('王伟', '市人民医院', 0), { name: '李敏', unit: '市中医院', marks: [0, 0, 0, 0, ['×', null, null, null]] }] },
    ]);
    const file = join(dir, '测评.xlsx');
    writeFileSync(file, await xlsxFrom([sh]));
    const cfg = join(dir, 'settings.json');
    writeFileSync(cfg, JSON.stringify({ ballot: { interviewGrades: ['差'] } }));
    const json = join(dir, 'r.json');
    const r = await cli('check', file, '-c', cfg, '--json', json);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const report = ReportSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(report.findings.map((f) => [f.rule, f.cell, f.severity])).toEqual([['ballot.invalid-mark', 'U11', 'error']]);
    expect(report.findings[0].message).toContain('李敏（市中医院）的“总体评价”在“好”栏填了“×”');
    const ballot = BallotJsonSchema.parse((JSON.parse(readFileSync(json, 'utf8')) as { ballot: unknown }).ballot);
    expect(ballot).toMatchObject({ cast: 2, blank: 0, present: 2 });
    // 李敏's only valid 总体评价 is 一般: not an interview grade under these settings.
    expect(ballot.persons.map((p) => [p.person, p.grade, p.interview])).toEqual([
      ['王伟', '好', false],
      ['李敏', '一般', false],
    ]);
    expect(r.stdout).toContain('测评票（勾选式）');
  });

  it('says what is wrong with a ballot slice in the settings file and exits 2', async () => {
    const dir = tempDir();
    const file = join(dir, '测评.xlsx');
    writeFileSync(file, await xlsxFrom([ballotSheet('测评票', [{ rows: [same('王伟', '市人民医院', 0)] }])]));
    const cfg = join(dir, 'settings.json');
    writeFileSync(cfg, JSON.stringify({ ballot: { gradeRule: { worstShare: 2 } } }));
    const r = await cli('check', file, '-c', cfg);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ballot.gradeRule.worstShare：不能大于 1');
  });
});
