import type { ColumnDef } from '../../kind';

/**
 * A responsibility table's columns: header texts seen in practice (domain.md), compared after
 * removing white space, folding full-width forms and dropping a bracketed unit; English headers
 * are accepted too. 序号 split over three columns under one merged 序号 reads 一级 / 二级 / 三级.
 */
export const RESPONSIBILITY_COLUMNS = {
  seq: { headers: ['序号', '编号', 'no', 'no.', '#', 'seq', '一级', '二级', '三级', '四级'], label: { zh: '序号', en: 'No.' }, rowLabel: true, grouping: true },
  item: { headers: ['考核项目', '评分项目', '测评项目', '工作任务', '重点工作', '重点任务', '任务', '项目', '目标任务', '测评指标', '指标', '任务名称', 'item', 'task'], label: { zh: '测评项目', en: 'Item' }, distinctive: true, rowLabel: true, grouping: true },
  content: { headers: ['测评内容', '工作内容', '具体任务', '工作要求', '任务内容', '具体内容', '考核内容', '评分内容', '具体措施', '工作措施', '主要措施', 'content'], label: { zh: '测评内容', en: 'Content' }, distinctive: true, rowLabel: true },
  standard: { headers: ['测评标准', '达标要求', '标准', '完成标准', '考核标准', '评分标准', 'standard'], label: { zh: '测评标准', en: 'Standard' }, distinctive: true, grouping: true },
  maxScore: { headers: ['分值', '标准分', '满分', '分数', '权重分', 'points', 'maxscore', 'max score'], label: { zh: '分值', en: 'Points' }, distinctive: true, summed: true },
  leadUnit: { headers: ['牵头单位', '牵头科室', '责任单位', '责任科室', '牵头部门', '责任部门', 'lead unit', 'unit'], label: { zh: '牵头单位', en: 'Lead unit' }, distinctive: true, substance: true },
  coUnits: { headers: ['配合单位', '协办单位', '参与单位', '配合科室', '配合部门', 'co-units', 'co units'], label: { zh: '配合单位', en: 'Co-units' }, distinctive: true, substance: true },
  owner: { headers: ['责任人', '具体责任人', '经办人', '联系人', '负责人', '责任人员', 'owner', 'responsible person'], label: { zh: '责任人', en: 'Owner' }, distinctive: true, substance: true },
  // The leader over the task: never its owner when a 具体责任人 column exists.
  leader: { headers: ['责任领导', '分管领导', '包保领导', '牵头领导', '分管负责人', '主管领导', 'leader'], label: { zh: '责任领导', en: 'Leader' }, distinctive: true, substance: true },
  deadline: { headers: ['完成时限', '时间节点', '完成时间', '时限', '完成期限', 'deadline', 'due'], label: { zh: '完成时限', en: 'Deadline' }, distinctive: true, substance: true },
  status: { headers: ['完成情况', '进展情况', '落实情况', '进度', '推进情况', 'status', 'progress'], label: { zh: '完成情况', en: 'Status' }, distinctive: true, substance: true },
  score: { headers: ['得分', '实际得分', '测评得分', '考核得分', '考评得分', '评定得分', 'score'], label: { zh: '得分', en: 'Score' }, distinctive: true, summed: true },
  selfScore: { headers: ['自评分', '自评得分', '自查得分', '自评', '自评分数', 'self score'], label: { zh: '自评分', en: 'Self score' }, distinctive: true, summed: true },
  grade: { headers: ['等次', '评定', '测评等次', '状态描述', '评定等次', 'grade'], label: { zh: '等次', en: 'Grade' }, distinctive: true, substance: true },
  deductionReason: { headers: ['扣分原因', '扣分说明', '存在问题', '扣分情况', 'deduction reason', 'reason'], label: { zh: '扣分原因', en: 'Deduction reason' }, distinctive: true, substance: true },
  veto: { headers: ['一票否决', '是否一票否决', 'veto'], label: { zh: '一票否决', en: 'Veto' }, distinctive: true },
  note: { headers: ['备注', '说明', 'note', 'notes', 'remark'], label: { zh: '备注', en: 'Note' } },
} as const satisfies Record<string, ColumnDef>;

export type ResponsibilityKey = keyof typeof RESPONSIBILITY_COLUMNS;
