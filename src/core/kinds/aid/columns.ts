import type { ColumnDef } from '../../kind';

/**
 * An aid ledger's columns: header texts seen in practice (domain.md), compared after removing
 * white space, folding full-width forms and dropping a bracketed unit; English headers are
 * accepted too.
 */
export const AID_COLUMNS = {
  seq: { headers: ['序号', '编号', 'no', 'no.', '#', 'seq', '一级', '二级', '三级', '四级'], label: { zh: '序号', en: 'No.' }, rowLabel: true, grouping: true },
  county: { headers: ['县(市、区)', '县市区', '县区', '县(市区)', '县(区)', '县', 'county'], label: { zh: '县（市、区）', en: 'County' }, distinctive: true, rowLabel: true, grouping: true },
  township: { headers: ['乡镇(街道)', '乡镇', '街道', '乡镇街道', '乡(镇、街道)', 'township'], label: { zh: '乡镇（街道）', en: 'Township' }, distinctive: true, rowLabel: true, grouping: true },
  village: { headers: ['村(居)', '村居', '村', '社区', '村(社区)', 'village'], label: { zh: '村（居）', en: 'Village' }, distinctive: true, rowLabel: true, grouping: true },
  head: { headers: ['户主姓名', '户主', '姓名', '救助对象', '帮扶对象', '慰问对象', 'head', 'name'], label: { zh: '户主姓名', en: 'Head of household' }, distinctive: true, substance: true, rowLabel: true },
  idNumber: { headers: ['身份证号', '身份证号码', '公民身份号码', '户主身份证号', '身份证', 'id number', 'id'], label: { zh: '身份证号', en: 'ID number' }, distinctive: true, substance: true },
  households: { headers: ['户数', '救助户数', '慰问户数', '走访户数', '帮扶户数', '困难家庭户数', 'households'], label: { zh: '户数', en: 'Households' }, distinctive: true, substance: true, summed: true },
  members: { headers: ['人数', '救助人数', '慰问人数', '家庭人口', '家庭人口数', '人口数', '家庭人数', '人口', 'members', 'persons'], label: { zh: '家庭人口', en: 'Members' }, distinctive: true, substance: true, summed: true },
  hardshipType: { headers: ['困难类型', '家庭类型', '救助类别', '困难类别', '帮扶类型', 'hardship type', 'type'], label: { zh: '困难类型', en: 'Hardship type' }, distinctive: true },
  cash: { headers: ['慰问金', '救助金', '帮扶资金', '金额', '慰问金额', '救助金额', '现金', 'cash'], label: { zh: '慰问金', en: 'Cash' }, distinctive: true, substance: true, money: true, summed: true },
  goodsValue: { headers: ['慰问品折款', '物品折价', '慰问品', '慰问品折合金额', '物资折款', 'goods value', 'goods'], label: { zh: '慰问品折款', en: 'Goods value' }, distinctive: true, substance: true, money: true, summed: true },
  total: { headers: ['合计', '小计', '合计金额', '总金额', 'total'], label: { zh: '合计', en: 'Total' }, distinctive: true, substance: true, money: true, summed: true },
  fundSource: { headers: ['资金来源', 'fund source', 'source'], label: { zh: '资金来源', en: 'Fund source' }, distinctive: true },
  sourceGov: { headers: ['政府投入', '政府', '财政投入', 'government'], label: { zh: '政府投入', en: 'Government' }, distinctive: true, substance: true, money: true, summed: true },
  sourceDept: { headers: ['部门筹集', '部门', 'departments'], label: { zh: '部门筹集', en: 'Departments' }, distinctive: true, substance: true, money: true, summed: true },
  sourceEnterprise: { headers: ['企事业赞助', '企业赞助', '企事业', 'enterprises'], label: { zh: '企事业赞助', en: 'Enterprises' }, distinctive: true, substance: true, money: true, summed: true },
  sourceSocial: { headers: ['社会捐助', '社会捐赠', 'donations'], label: { zh: '社会捐助', en: 'Donations' }, distinctive: true, substance: true, money: true, summed: true },
  visitDate: { headers: ['走访日期', '走访时间', '慰问时间', '慰问日期', '救助时间', '发放时间', '发放日期', 'visit date'], label: { zh: '走访日期', en: 'Visit date' }, distinctive: true, substance: true },
  visitor: { headers: ['走访人', '慰问人', '走访领导', '慰问领导', 'visitor'], label: { zh: '走访人', en: 'Visitor' }, distinctive: true },
  phone: { headers: ['联系电话', '电话', '手机', '手机号码', 'phone'], label: { zh: '联系电话', en: 'Phone' }, distinctive: true, substance: true },
  note: { headers: ['备注', '说明', 'note', 'notes', 'remark'], label: { zh: '备注', en: 'Note' } },
} as const satisfies Record<string, ColumnDef>;

export type AidKey = keyof typeof AID_COLUMNS;
