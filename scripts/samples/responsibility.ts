/**
 * Builds assets/samples/创城目标任务分解表-2017.xlsx: a city health commission's responsibility
 * table as clerks keep it (title, 填报单位 line, merged two-row header, several units in one
 * cell, mixed deadline formats, a 合计 row, a footer) with a dozen planted mistakes, each
 * listed in PLANTED so tests can hold the engine to them. Check it with --as-of 2017-07-15.
 */
import ExcelJS from 'exceljs';

type Row = [item: string, content: string, standard: string, points: number, units: string, co: string, owner: string, deadline: string | Date, status: string, score: number | string | null, reason: string, evidence: string];

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

/** 34 tasks; 分值 adds to 100 before the planted duplicate. */
export const TASKS: Row[] = [
  ['公益广告宣传', '医疗卫生机构设置公益广告', '院内醒目位置设置“讲文明树新风”公益广告不少于5处', 3, '宣传科、市人民医院', '各医疗机构', '李敏', d(2017, 6, 30), '已完成', 3, '', '照片'],
  ['公益广告宣传', '门户网站刊播公益广告', '委门户网站首页设置创城专栏', 2, '宣传科', '信息中心', '王长新', '2017年6月30日', '已完成', 2, '', '截图'],
  ['志愿服务', '医院设立志愿服务台', '二级以上医院门诊大厅有志愿服务台和志愿引导员', 4, '医政医管科，市人民医院', '各二级以上医院', '张伟', '2017.6.30', '推进中', 3, '部分医院未配备志愿引导员', ''],
  ['志愿服务', '志愿者注册', '系统职工志愿者注册率达到10%以上', 3, '机关党委', '各单位', '赵玉民', '2017/8/31', '推进中', null, '', ''],
  ['窗口服务', '优质文明诚信服务窗口', '开展“十佳优质文明诚信服务窗口”评选', 3, '医政医管科', '各医疗机构', '刘芳', '6月底', '已完成', 3, '', ''],
  ['窗口服务', '便民服务措施', '预约诊疗、一站式服务等便民措施落实到位', 3, '医政医管科', '', '刘芳', '常态化', '持续推进', 3, '', ''],
  ['无烟单位', '无烟医疗卫生机构创建', '医疗卫生机构全面禁烟，有禁烟标识和劝阻人员', 4, '疾控科、市疾控中心', '各医疗卫生机构', '孙强', d(2017, 6, 30), '已完成', 4, '', ''],
  ['无烟单位', '控烟监督检查', '每季度开展一次控烟监督检查', 2, '卫生监督局', '', '周涛', '长期', '持续推进', 2, '', ''],
  ['健康教育', '健康教育阵地建设', '社区卫生服务中心设置健康教育宣传栏', 3, '基层卫生科', '各县市区卫生计生局', '吴静', '2017年9月', '推进中', null, '', ''],
  ['健康教育', '健康素养促进', '居民健康素养水平达到12%', 3, '疾控科', '市健康教育所', '孙强', d(2017, 12, 31), '推进中', null, '', ''],
  ['环境卫生', '医疗机构环境整治', '院容院貌整洁，无乱贴乱画', 4, '医政医管科、后勤保障科', '各医疗机构', '郑磊', '2017年6月30日', '滞后', 2, '部分医院院区有乱停车现象', ''],
  ['环境卫生', '病媒生物防制', '病媒生物密度控制水平达到国家标准', 4, '疾控科', '市疾控中心', '孙强', '2017.7.10', '推进中', 3, '', ''],
  ['公共卫生', '基本公共卫生服务', '12类基本公共卫生服务项目全面落实', 4, '基层卫生科', '', '吴静', '长期坚持', '推进中', 4, '', ''],
  ['公共卫生', '传染病防控', '法定传染病报告率100%', 3, '疾控科', '市疾控中心', '孙强', '常态化', '已完成', 3, '', ''],
  ['计划生育', '计生特殊家庭帮扶', '计生特殊家庭“双岗”联系人制度落实', 3, '计生家庭发展科', '各县市区卫生计生局', '陈红', '2017年6月30日', '已完成', 3, '', ''],
  ['计划生育', '计生困难家庭救助', '春节走访慰问计生困难家庭', 3, '计生家庭发展科', '', '陈红', d(2017, 1, 22), '已完成', 3, '', '台账'],
  ['诚信建设', '医德医风建设', '建立医务人员医德考评档案', 3, '人事科', '各医疗机构', '马丽', '2017年8月31日', '推进中', null, '', ''],
  ['诚信建设', '诚信建设制度化', '签订诚信服务承诺书', 2, '人事科', '', '马丽', '尽快', '推进中', null, '', ''],
  ['党建工作', '党建考核（一票否决）', '党组织书记抓党建述职评议全覆盖', 4, '机关党委', '各单位党组织', '赵玉民', '2017年6月30日', '未完成', 2, '两个单位未开展述职评议', ''],
  ['党建工作', '精准党建', '建立党建项目管理台账', 3, '机关党委', '', '赵玉民', '长期', '已完成', 3, '', ''],
  ['文明单位', '文明单位创建', '市级以上文明单位达标', 3, '委办公室', '各单位', '办公室', '2017年10月', '推进中', null, '', ''],
  ['文明单位', '道德讲堂', '每季度举办一次道德讲堂', 2, '机关党委', '', '赵玉民', '常态化', '已完成', 2, '', ''],
  ['卫生城市', '国家卫生城市复审', '复审各项指标达标', 4, '爱卫办', '各县市区', '周涛', '2017年6月30日', '推进中', 3, '', ''],
  ['卫生城市', '农贸市场卫生', '农贸市场卫生管理达标', 3, '爱卫办', '市场监管部门', '周涛', '2017年8月', '推进中', null, '', ''],
  ['医疗服务', '改善医疗服务行动', '落实改善医疗服务行动计划', 3, '医政医管科', '各医疗机构', '刘芳', '2017年12月31日', '推进中', null, '', ''],
  ['医疗服务', '医患沟通', '医患纠纷调处机制健全', 3, '医政医管科', '', '', '2017年6月30日', '已完成', 3, '', ''],
  ['妇幼健康', '母婴保健服务', '孕产妇系统管理率达到90%', 3, '妇幼健康科', '市妇幼保健院', '黄莉', '2017年11月30日', '推进中', null, '', ''],
  ['妇幼健康', '母婴设施', '二级以上医院设置母婴室', 2, '妇幼健康科', '各二级以上医院', '黄莉', '2017年6月30日', '已完成', 6, '', ''],
  ['应急管理', '卫生应急', '突发公共卫生事件及时处置率100%', 3, '卫生应急办', '市疾控中心', '林峰', '常态化', '已完成', 3, '', ''],
  ['应急管理', '应急演练', '每年组织一次卫生应急演练', 3, '卫生应急办', '', '林峰', '2017年9月30日', '未启动', null, '', ''],
  ['信息公开', '政务公开', '按时公开政务信息', 2, '委办公室', '信息中心', '高洁', '常态化', '已完成', 1, '', ''],
  ['信息公开', '创城信息报送', '每月报送创城工作信息', 2, '委办公室', '', '高洁', '每月', '已完成', 2, '', ''],
  ['未成年人', '未成年人思想道德建设', '开展青少年健康知识进校园活动', 2, '宣传科', '市健康教育所', '李敏', '2017年9月', '推进中', '良好', '', ''],
  ['督导检查', '创城督导', '每月开展一次创城督导检查并下达督办通知单', 2, '委办公室', '创城办', '高洁', '常态化', '已完成', 2, '', ''],
];

