// audit-labels.js — the audit log's Chinese labels of this area's object kinds and actions,
// merged by web/src/audit/labels.js (collected by import.meta.glob: an area adds its own file,
// no central edit; tests/lint/audit_labels.mjs checks every audited code has one).

export const OBJECT_TYPES = [
  { value: 'incident_category', label: '警情类别' }
]

export const ACTIONS = {
  // 110 接处警
  'incident.create': '接警登记',
  'incident.list': '查询警情',
  'incident.read': '查看警情',
  'incident.board': '查看调度看板',
  'incident.duplicate_check': '疑似重复警情比对',
  'incident.dispatch': '派警',
  'incident.acknowledge': '签收警情',
  'incident.arrive': '到场',
  'incident.feedback': '处置反馈',
  'incident.callback': '回告报警人',
  'incident.close': '结束警情',
  'oversight.create': '发起督办',
  'oversight.list': '查询督办',
  'oversight.sign': '签收督办',
  'oversight.answer': '答复督办',
  'oversight.accept': '督办审核通过',
  'oversight.return': '督办退回重办',
  'oversight.review': '审核督办答复',
  'oversight.update': '处理督办',
  'report.daily': '查看警务动态日报',
  'report.stats': '查看统计分析',
  // 指挥调度 (issue 17)
  'incident.responders': '登记出警人员',
  'unfiled_incident.list': '查询有警无案',
  'incident_category_offence.put': '修改警情类别案由对照'
}

export const ACTION_PREFIXES = {
  'incident.': '警情操作'
}
