import { detectHeaderTable } from '../../detect';
import { Finding } from '../../findings';
import { Grid } from '../../grid';
import { DetectContext, KindCandidate, KindSpec, SheetPlan, Summariser } from '../../kind';
import { Check, SheetContext } from '../../rules/check';
import { Lang } from '../../lang';
import { SheetDescription, TabContext } from '../../summary/sheet';
import { RowIndex } from '../../row-index';
import { RuleId, Settings } from '../../settings';
import { amountCheck, AMOUNT_RULES } from './checks/amount';
import { householdDuplicateCheck, DUPLICATE_HOUSEHOLD_RULES } from './checks/duplicates';
import { idNumberCheck, ID_RULES } from './checks/id';
import { phoneCheck, PHONE_RULES } from './checks/phone';
import { summaryTabCheck, SUMMARY_TAB_RULES } from './checks/summary-tab';
import { visitDateCheck, VISIT_RULES } from './checks/visit';
import { AID_COLUMNS, AidKey } from './columns';
import { AidSummary, consolidateAid } from './consolidate';
import { aidHeadline } from './headline';
import { Household } from './household';
import { AidJson, AidSchema } from './json';
import { Readings } from './readings';
import { SheetReader } from './sheet-reader';
import { AID_TAB_SIGNATURES, aidTabs } from './tabs';

/** Rules that still run on a 汇总 tab: its layout, its own 合计 row and the reconciliation. */
const ON_SUMMARY_TAB = new Set<RuleId>(['layout.unknown-column', 'layout.merged-data', 'row.blank', 'total-row.mismatch', 'summary.mismatch']);

type Place = { county: string; township: string };

/** The aid kind's summary: the consolidation the JSON and tabs show. */
export type AidResult = AidSummary;

/** County and township of row i, as 问题分布 attributes its findings. */
function placeOf(rs: Readings, i: number): Place {
  const g = rs.groups[rs.group[i]];
  return { county: g.county, township: g.township };
}

/** 计生困难家庭帮扶救助台账: one row per household, its ID number and the money it received. */
export const aidKind = {
  id: 'aid',
  expects: { zh: '户主姓名、身份证号、慰问金、合计（帮扶救助台账）', en: 'head, ID number, cash, total (aid ledger)' },
  columns: AID_COLUMNS,
  layouts: {
    ledger: { name: { zh: '帮扶救助台账', en: 'aid ledger' }, required: [{ keys: ['head'] }, { keys: ['idNumber'] }, { keys: ['total', 'cash'] }] },
    summary: {
      name: { zh: '帮扶汇总表（按乡镇汇总，不计入户数，与各乡镇工作表核对）', en: 'aid summary tab (one row per township; reconciled with the township tabs, never counted as households)' },
      required: [],
    },
  },
  rules: [...ID_RULES, ...DUPLICATE_HOUSEHOLD_RULES, ...AMOUNT_RULES, ...VISIT_RULES, ...PHONE_RULES, ...SUMMARY_TAB_RULES],

  detect: (grid: Grid, ctx: DetectContext): KindCandidate | null =>
    detectHeaderTable(grid, aidKind, ctx, {
      // A tab of townships (户数, or named 汇总) sums the others: reconciled, never counted as households.
      layoutOf: (columns, g) => (columns.idNumber === undefined && columns.head === undefined && (columns.households !== undefined || /汇总/.test(g.name)) ? 'summary' : 'ledger'),
    }),

  sheet(ctx: SheetContext): SheetPlan<Household> {
    const table = ctx.table;
    if (table.layout === 'summary') return { read: null, runs: (c: Check<Household>): boolean => c.rules.some((r) => ON_SUMMARY_TAB.has(r)) };
    const reader = new SheetReader(ctx);
    return { read: (view): Household => reader.read(view.row, view.section) };
  },

  checks: (settings: Settings): Check<Household, AidKey>[] => [
    idNumberCheck({ showIds: settings.showIds }),
    householdDuplicateCheck({ showIds: settings.showIds }),
    amountCheck({ capPerHousehold: settings.capPerHousehold }),
    visitDateCheck(settings.window),
    phoneCheck(),
    summaryTabCheck(),
  ],

  summariser(settings: Settings): Summariser<Household, AidResult> {
    // Each household is read into compact readings as it is checked: no object is kept per row.
    const readings = new Readings();
    const placeByRow = new RowIndex<Place>();
    const placeBySheet = new Map<string, Place>();
    return {
      row(household, _view, ctx) {
        readings.add(household, ctx);
      },
      finish(findings: readonly Finding[]) {
        // Only the rows that have findings are looked up for 问题分布: no key is built for a clean row.
        const flagged = new RowIndex<true>();
        // A finding about the whole sheet (no row) still needs the sheet's place: row -1 marks it.
        for (const f of findings) flagged.getOrSet(f.file, f.sheet, f.row ?? -1, () => true);
        for (const s of readings.sheets) {
          const rows = flagged.sheet(s.file, s.sheet);
          if (!rows || s.from === s.to) continue;
          const key = `${s.file}\u0000${s.sheet}`;
          if (!placeBySheet.has(key)) placeBySheet.set(key, placeOf(readings, s.from));
          // Each flagged row is found in the sheet's readings (by halving): no lookup per household.
          for (const row of rows.keys()) {
            const i = readings.indexIn(s, row);
            if (i >= 0) placeByRow.getOrSet(s.file, s.sheet, row, () => placeOf(readings, i));
          }
        }
        return consolidateAid(readings, findings as Finding[], settings.showIds);
      },
      attribute(f) {
        return (f.row !== null ? placeByRow.get(f.file, f.sheet, f.row) : undefined) ?? placeBySheet.get(`${f.file}\u0000${f.sheet}`);
      },
    };
  },

  tabs: (aid: AidResult, ctx: TabContext): SheetDescription[] => aidTabs(aid, ctx),
  tabSignatures: AID_TAB_SIGNATURES,
  json: { schema: AidSchema, of: (aid: AidResult, lang: Lang): AidJson => ({ ...aid, headline: aidHeadline(aid.total, lang) }) },
} satisfies KindSpec<'aid', Household, AidResult, AidJson>;
