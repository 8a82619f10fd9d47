// audit-labels.js — the audit log's Chinese labels of this area's object kinds and actions,
// merged by web/src/audit/labels.js (collected by import.meta.glob: an area adds its own file,
// no central edit; tests/lint/audit_labels.mjs checks every audited code has one).

export const OBJECT_TYPES = [
  // 特种行业、内部单位与为民服务
  { value: 'spot_check', label: '用工单位抽查' },
  { value: 'employer_meeting', label: '用工单位例会' },
  // 居住证 (COM-RESCARD)
  { value: 'residence_permit', label: '居住证' }
]

export const ACTIONS = {
  // 居住证 (COM-RESCARD)
  'residence_permit.apply': '受理居住证申领',
  'residence_permit.accept': '居住证申请受理',
  'residence_permit.issue': '签发居住证',
  'residence_permit.endorse': '居住证签注',
  'residence_permit.withdraw': '撤回居住证申请',
  'residence_permit.cancel': '注销居住证',
  'residence_permit.list': '查询居住证',
  'residence_permit.read': '查看居住证',
  'residence_permit.eligibility': '查询居住证申领资格',
  // 一标三实
  'population.summary': '查看一标三实看板',
  'person.create': '登记人员',
  'person.update': '修改人员',
  'person.register': '人员登记',
  'person.read': '查看人员',
  'person.search': '查询人员',
  'person.use': '引用人员',
  'address.create': '新建标准地址',
  'address.update': '修改标准地址',
  'rental.create': '登记出租房屋',
  'rental.update': '重新登记出租房屋（导入）',
  'rental.list': '查询出租房屋',
  'rental.read': '查看出租房屋',
  'rental.visit': '走访出租房屋',
  'rental.link_case': '出租房屋关联案件',
  'tenancy.create': '登记承租关系',
  'tenancy.end': '结束承租关系',
  'floating.register': '流动人口登记',
  'employer.create': '登记用工单位',
  'employer.list': '查询用工单位',
  'employer.report': '用工单位报备',
  'import.persons': '批量导入人员',
  'import.rentals': '批量导入出租房屋',
  'import.tenancies': '批量导入承租关系',
  'wanted.list': '查询在逃人员',
  'wanted.put': '维护在逃人员',
  'wanted.import': '导入在逃人员',
  'comparison.run': '在逃比对',
  'comparison.hit': '比对命中',
  'hit.list': '查询比对命中',
  'hit.update': '处理比对命中',
  'hit.sign': '签收比对命中',
  'hit.check': '核查比对命中',
  'hit.close': '反馈比对命中',
  'letter.create': '发出函查',
  'letter.list': '查询函查',
  'letter.answer': '答复函查',
  // 特种行业、内部单位与为民服务
  'floating.depart': '人走报告',
  'employer.spot_check': '抽查用工单位',
  'employer.spot_check_list': '查询用工单位抽查',
  'employer.meeting': '登记用工单位例会',
  'employer.meeting_list': '查询用工单位例会',
  'rental.letter_coverage': '查询责任书覆盖'
}

export const ACTION_PREFIXES = {
  'hit.': '比对命中处理',
  'import.': '批量导入'
}
