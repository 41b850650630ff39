import { detectHeaderTable } from '../../detect';
import { Finding } from '../../findings';
import { Grid } from '../../grid';
import { DetectContext, KindCandidate, KindSpec, SheetPlan, Summariser } from '../../kind';
import { Check, SheetContext } from '../../rules/check';
import { Lang } from '../../lang';
import { SheetDescription, TabContext } from '../../summary/sheet';
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
import { ReadingSheet, Readings } from './readings';
import { SheetReader } from './sheet-reader';
import { AID_TAB_SIGNATURES, aidTabs } from './tabs';

/** Rules that still run on a 汇总 tab: its layout, its own 合计 row and the reconciliation. */
const ON_SUMMARY_TAB = new Set<RuleId>(['layout.unknown-column', 'layout.merged-data', 'row.blank', 'total-row.mismatch', 'summary.mismatch']);

type Place = { county: string; township: string };

/** The aid kind's summary: the consolidation the JSON and tabs show. */
export type AidResult = AidSummary;

/** County and township of row i, as 问题分布 attributes its findings: its reading group (county, township, type). */
function placeOf(rs: Readings, i: number): Place {
  return rs.groups[rs.group[i]];
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
    let sheetsByKey: Map<string, ReadingSheet[]> | null = null;
    return {
      row(household, _view, ctx) {
        readings.add(household, ctx);
      },
      finish(findings: readonly Finding[]) {
        return consolidateAid(readings, findings as Finding[], settings.showIds);
      },
      attribute(f) {
        // A finding's row is found in its sheet's readings (by halving): its group names the
        // county and township. A finding on no household row (the header, a total row, the whole
        // sheet) counts for the place of the sheet's first household.
        if (!sheetsByKey) {
          sheetsByKey = new Map();
          for (const s of readings.sheets) {
            if (s.from === s.to) continue;
            const key = `${s.file}\u0000${s.sheet}`;
            const list = sheetsByKey.get(key);
            if (list) list.push(s);
            else sheetsByKey.set(key, [s]);
          }
        }
        const sheets = sheetsByKey.get(`${f.file}\u0000${f.sheet}`);
        if (!sheets) return undefined;
        if (f.row !== null) {
          for (const s of sheets) {
            const i = readings.indexIn(s, f.row);
            if (i >= 0) return placeOf(readings, i);
          }
        }
        return placeOf(readings, sheets[0].from);
      },
    };
  },

  tabs: (aid: AidResult, ctx: TabContext): SheetDescription[] => aidTabs(aid, ctx),
  tabSignatures: AID_TAB_SIGNATURES,
  json: { schema: AidSchema, of: (aid: AidResult, lang: Lang): AidJson => ({ ...aid, headline: aidHeadline(aid.total, lang) }) },
} satisfies KindSpec<'aid', Household, AidResult, AidJson>;
