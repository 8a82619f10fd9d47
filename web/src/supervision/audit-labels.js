// audit-labels.js — the audit log's Chinese labels of this area's object kinds and actions,
// merged by web/src/audit/labels.js (collected by import.meta.glob: an area adds its own file,
// no central edit; tests/lint/audit_labels.mjs checks every audited code has one).

export const OBJECT_TYPES = [
  // 执法监督 (issue 15 part A)
  { value: 'complaint', label: '信访投诉' },
  { value: 'return_visit', label: '案件回访' },
  { value: 'appeal', label: '复议诉讼赔偿' },
  { value: 'fault_finding', label: '执法过错' },
  { value: 'interference', label: '干预执法登记' }
]

export const ACTIONS = {
  // 执法监督与警务公开 (issue 15 part A)
  'supervision_card.hand': '发放执法监督卡',
  'return_visit.list_due': '查询待回访',
  'return_visit.list': '查询回访记录',
  'return_visit.retry': '再次回访',
  'return_visit.create': '登记案件回访',
  'return_visit.review': '复核不满意回访',
  'return_visit.stats': '查询回访率',
  'complaint.file_public': '网上提交控告申诉',
  'complaint.query_public': '查询投诉办理进度（公众）',
  'complaint.create': '登记信访投诉',
  'complaint.list': '查询信访投诉',
  'complaint.read': '查看信访投诉',
  'complaint.update': '办理信访投诉',
  'complaint.accept': '受理信访投诉',
  'complaint.reject': '不予受理信访投诉',
  'complaint.extend': '延长信访办理期限',
  'complaint.finish': '办结信访投诉',
  'complaint.review': '请求复查',
  'complaint.review_answer': '作出复查意见',
  'complaint.recheck': '请求复核',
  'complaint.recheck_answer': '作出复核意见',
  'appeal.create': '登记复议诉讼赔偿',
  'appeal.answer': '登记复议答复举证',
  'appeal.outcome': '登记复议诉讼结果',
  'appeal.list': '查询复议诉讼赔偿',
  'fault.open': '启动执法过错调查',
  'fault.decide': '作出执法过错认定',
  'fault.list': '查询执法过错',
  'officer.record_list': '查询民警执法档案',
  'interference.create': '登记干预执法',
  'interference.list': '查阅干预执法登记',
  'complaint.notify': '书面告知信访去向',
  'complaint.object': '对转送信访事项提出异议',
  'appeal.forward': '登记复议申请转送',
  'appeal.completion_notice': '一次性告知赔偿申请补正内容',
  'appeal.hearing': '听取赔偿请求人意见',
  'appeal.payment': '登记支付国家赔偿'
}

export const ACTION_PREFIXES = {
  'complaint.': '信访投诉办理'
}
