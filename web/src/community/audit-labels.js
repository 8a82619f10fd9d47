// audit-labels.js — the audit log's Chinese labels of this area's object kinds and actions,
// merged by web/src/audit/labels.js (collected by import.meta.glob: an area adds its own file,
// no central edit; tests/lint/audit_labels.mjs checks every audited code has one).

export const OBJECT_TYPES = [
  // 社区警务
  { value: 'beat', label: '责任区' },
  { value: 'grid', label: '网格' },
  { value: 'key_person', label: '重点人员' },
  { value: 'key_person_transfer', label: '重点人员移交' },
  { value: 'key_person_listing', label: '重点人员列管申请' },
  { value: 'registration_sweep', label: '漏登漏管排查' },
  { value: 'leader_assignment', label: '包片领导指定' }
]

export const ACTIONS = {
  // 社区警务
  'beat.list': '查看责任区',
  'beat.manage': '划分责任区',
  'beat.create': '新建责任区',
  'beat.update': '修改责任区',
  'grid.create': '新建网格',
  'grid.assign': '地址划入网格',
  'leader_assignment.create': '指定包片领导',
  'leader_assignment.end': '撤销包片领导',
  'household_visit.list': '查看熟悉住户',
  'household_visit.create': '登记熟悉住户',
  'key_person.list': '查询重点人员',
  'key_person.read': '查看重点人员',
  'key_person.create': '列管重点人员',
  'key_person.update': '修改管控措施',
  'key_person.remove': '撤管重点人员',
  'key_person.review': '重点人员定期复核',
  'key_person.contact': '登记重点人员见面',
  'key_person.transfer': '移交重点人员',
  'key_person.acknowledge': '接收重点人员',
  'key_person_transfer.list': '查询重点人员移交',
  'registration_sweep.list': '查看漏登漏管排查',
  'registration_sweep.manage': '漏登漏管排查',
  'registration_sweep.create': '计划漏登漏管排查',
  'registration_sweep.finding': '登记排查结果',
  'today.read': '查看今日工作',
  'beat.map': '查看责任区地图',
  'leader_assignment.list': '查看包片领导',
  'registration_sweep.candidates': '查看漏登漏管线索',
  'key_person.remove_request': '申请撤管',
  'key_person.remove_approve': '审批撤管',
  'key_person.remove_reject': '不批准撤管',
  'key_person_removal.list': '查询撤管申请',
  'key_person.enlist_request': '申请列管',
  'key_person.enlist_approve': '批准列管',
  'key_person.enlist_reject': '不批准列管',
  'key_person_listing.list': '查询列管申请'
}

export const ACTION_PREFIXES = {}