/** The mistakes planted in the sample, by rule id: the tests expect each to be found. */
export const PLANTED = [
  'owner.not-person', // 文明单位创建: 责任人 “办公室”
  'required.missing', // 医患沟通: no 责任人
  'deadline.invalid', // 诚信建设制度化: “尽快”
  'task.overdue', // several tasks past 2017-06-30 not done
  'score.not-number', // 未成年人思想道德建设: “良好”
  'score.out-of-range', // 母婴设施: 6 of 2 points
  'score.deduction-unexplained', // 病媒生物防制, 国家卫生城市复审, 政务公开
  'task.duplicate', // 无烟医疗卫生机构创建 listed twice
  'veto.failed', // 党建考核（一票否决）: 未完成
  'score.max-total', // the duplicate brings the points to 102
  'total-row.mismatch', // the 合计 row says 100 points and 80 earned
  'row.blank', // a blank row after task 20
  'layout.merged-data', // 责任单位 merged over two rows (tasks 13–14 → 基层卫生科 / 疾控科)
  'layout.unknown-column', // 佐证材料
  'score.grade-invalid', // the 党建 tab: grade “D”
] as const;

const HEADER_1 = ['序号', '测评项目', '测评内容', '测评标准', '分值', '责任单位', '配合单位', '责任人', '完成时限', '完成情况', '考核情况', '', '佐证材料'];
const HEADER_2 = ['', '', '', '', '', '', '', '', '', '', '得分', '扣分原因', ''];

