// audit-labels.js — the audit log's Chinese labels of this area's object kinds and actions,
// merged by web/src/audit/labels.js (collected by import.meta.glob: an area adds its own file,
// no central edit; tests/lint/audit_labels.mjs checks every audited code has one).

export const OBJECT_TYPES = [
  // 领导交办、逐级上报与阅示
  { value: 'leader_task', label: '领导交办' },
  { value: 'daily_submission', label: '日报上报' },
  { value: 'daily_instruction', label: '领导阅示' },
  { value: 'meeting', label: '调度分析会' },
  { value: 'analysis', label: '研判' }
]

export const ACTIONS = {
  // 指挥调度 (issue 17)
  'leader_task.create': '领导交办',
  'leader_task.list': '查询领导交办',
  'leader_task.read': '查看领导交办',
  'leader_task.sign': '签收领导交办',
  'leader_task.progress': '登记交办进展',
  'leader_task.complete': '办结领导交办',
  'leader_task.update': '办理领导交办',
  'leader_task.assign': '领导交办',
  'daily.submit': '上报日报',
  'daily.summary': '查看日报汇总',
  'daily.instruct': '领导阅示',
  'analysis.read': '查看研判',
  'analysis.note': '填写研判意见',
  'analysis.weekly': '查看研判周报',
  'meeting.create': '记录调度分析会',
  'meeting.read': '查看调度分析会',
  'meeting.list': '查询调度分析会'
}

export const ACTION_PREFIXES = {
  'leader_task.': '领导交办办理'
}
