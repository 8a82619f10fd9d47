// audit-labels.js — the audit log's Chinese labels of this area's object kinds and actions,
// merged by web/src/audit/labels.js (collected by import.meta.glob: an area adds its own file,
// no central edit; tests/lint/audit_labels.mjs checks every audited code has one).

export const OBJECT_TYPES = [
  { value: 'recusal', label: '办案回避' }
]

export const ACTIONS = {
  // 执法办案
  'case.create': '受案登记',
  'case.list': '查询案件',
  'case.read': '查看案件',
  'case.officer_add': '增加办案民警',
  'case.party_add': '增加当事人',
  'case.party_match': '当事人身份证号匹配他单位登记人员',
  'approval.list': '查看待审批',
  'case.progress_query': '群众查询案件进度',
  'case.file': '立案',
  'case.decline': '不予立案',
  'case.transfer': '移送',
  'case.submit': '提交审批',
  'case.approve': '审批同意',
  'case.reject': '审批退回',
  'case.onspot_decide': '当场处罚决定',
  'case.onspot_report': '当场处罚备案',
  'case.approve_late': '批准补录',
  'case.econ_review': '经济纠纷法制审核',
  'case.facts': '修改认定事实',
  'case.deliver': '送达',
  'case.close': '结案',
  'case.mediate': '调解结案',
  'case.conclude': '侦查终结',
  'case.withdraw': '撤销案件',
  'case.archive': '归档',
  'case.limit_extend': '延长办案期限',
  'case.pause': '中止计时',
  'case.resume': '恢复计时',
  'interview.create': '新建询问笔录',
  'interview.update': '修改询问笔录',
  'interview.sign': '笔录签名',
  'interview.correct': '笔录更正',
  'notice.create': '告知登记',
  'proposal.create': '提出处理意见',
  'proposal.withdraw': '撤回处理意见',
  'property.create': '登记涉案财物',
  'property.keep': '涉案财物移交保管',
  'document.issue': '制作文书',
  'document.print': '打印文书',
  'recusal.create': '登记回避',
  'recusal.decide': '决定回避',
  'recusal.list': '查看回避记录'
}

export const ACTION_PREFIXES = {
  'case.': '办案操作'
}
