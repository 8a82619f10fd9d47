// audit-labels.js — the audit log's Chinese labels of this area's object kinds and actions,
// merged by web/src/audit/labels.js (collected by import.meta.glob: an area adds its own file,
// no central edit; tests/lint/audit_labels.mjs checks every audited code has one).

export const OBJECT_TYPES = []

export const ACTIONS = {
  // 强制措施与执法监督
  'measure.list': '查询强制措施',
  'measure.start': '采取强制措施',
  'measure.extend': '延长强制措施',
  'measure.milestone': '强制措施节点',
  'measure.end': '解除强制措施',
  'warning.list': '查询执法预警',
  'breach.list': '查询超期记录',
  'breach.record': '记录超期',
  'breach.answer': '超期说明'
}

export const ACTION_PREFIXES = {}
