import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseCell } from "../../src/core/address";
import { ReportSchema } from "../../src/core/report";
import { readXlsx } from "../../src/xlsx/read";
import { cli, tempDir } from "../helpers/cli";

const SAMPLES = join(__dirname, "..", "..", "assets", "samples");
const A = "东昌府区帮扶救助台账-2017春节.xlsx";
const B = "阳谷县帮扶救助台账-2017春节.xlsx";

const unxml = (s: string) =>
  s
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The link targets LibreOffice sees in one tab of a flat ODS file, in row order. */
function linksIn(fods: string, tab: string): string[] {
  const start = fods.indexOf(`<table:table table:name="${tab}"`);
  const end = fods.indexOf("</table:table>", start);
  return [
    ...fods.slice(start, end).matchAll(/<text:a xlink:href="([^"]*)"/g),
  ].map((m) => decodeURI(unxml(m[1])));
}

/** "file#'Sheet'!A1" (Excel's form, kept for other files) or "#'Sheet'.A1" (LibreOffice's own). */
function splitTarget(href: string): {
  file: string;
  sheet: string;
  cell: string;
} {
  const m = /^([^#]*)#'?(.*?)'?[!.]([A-Z]+\d+)$/.exec(href);
  if (!m) throw new Error(`not a cell link: ${href}`);
  return { file: m[1], sheet: m[2].replace(/''/g, "'"), cell: m[3] };
}

describe("cell addresses link to the cell, opened by LibreOffice", () => {
  const dir = tempDir();
  const inputs = join(dir, "ledgers");
  const outDir = join(dir, "out");
  mkdirSync(inputs);
  mkdirSync(outDir);
  for (const f of [A, B]) copyFileSync(join(SAMPLES, f), join(inputs, f));
  const settings = join(SAMPLES, "帮扶检查设置.json");
  const copy = join(outDir, "copy.xlsx");
  const city = join(outDir, "city.xlsx");
  let fodsCopy = "";
  let fodsCity = "";
  let reportCopy: ReturnType<typeof ReportSchema.parse>;
  let reportCity: ReturnType<typeof ReportSchema.parse>;

  beforeAll(async () => {
    await cli(
      "check",
      join(inputs, A),
      "--config",
      settings,
      "--out",
      copy,
      "--json",
      join(outDir, "copy.json"),
      "--quiet",
    );
    await cli(
      "check",
      join(inputs, A),
      join(inputs, B),
      "--config",
      settings,
      "--out",
      city,
      "--json",
      join(outDir, "city.json"),
      "--quiet",
    );
    reportCopy = ReportSchema.parse(
      JSON.parse(readFileSync(join(outDir, "copy.json"), "utf8")),
    );
    reportCity = ReportSchema.parse(
      JSON.parse(readFileSync(join(outDir, "city.json"), "utf8")),
    );
    // One LibreOffice run converts both workbooks (a private profile, so it never meets a user's).
    const profile = `file://${join(dir, "lo-profile")}`;
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=${profile}`,
        "--headless",
        "--convert-to",
        "fods",
        "--outdir",
        outDir,
        copy,
        city,
      ],
      { stdio: "pipe", timeout: 180_000 },
    );
    fodsCopy = readFileSync(join(outDir, "copy.fods"), "utf8");
    fodsCity = readFileSync(join(outDir, "city.fods"), "utf8");
  });

  it("in the checked copy, every address in 检查结果 links to its cell in the same workbook", async () => {
    const links = linksIn(fodsCopy, "检查结果").map(splitTarget);
    expect(links.map((l) => `${l.sheet}!${l.cell}`)).toEqual(
      reportCopy.findings.map((f) => `${f.sheet}!${f.cell}`),
    );
    expect(links.every((l) => l.file === "")).toBe(true);
    const { workbook } = await readXlsx(
      new Uint8Array(readFileSync(copy)),
      "copy.xlsx",
    );
    for (const l of links)
      expect(workbook.sheets.some((s) => s.name === l.sheet)).toBe(true);
    expect(fodsCopy).toContain("点击单元格地址可跳到原表");
  });

  it("in a consolidated workbook, every address opens the source file beside it at the cell, and that cell exists", async () => {
    const links = linksIn(fodsCity, "检查结果").map(splitTarget);
    expect(links).toHaveLength(reportCity.findings.length);
    expect(
      links.map((l) => `${l.file.split("/").pop()} ${l.sheet}!${l.cell}`),
    ).toEqual(reportCity.findings.map((f) => `${f.file} ${f.sheet}!${f.cell}`));
    const books = new Map<
      string,
      Awaited<ReturnType<typeof readXlsx>>["workbook"]
    >();
    for (const l of links) {
      // LibreOffice wrote the target relative to where the .fods lies (the same folder as city.xlsx).
      const path = resolve(dirname(join(outDir, "city.fods")), l.file);
      if (!books.has(path))
        books.set(
          path,
          (await readXlsx(new Uint8Array(readFileSync(path)), l.file)).workbook,
        );
      const sheet = books.get(path)!.sheets.find((s) => s.name === l.sheet);
      expect(sheet).toBeDefined();
      const { row } = parseCell(l.cell)!;
      expect(row).toBeLessThanOrEqual(
        (sheet!.origin?.row ?? 1) + sheet!.rows.length - 1,
      );
    }
    expect([...books.keys()].sort()).toEqual(
      [join(inputs, A), join(inputs, B)].sort(),
    );
    expect(fodsCity).toContain("点击单元格地址可打开原文件并跳到该单元格");
    // 重复户核查 links every place too.
    const places = reportCity.aid!.duplicates.flatMap((d) =>
      d.places.map((p) => `${p.file} ${p.sheet}!${p.cell}`),
    );
    expect(
      linksIn(fodsCity, "重复户核查")
        .map(splitTarget)
        .map((l) => `${l.file.split("/").pop()} ${l.sheet}!${l.cell}`),
    ).toEqual(places);
  });
});
