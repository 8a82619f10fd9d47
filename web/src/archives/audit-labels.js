// audit-labels.js — the audit log's Chinese labels of this area's object kinds and actions,
// merged by web/src/audit/labels.js (collected by import.meta.glob: an area adds its own file,
// no central edit; tests/lint/audit_labels.mjs checks every audited code has one).

export const OBJECT_TYPES = [
  // 执法监督 (issue 15 part A)
  { value: 'evidence_attachment', label: '证据附件' },
  { value: 'archive_file', label: '执法档案' },
  { value: 'archive_loan', label: '档案借阅' },
  { value: 'case_review', label: '案件质量考评' },
  { value: 'online_inspection', label: '网上巡查' }
]

export const ACTIONS = {
  // 证据、案件质量与执法档案
  'evidence.create': '登记证据',
  'evidence.attach': '上传证据附件',
  'evidence.attachment_read': '查看证据附件',
  'archive.file': '档案入库',
  'archive.list': '查看执法档案',
  'archive.pending': '查看待归档案件',
  'archive.review': '开卷查阅登记',
  'loan.request': '申请借阅档案',
  'loan.approve': '同意借阅档案',
  'loan.reject': '不同意借阅档案',
  'loan.lend': '借出档案',
  'loan.return': '归还档案',
  'loan.list': '查看档案借阅',
  'ledger.property': '查看涉案财物台账',
  'ledger.case_ledger': '查看案件台账',
  'ledger.measure_ledger': '查看强制措施台账',
  'ledger.archive_ledger': '查看执法档案台账',
  'ledger.loan_ledger': '查看档案借阅台账',
  'case_review.create': '案件质量考评',
  'case_review.list': '查看案件质量考评',
  'case_review.summary': '查看考评汇总',
  'inspection.create': '网上巡查',
  'inspection.finding': '登记巡查问题',
  'inspection.answer': '答复巡查问题',
  'inspection.list': '查看网上巡查'
}

export const ACTION_PREFIXES = {
  'ledger.': '查看台账'
}
