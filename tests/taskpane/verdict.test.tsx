/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { SimRequestContext } from "../../src/excel-sim/api";
import { key, SimWorkbook } from "../../src/excel-sim/state";
import { createLedgerApi, LedgerApi } from "../../src/excel/ledger-api";
import { FULL_SUPPORT } from "../../src/excel/support";
import { expectedHeaders } from "../../src/core/verdict";
import { KINDS } from "../../src/core/kinds/registry";

/** What the no-table verdict names: every registered kind's headers. */
const EXPECTED_HEADERS = expectedHeaders(KINDS);
import { simBook } from "../excel/helpers";

/** The in-memory Excel behind the pane; the test waits for the check's own promise, never a clock. */
function apiOver(doc: SimWorkbook, done: Promise<unknown>[]): LedgerApi {
  const api = createLedgerApi(
    (fn) => fn(new SimRequestContext(doc) as unknown as Excel.RequestContext),
    {
      support: FULL_SUPPORT,
      fileName: () => "台账.xlsx",
      version: "test",
      now: () => new Date(2017, 6, 15, 10, 0),
    },
  );
  return {
    ...api,
    check: (...a) => {
      const p = api.check(...a);
      done.push(p);
      return p;
    },
  };
}

async function checkIn(doc: SimWorkbook) {
  const done: Promise<unknown>[] = [];
  render(<App api={apiOver(doc, done)} lang="zh" />);
  fireEvent.click(screen.getByRole("button", { name: "一键检查" }));
  await act(async () => {
    await Promise.allSettled(done);
  });
  return doc;
}

describe("the task pane never calls a workbook without a ledger ready", () => {
  it("says 没有找到可检查的台账 for a blank workbook, as the written 检查结果 title does", async () => {
    const doc = await checkIn(simBook([{ name: "Sheet1", rows: [] }]));
    const verdict = `没有找到可检查的台账：工作簿是空的。台账应有表头，如 ${EXPECTED_HEADERS.zh}`;
    expect(screen.getByText(verdict)).toBeTruthy();
    expect(screen.queryByText(/可以提交/)).toBeNull();
    expect(doc.sheet("检查结果")!.cells.get(key(1, 1))?.value).toBe(
      `检查结果：${verdict}`,
    );
  });

  it("says a prose-only workbook holds only text", async () => {
    await checkIn(
      simBook([
        {
          name: "说明",
          rows: [
            ["关于做好春节走访慰问工作的通知"],
            ["各乡镇（街道）："],
            ["请于1月25日前报送台账。"],
          ],
        },
      ]),
    );
    expect(
      screen.getByText(
        /^没有找到可检查的台账：工作表“说明”只有文字，没有表格。/,
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/有 1 个错误/)).toBeNull();
  });
});
