/**
 * Two review-ballot workbooks (the ballot kind, 述职评议 / 群众评议) as offices type them:
 *  - 述职评议: 12 党组织书记, 60 ballots typed as ticked grids stacked on one sheet (one block per
 *    paper ballot: 第 N 张, a two-row header of five items over 好 较好 一般 差, one row per person),
 *    and the office's own 计票表 beside them. The mistakes in PLANTED_BALLOT are planted on purpose.
 *  - 群众评议: 8 村党组织书记, 30 ballots typed into an entry sheet (录入表), one row per ballot and
 *    person, the choice word 满意 / 基本满意 / 不满意 per item. It has no mistake.
 * Every valid count is designed (DESIGN_*), so the tally can be checked by hand; the ballots are
 * shuffled by a fixed seed, so every run writes the same workbooks.
 */
import ExcelJS from 'exceljs';
import { prng } from './prng';

function shuffle<T>(xs: T[], rnd: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

export const REVIEW_ITEMS = ['对党建工作重视程度', '党建工作成效', '问题查摆到位情况', '廉政勤政', '总体评价'];
export const REVIEW_CHOICES = ['好', '较好', '一般', '差'];
export const REVIEW_BALLOTS = 60;
export const REVIEW_PRESENT = 60;
export const REVIEW_EXPECTED = 62;

/** The 12 secretaries; two are called 王伟, in different units: two persons. */
export const SECRETARIES: Array<{ name: string; unit: string; post: string }> = [
  { name: '张建华', unit: '区卫生计生局机关党委', post: '党委书记' },
  { name: '李秀兰', unit: '区人民医院党委', post: '党委书记' },
  { name: '刘志强', unit: '区中医院党总支', post: '党总支书记' },
  { name: '陈玉兰', unit: '区妇幼保健院党支部', post: '党支部书记' },
  { name: '杨德明', unit: '区疾病预防控制中心党支部', post: '党支部书记' },
  { name: '赵金海', unit: '区卫生监督所党支部', post: '党支部书记' },
  { name: '王伟', unit: '侯营镇卫生院党支部', post: '党支部书记' },
  { name: '周春生', unit: '沙镇镇卫生院党支部', post: '党支部书记' },
  { name: '王伟', unit: '堂邑镇卫生院党支部', post: '党支部书记' },
  { name: '吴学文', unit: '梁水镇卫生院党支部', post: '党支部书记' },
  { name: '孙长山', unit: '道口铺街道社区卫生服务中心党支部', post: '党支部书记' },
  { name: '郑宝山', unit: '区计划生育协会党支部', post: '党支部书记' },
];

/**
 * The valid marks on 总体评价 per secretary (好 较好 一般 差), summing to 59: the 59 ballots that
 * are not blank. 赵金海 ties 杨德明 (45 好 and 56 好+较好 of 59 each: the same rank); 孙长山's
 * largest share is 一般 (约谈); 郑宝山 has 21 差 of 59 ≥ 1/3, so 差 whatever else (约谈).
 */
export const DESIGN_OVERALL: number[][] = [
  [52, 5, 2, 0],
  [50, 7, 2, 0],
  [48, 8, 3, 0],
  [46, 10, 2, 1],
  [45, 11, 3, 0],
  [45, 11, 2, 1],
  [42, 13, 4, 0],
  [40, 14, 4, 1],
  [36, 17, 5, 1],
  [22, 29, 6, 2],
  [12, 17, 26, 4],
  [8, 14, 16, 21],
];

/** The other four items: the overall marks with k 好 moved to 较好 on item k; a few set apart. */
function designFor(p: number, item: number): number[] {
  const v = [...DESIGN_OVERALL[p]];
  if (item === 4) return v;
  // 孙长山 is clean-handed (廉政勤政 好 by a majority): it is not among the items that pulled him down.
  if (p === 10 && item === 3) return [31, 20, 7, 1];
  // 郑宝山's 重视程度 is 一般 with 差 below a third; his other items follow the overall one.
  if (p === 11 && item === 0) return [10, 16, 23, 10];
  const k = Math.min(item, v[0]);
  v[0] -= k;
  v[1] += k;
  return v;
}

/**
 * The planted mistakes (1-based ballot numbers, 0-based person and item indexes); each finding's
 * cell is recorded by the builder into `REVIEW_PLANTED_CELLS`.
 */
export const PLANTED_BALLOT = {
  /** 第 7 张: 刘志强's 党建工作成效 ticked under 好 and under 较好 (ballot.multiple-marks). */
  multipleMarks: { ballot: 7, person: 2, item: 1 },
  /** 第 12 张: 杨德明's 廉政勤政 left blank (ballot.blank-item). */
  blankItem: { ballot: 12, person: 4, item: 3 },
  /** 第 23 张: handed in with nothing ticked (ballot.blank, a 废票: cast, not valid). */
  blankBallot: { ballot: 23 },
  /** 第 31 张: 周春生's 总体评价 marked × under 差 (ballot.invalid-mark). */
  invalidMark: { ballot: 31, person: 7, item: 4, mark: '×' },
  /** 第 44 张: 吴学文's row is missing (ballot.person-missing). */
  personMissing: { ballot: 44, person: 9 },
  /** 计票表: 李秀兰's 党建工作成效 较好 typed one higher than the ballots give (ballot.tally-mismatch). */
  tallyMismatch: { person: 1, item: 1, choice: 1, by: 1 },
} as const;

/** Where the planted findings sit, filled in by buildReviewSample (sheet!cell). */
export const REVIEW_PLANTED_CELLS: Record<string, string> = {};

const BALLOT_SHEET = '测评票';
const TALLY_SHEET = '计票表';
const LEFT = ['序号', '姓名', '单位', '职务'];
const BLOCK_ROWS = 3 + SECRETARIES.length + 1; // title, two header rows, persons, a blank row

function col(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Column (1-based) of an item's choice in the grid. */
const choiceCol = (item: number, choice: number) => LEFT.length + 1 + item * REVIEW_CHOICES.length + choice;
const LAST_COL = LEFT.length + REVIEW_ITEMS.length * REVIEW_CHOICES.length;

/** The two header rows: items merged over their choices, the left columns merged down. */
function gridHeader(ws: ExcelJS.Worksheet, top: number) {
  LEFT.forEach((h, i) => {
    ws.getCell(top, i + 1).value = h;
    ws.mergeCells(top, i + 1, top + 1, i + 1);
  });
  REVIEW_ITEMS.forEach((item, i) => {
    ws.getCell(top, choiceCol(i, 0)).value = item;
    ws.mergeCells(top, choiceCol(i, 0), top, choiceCol(i, REVIEW_CHOICES.length - 1));
    REVIEW_CHOICES.forEach((c, j) => (ws.getCell(top + 1, choiceCol(i, j)).value = c));
  });
  for (const r of [top, top + 1]) {
    ws.getRow(r).font = { bold: true };
    ws.getRow(r).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
}

/**
 * marks[b][p][i] = the choice index ticked on ballot b (0-based) for person p and item i, or null.
 * Planted mistakes are not in it: they are written over the grid by the builder.
 */
function reviewMarks(): Array<Array<Array<number | null>>> {
  const rnd = prng(20171218);
  const marks = Array.from({ length: REVIEW_BALLOTS }, () => SECRETARIES.map(() => REVIEW_ITEMS.map((): number | null => null)));
  const P = PLANTED_BALLOT;
  const planted = (b: number, p: number, i: number) =>
    (b === P.multipleMarks.ballot - 1 && p === P.multipleMarks.person && i === P.multipleMarks.item) ||
    (b === P.blankItem.ballot - 1 && p === P.blankItem.person && i === P.blankItem.item) ||
    (b === P.invalidMark.ballot - 1 && p === P.invalidMark.person && i === P.invalidMark.item) ||
    (b === P.personMissing.ballot - 1 && p === P.personMissing.person);
  for (let p = 0; p < SECRETARIES.length; p++) {
    for (let i = 0; i < REVIEW_ITEMS.length; i++) {
      const ballots = [...Array(REVIEW_BALLOTS).keys()].filter((b) => b !== P.blankBallot.ballot - 1 && !planted(b, p, i));
      // A ballot with a planted mistake on this cell has one valid mark fewer: taken from the biggest choice.
      const v = designFor(p, i);
      while (v.reduce((a, b) => a + b, 0) > ballots.length) v[v.indexOf(Math.max(...v))]--;
      const pool = shuffle(
        v.flatMap((n, c) => Array<number>(n).fill(c)),
        rnd,
      );
      ballots.forEach((b, k) => (marks[b][p][i] = pool[k]));
    }
  }
  return marks;
}

/** The valid counts the ballots give: counts[p][i][c]. */
export function reviewCounts(): number[][][] {
  const marks = reviewMarks();
  const counts = SECRETARIES.map(() => REVIEW_ITEMS.map(() => REVIEW_CHOICES.map(() => 0)));
  for (const ballot of marks) ballot.forEach((row, p) => row.forEach((c, i) => c !== null && counts[p][i][c]++));
  return counts;
}

export async function buildReviewSample(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '东昌府区卫生计生局党委';
  wb.created = new Date(Date.UTC(2017, 11, 20));
  wb.modified = wb.created;
  const ws = wb.addWorksheet(BALLOT_SHEET, { pageSetup: { paperSize: 9, orientation: 'landscape' } });
  ws.getCell(1, 1).value = `2017年度党组织书记抓基层党建工作述职评议测评表（应到 ${REVIEW_EXPECTED} 人，实到 ${REVIEW_PRESENT} 人）`;
  ws.mergeCells(1, 1, 1, LAST_COL);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  const marks = reviewMarks();
  const P = PLANTED_BALLOT;
  const at = (sheet: string, row: number, c: number) => `${sheet}!${col(c)}${row}`;
  let top = 3;
  for (let b = 0; b < REVIEW_BALLOTS; b++) {
    const n = b + 1;
    // Clerks typed their ticks as they came: √ mostly, ✓ on the ballots one of them typed.
    const tick = n > 40 && n <= 50 ? '✓' : '√';
    ws.getCell(top, 1).value = `党组织书记抓基层党建工作述职评议测评表　第 ${n} 张`;
    ws.mergeCells(top, 1, top, LAST_COL);
    ws.getCell(top, 1).font = { bold: true };
    gridHeader(ws, top + 1);
    if (n === P.blankBallot.ballot) REVIEW_PLANTED_CELLS['ballot.blank'] = at(BALLOT_SHEET, top + 3, choiceCol(0, 0));
    if (n === P.personMissing.ballot) REVIEW_PLANTED_CELLS['ballot.person-missing'] = at(BALLOT_SHEET, top + 1, 1);
    let r = top + 3;
    let seq = 1;
    SECRETARIES.forEach((s, p) => {
      if (n === P.personMissing.ballot && p === P.personMissing.person) return;
      ws.getRow(r).values = [seq++, s.name, s.unit, s.post];
      marks[b][p].forEach((c, i) => {
        if (c !== null) ws.getCell(r, choiceCol(i, c)).value = tick;
      });
      if (n === P.multipleMarks.ballot && p === P.multipleMarks.person) {
        ws.getCell(r, choiceCol(P.multipleMarks.item, 0)).value = tick;
        ws.getCell(r, choiceCol(P.multipleMarks.item, 1)).value = tick;
        REVIEW_PLANTED_CELLS['ballot.multiple-marks'] = at(BALLOT_SHEET, r, choiceCol(P.multipleMarks.item, 0));
      }
      if (n === P.blankItem.ballot && p === P.blankItem.person) REVIEW_PLANTED_CELLS['ballot.blank-item'] = at(BALLOT_SHEET, r, choiceCol(P.blankItem.item, 0));
      if (n === P.invalidMark.ballot && p === P.invalidMark.person) {
        ws.getCell(r, choiceCol(P.invalidMark.item, 3)).value = P.invalidMark.mark;
        REVIEW_PLANTED_CELLS['ballot.invalid-mark'] = at(BALLOT_SHEET, r, choiceCol(P.invalidMark.item, 3));
      }
      r++;
    });
    top += BLOCK_ROWS;
  }
  ws.getColumn(1).width = 5;
  ws.getColumn(2).width = 8;
  ws.getColumn(3).width = 30;
  ws.getColumn(4).width = 11;
  for (let c = LEFT.length + 1; c <= LAST_COL; c++) {
    ws.getColumn(c).width = 5;
    ws.getColumn(c).alignment = { horizontal: 'center' };
  }

  // The office's own count, typed from the paper ballots: one cell is wrong.
  const counts = reviewCounts();
  const t = wb.addWorksheet(TALLY_SHEET, { pageSetup: { paperSize: 9, orientation: 'landscape' } });
  t.getCell(1, 1).value = '2017年度党组织书记抓基层党建工作述职评议计票表';
  t.mergeCells(1, 1, 1, LAST_COL);
  t.getCell(1, 1).font = { bold: true, size: 14 };
  t.getCell(1, 1).alignment = { horizontal: 'center' };
  gridHeader(t, 2);
  SECRETARIES.forEach((s, p) => {
    const r = 4 + p;
    t.getRow(r).values = [p + 1, s.name, s.unit, s.post];
    REVIEW_ITEMS.forEach((_, i) =>
      REVIEW_CHOICES.forEach((_, c) => {
        const m = P.tallyMismatch;
        const wrong = p === m.person && i === m.item && c === m.choice;
        t.getCell(r, choiceCol(i, c)).value = counts[p][i][c] + (wrong ? m.by : 0);
        if (wrong) REVIEW_PLANTED_CELLS['ballot.tally-mismatch'] = at(TALLY_SHEET, r, choiceCol(i, c));
      }),
    );
  });
  t.getCell(4 + SECRETARIES.length + 1, 1).value = '计票人：刘敏　　监票人：孙立新　　2017年12月18日';
  t.getColumn(1).width = 5;
  t.getColumn(2).width = 8;
  t.getColumn(3).width = 30;
  t.getColumn(4).width = 11;
  for (let c = LEFT.length + 1; c <= LAST_COL; c++) t.getColumn(c).width = 5;
  return wb;
}

// ——— 群众评议, an entry sheet ———

export const MASS_ITEMS = ['工作作风', '服务群众', '廉洁自律', '总体评价'];
export const MASS_CHOICES = ['满意', '基本满意', '不满意'];
export const MASS_BALLOTS = 30;

export const VILLAGE_SECRETARIES: Array<{ name: string; unit: string }> = [
  { name: '马德胜', unit: '东街村党支部' },
  { name: '高秀珍', unit: '西街村党支部' },
  { name: '林长青', unit: '前屯村党支部' },
  { name: '何凤英', unit: '后屯村党支部' },
  { name: '郭振东', unit: '李海务村党支部' },
  { name: '罗桂芝', unit: '王庄村党支部' },
  { name: '梁金山', unit: '刘庄村党支部' },
  { name: '宋玉华', unit: '胡屯村党支部' },
];

/**
 * Valid marks on 总体评价 per secretary (满意 基本满意 不满意), 30 each: 梁金山 has 10 不满意 of
 * 30 (= 1/3), so 不满意 and 约谈; 罗桂芝's largest share is 基本满意; the rest 满意.
 */
export const DESIGN_MASS: number[][] = [
  [26, 4, 0],
  [24, 5, 1],
  [23, 6, 1],
  [21, 8, 1],
  [20, 8, 2],
  [11, 16, 3],
  [9, 11, 10],
  [25, 5, 0],
];

export async function buildMassSample(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '侯营镇党委';
  wb.created = new Date(Date.UTC(2017, 11, 26));
  wb.modified = wb.created;
  const ws = wb.addWorksheet('录入表');
  ws.getCell(1, 1).value = `侯营镇2017年度村党组织书记群众评议录入表（参加测评 ${MASS_BALLOTS} 人）`;
  ws.mergeCells(1, 1, 1, 3 + MASS_ITEMS.length);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getRow(2).values = ['票号', '姓名', '单位', ...MASS_ITEMS];
  ws.getRow(2).font = { bold: true };
  const rnd = prng(20171226);
  // marks[p][i][b] = the choice on ballot b, shuffled.
  const marks = VILLAGE_SECRETARIES.map((_, p) =>
    MASS_ITEMS.map((_, i) =>
      shuffle(
        massDesign(p, i).flatMap((n, c) => Array<number>(n).fill(c)),
        rnd,
      ),
    ),
  );
  let r = 3;
  for (let b = 0; b < MASS_BALLOTS; b++) {
    VILLAGE_SECRETARIES.forEach((s, p) => {
      ws.getRow(r++).values = [`Q${String(b + 1).padStart(3, '0')}`, s.name, s.unit, ...MASS_ITEMS.map((_, i) => MASS_CHOICES[marks[p][i][b]])];
    });
  }
  ws.getCell(r + 1, 1).value = '录入人：张丽　　核对人：王海燕';
  ws.getColumn(1).width = 7;
  ws.getColumn(2).width = 8;
  ws.getColumn(3).width = 16;
  for (let c = 4; c <= 3 + MASS_ITEMS.length; c++) ws.getColumn(c).width = 10;
  return wb;
}

/** The mass sample's valid counts: counts[p][i][c] (designed: no mistakes). */
export function massCounts(): number[][][] {
  return VILLAGE_SECRETARIES.map((_, p) => MASS_ITEMS.map((_, i) => massDesign(p, i)));
}

/** 服务群众 and 廉洁自律 lean one 满意 to 基本满意 from 总体评价; 工作作风 is the same as it. */
function massDesign(p: number, item: number): number[] {
  const v = [...DESIGN_MASS[p]];
  if (item === 1 || item === 2) {
    v[0] -= 1;
    v[1] += 1;
  }
  return v;
}