export async function buildResponsibilitySample(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '聊城市卫生计生委创城办';
  wb.created = new Date(Date.UTC(2017, 6, 10));
  const ws = wb.addWorksheet('分解表', { pageSetup: { paperSize: 9, orientation: 'landscape' } });
  ws.mergeCells('A1:M1');
  ws.getCell('A1').value = '聊城市卫生计生系统创建全国文明城市目标任务分解表';
  ws.getCell('A1').font = { bold: true, size: 16 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.mergeCells('A2:M2');
  ws.getCell('A2').value = '填报单位：聊城市卫生计生委创城办　　　　填报日期：2017年7月10日';
  ws.getRow(3).values = HEADER_1;
  ws.getRow(4).values = HEADER_2;
  for (const col of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'M']) ws.mergeCells(`${col}3:${col}4`);
  ws.mergeCells('K3:L3');
  for (const r of [3, 4]) ws.getRow(r).font = { bold: true };
  const rows: Row[] = [...TASKS];
  // Planted: the same task entered twice (after 控烟监督检查), which also pushes 分值 to 102.
  rows.splice(8, 0, ['无烟单位', '无烟医疗卫生机构创建', '医疗卫生机构全面禁烟，有禁烟标识和劝阻人员', 2, '疾控科', '', '孙强', '2017年6月30日', '已完成', 2, '', '']);
  let excelRow = 5;
  let seq = 1;
  let firstData = excelRow;
  for (let i = 0; i < rows.length; i++) {
    const [item, content, standard, points, units, co, owner, deadline, status, score, reason, evidence] = rows[i];
    ws.getRow(excelRow).values = [seq++, item, content, standard, points, units, co, owner, deadline, status, score, reason, evidence];
    if (deadline instanceof Date) ws.getCell(`I${excelRow}`).numFmt = 'yyyy"年"m"月"d"日"';
    excelRow++;
    if (i === 20) excelRow++; // planted blank row
  }
  const lastData = excelRow - 1;
  // Planted: 责任单位 merged over two rows, as clerks do for a unit with consecutive tasks.
  const merged = 5 + 13; // tasks 13–14 (公共卫生)
  ws.getCell(`F${merged + 1}`).value = null;
  ws.mergeCells(`F${merged}:F${merged + 1}`);
  ws.getCell(`F${merged}`).value = '基层卫生科';
  // 合计 row with the figures as they stood before the duplicate and the last scores came in.
  ws.getRow(excelRow).values = ['合计', '', '', '', 100, '', '', '', '', '', 80, '', ''];
  ws.getRow(excelRow).font = { bold: true };
  excelRow += 2;
  ws.getCell(`A${excelRow}`).value = '填表人：王敏　　　　审核人：刘德勇　　　　联系电话：0635-8241234';
  ws.columns.forEach((c, i) => (c.width = [6, 14, 24, 36, 6, 20, 16, 8, 14, 10, 6, 24, 10][i]));
  void firstData;
  void lastData;

  // A second tab scored by state description (A/B/C/G) rather than points.
  const ps = wb.addWorksheet('党建测评');
  ps.getRow(1).values = ['市直卫生计生系统党建工作测评表（状态描述）'];
  ps.getRow(2).values = ['序号', '测评指标', '测评内容', '分值', '责任科室', '具体责任人', '时间节点', '进展情况', '等次', '扣分说明'];
  const party: Array<[string, string, number, string, string, string | Date, string, string, string]> = [
    ['组织建设', '基层党组织按期换届', 25, '机关党委', '赵玉民', '2017年6月30日', '已完成', 'A', ''],
    ['制度落实', '“三会一课”制度落实', 25, '机关党委', '赵玉民', '常态化', '已完成', 'B', '个别支部记录不全'],
    ['党风廉政', '落实党风廉政建设责任制', 25, '纪检监察室', '钱进', '长期', '已完成', 'A', ''],
    ['作风建设', '开展作风纪律专项整治', 25, '纪检监察室', '钱进', d(2017, 9, 30), '推进中', 'D', ''],
  ];
  party.forEach((p, i) => (ps.getRow(3 + i).values = [i + 1, ...p]));
  return wb;
}
