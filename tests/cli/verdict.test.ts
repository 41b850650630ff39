import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ReportSchema } from "../../src/core/report";
import { expectedHeaders } from "../../src/core/verdict";
import { KINDS } from "../../src/core/kinds/registry";

/** What the no-table verdict names: every registered kind's headers. */
const EXPECTED_HEADERS = expectedHeaders(KINDS);
import { readXlsx } from "../../src/xlsx/read";
import { cli, tempDir } from "../helpers/cli";
import { xlsxFrom } from "../helpers/fixtures";
import { aidRows } from "../helpers/grid";

const SAMPLES = join(__dirname, "..", "..", "assets", "samples");

/** Checks a file and returns the verdict as each view says it: console, JSON, 检查结果's title. */
async function verdicts(...files: string[]) {
  const dir = tempDir();
  const json = join(dir, "r.json");
  const out = join(dir, "copy.xlsx");
  const r = await cli(
    "check",
    ...files,
    "--json",
    json,
    "--out",
    out,
    "--as-of",
    "2017-07-15",
  );
  const report = ReportSchema.parse(JSON.parse(readFileSync(json, "utf8")));
  const { workbook } = await readXlsx(
    new Uint8Array(readFileSync(out)),
    "copy.xlsx",
  );
  const title = String(
    workbook.sheets.find((s) => s.name === "检查结果")!.rows[0][0],
  );
  // The console wraps at 100 columns: the verdict runs from 结论： to the next blank line.
  const lines = r.stdout.split('\n');
  const at = lines.findIndex((l) => l.startsWith('结论：'));
  const consoleLine = lines.slice(at, lines.indexOf('', at)).join('');
  return { code: r.code, report, title, consoleLine };
}

async function fileOf(
  name: string,
  sheets: Parameters<typeof xlsxFrom>[0],
): Promise<string> {
  const path = join(tempDir(), name);
  writeFileSync(path, await xlsxFrom(sheets));
  return path;
}

describe("verdicts that do not lie", () => {
  it("a blank workbook is never ready: 没有找到可检查的台账, the expected headers, exit 2, the same everywhere", async () => {
    const v = await verdicts(
      await fileOf("空白.xlsx", [{ name: "Sheet1", rows: [] }]),
    );
    const expected = `没有找到可检查的台账：工作簿是空的。台账应有表头，如 ${EXPECTED_HEADERS.zh}`;
    expect(v.code).toBe(2);
    expect(v.report.summary).toMatchObject({
      status: "no-table",
      ready: false,
      verdict: expected,
    });
    expect(v.consoleLine).toBe(`结论：${expected}`);
    expect(v.title).toBe(`检查结果：${expected}`);
    expect(expected).toContain("户主姓名、身份证号、慰问金、合计");
    // A clerk typing ballots is told what a ballot sheet needs too.
    expect(expected).toContain("好、较好、一般、差（测评票）");
  });

  it("a workbook of prose is told so, not 「有 1 个错误」", async () => {
    const notice = [
      ["关于做好2017年春节走访慰问计生困难家庭工作的通知"],
      ["各乡镇（街道）："],
      ["现将有关事项通知如下，请于1月25日前报送台账。"],
      ["聊城市卫生和计划生育委员会"],
    ];
    const v = await verdicts(
      await fileOf("通知.xlsx", [{ name: "说明", rows: notice }]),
    );
    expect(v.code).toBe(2);
    expect(v.report.summary.status).toBe("no-table");
    expect(v.report.summary.verdict).toMatch(
      /^没有找到可检查的台账：工作表“说明”只有文字，没有表格。台账应有表头/,
    );
    expect(v.consoleLine).toBe(`结论：${v.report.summary.verdict}`);
    expect(v.title).toBe(`检查结果：${v.report.summary.verdict}`);
    expect(
      v.report.findings.map((f) => [f.rule, f.severity, f.message]),
    ).toEqual([
      [
        "layout.no-header",
        "error",
        "工作表“说明”没有识别到表头行（只有文字，没有表格）。",
      ],
    ]);
  });

  it("a blank file among ledgers is an error of that file; the others are still checked and totalled", async () => {
    const v = await verdicts(
      await fileOf("空白.xlsx", [{ name: "Sheet1", rows: [] }]),
      await fileOf("侯营镇.xlsx", [{ name: "侯营镇", rows: aidRows() }]),
    );
    expect(v.code).toBe(1);
    expect(v.report.summary).toMatchObject({ status: "errors", errors: 1 });
    expect(v.report.findings[0]).toMatchObject({
      file: "空白.xlsx",
      rule: "layout.no-header",
      severity: "error",
    });
    expect(v.report.aid!.total.households).toBe(3);
    expect(v.report.distribution.byFile.map((f) => [f.file, f.errors])).toEqual(
      [
        ["空白.xlsx", 1],
        ["侯营镇.xlsx", 0],
      ],
    );
  });

  it("console, JSON and 检查结果 give the same verdict with the same counts, 提示 included", async () => {
    const v = await verdicts(join(SAMPLES, "创城目标任务分解表-2017.xlsx"));
    const s = v.report.summary;
    expect(s.infos).toBeGreaterThan(0);
    expect(s.verdict).toBe(
      `有 ${s.errors} 个错误，请改正后再提交（另有 ${s.warnings} 个警告，${s.infos} 个提示）`,
    );
    expect(v.consoleLine).toBe(`结论：${s.verdict}`);
    expect(v.title).toBe(`检查结果：${s.verdict}`);
  });
});
