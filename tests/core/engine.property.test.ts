import fc from 'fast-check';
import { runCheck } from '../../src/core/pipeline';
import { FindingSchema } from '../../src/core/report';
import { buildReport, ReportSchema } from '../../src/core/report';
import { parseSettings } from '../../src/core/settings';
import { summaryTabs } from '../../src/core/summary/tabs';
import { CellValue } from '../../src/core/workbook';
import { AID_HEADER, RESP_HEADER } from '../helpers/grid';

// Cells a clerk might type anywhere: header words, numbers, dates, IDs, junk, errors.
const words = [...RESP_HEADER, ...AID_HEADER, '合计', '填表人：王敏', '一票否决', '已完成', '长期', '尽快', '11010519491231002X', '0.05', '=1+1', ''];
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...words),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 50000 }),
  fc.date({ min: new Date('1899-01-01'), max: new Date('2200-01-01') }),
  fc.boolean(),
  fc.constant(null),
  fc.constant({ error: '#N/A' }),
);
const grid = fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 25 });

describe('the engine on anything', () => {
  it('never throws, and its report and tabs are always well-formed', () => {
    fc.assert(
      fc.property(fc.array(grid, { minLength: 1, maxLength: 3 }), fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }), (sheets, merges) => {
        const settings = parseSettings({ asOf: '2017-07-15', window: { from: '2017-01-09', to: '2017-01-22' }, equations: ['(1)=(2)+(3)'] });
        const result = runCheck([{ name: 'x.xlsx', sheets: sheets.map((rows, i) => ({ name: `S${i}`, rows, merges: i === 0 ? [...merges, 'A1:B2'] : [] })) }], settings, { today: '2017-07-15' });
        for (const f of buildReport(result, 'zh', 't').findings) FindingSchema.parse(f);
        ReportSchema.parse(buildReport(result, 'en', 't'));
        summaryTabs({ result, lang: 'zh', linkFile: 'x.xlsx', runAt: 'now', toolVersion: 't' });
      }),
      { numRuns: 300 },
    );
  });
});
