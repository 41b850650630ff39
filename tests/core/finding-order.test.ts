import fc from 'fast-check';
import { sortFindings } from '../../src/core/engine';
import { compareFindings, Finding } from '../../src/core/findings';
import { RULE_IDS } from '../../src/core/rules/catalogue';

/** Findings as a run makes them: few sheets, rows that repeat, several findings at one cell. */
const finding = fc.record({
  severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
  sheet: fc.constantFrom('一', '二', '三', '汇总'),
  row: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
  cell: fc.constantFrom('A1', 'B7', 'D12', 'AA3', 'D2', 'Z40', 'AB12'),
  rule: fc.constantFrom(...RULE_IDS),
});

describe('finding order', () => {
  it('sorts findings as compareFindings does, findings that tie keeping their order', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 120 }), (made) => {
        const findings = made.map((m, k): Finding => ({ ...m, file: 'a.xlsx', column: null, value: k, params: {} }));
        // Sheet positions as the engine gives them; 汇总 is a sheet no file listed (after the rest).
        const position = (f: Finding) => ['一', '二', '三'].indexOf(f.sheet) + (f.sheet === '汇总' ? 4 : 0);
        const expected = [...findings].sort((a, b) => compareFindings(position, a, b));
        sortFindings(findings, position, 4);
        expect(findings.map((f) => f.value)).toEqual(expected.map((f) => f.value));
      }),
      { numRuns: 300 },
    );
  });
});
