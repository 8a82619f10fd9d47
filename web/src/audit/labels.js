// audit-labels.js — Chinese labels for audit actions, object types and outcomes.
// Unknown codes are shown as they are, so a new server action never disappears from view.

export const OUTCOMES = [
  { value: 'success', label: '成功', tag: 'success' },
  { value: 'denied', label: '拒绝', tag: 'warning' },
  { value: 'error', label: '错误', tag: 'danger' }
]

const OUTCOME = Object.fromEntries(OUTCOMES.map((o) => [o.value, o]))

export function outcomeLabel(v) {
  return (OUTCOME[v] && OUTCOME[v].label) || v || ''
}

export function outcomeTag(v) {
  return (OUTCOME[v] && OUTCOME[v].tag) || 'info'
}

export const OBJECT_TYPES = [
  { value: 'user', label: '用户' },
  { value: 'org_unit', label: '机构' },
  { value: 'setting', label: '系统设置' },
  { value: 'holiday', label: '节假日' },
  { value: 'audit', label: '审计日志' },
  { value: 'database', label: '数据库' },
  { value: 'case', label: '案件' },
  { value: 'interview', label: '询问笔录' },
  { value: 'breach', label: '超期记录' },
  { value: 'measure', label: '强制措施' },
  { value: 'warning', label: '执法预警' },
  { value: 'custody', label: '办案区记录' },
  { value: 'incident', label: '警情' },
  { value: 'oversight', label: '督办' },
  { value: 'report', label: '统计报表' },
  { value: 'person', label: '人员' },
  { value: 'address', label: '标准地址' },
  { value: 'rental', label: '出租房屋' },
  { value: 'tenancy', label: '承租关系' },
  { value: 'employer', label: '用工单位' },
  { value: 'wanted_person', label: '在逃人员' },
  { value: 'comparison_hit', label: '比对命中' },
  { value: 'inquiry_letter', label: '函查' },
  { value: 'persons', label: '人员（导入）' },
  { value: 'rentals', label: '出租房屋（导入）' },
  { value: 'tenancies', label: '承租关系（导入）' },
  { value: 'property', label: '涉案财物' },
  { value: 'export', label: '导出' },
  // 特种行业、内部单位与为民服务
  { value: 'trade_unit', label: '特种行业/内部单位' },
  { value: 'trade_finding', label: '检查发现问题' },
  { value: 'spot_check', label: '用工单位抽查' },
  { value: 'employer_meeting', label: '用工单位例会' },
  { value: 'compound', label: '小区' },
  { value: 'public_service', label: '为民服务' },
  { value: 'security_forecast', label: '治安形势预报' }
]

const OBJECT_TYPE = Object.fromEntries(OBJECT_TYPES.map((o) => [o.value, o.label]))

export function objectTypeLabel(v) {
  return OBJECT_TYPE[v] || v || ''
}

// Every action the server audits (tests/lint/audit_labels.mjs checks this table against src/).
const ACTION = {
  // 登录与账号
  'login.success': '登录成功',
  'login.failure': '登录失败',
  'login.rate_limited': '登录限流',
  logout: '退出登录',
  'session.end_others': '结束其他会话',
  'password.change': '修改密码',
  'csrf.refused': '拒绝跨站请求',
  'account.lock': '锁定账号',
  'account.unlock': '解锁账号',
  // 系统管理
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.role_change': '变更角色',
  'user.password_reset': '重置密码',
  'user.list': '查询用户',
  'user.lock': '锁定用户',
  'user.unlock': '解锁用户',
  'unit.create': '新建机构',
  'unit.update': '修改机构',
  'settings.list': '查看设置',
  'settings.put': '修改设置',
  'holiday.put': '维护节假日',
  'system.init': '初始化系统',
  'system.backup': '备份数据库',
  'system.restore': '恢复数据库',
  // 安全审计
  'audit.list': '查询审计日志',
  'audit.verify': '校验审计链',
  'audit.export': '导出审计日志',
  'audit.purge': '清除过期审计日志',
  'authz.unknown': '未列入权限表的操作（拒绝）',
  read: '查看',
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
  // 强制措施与执法监督
  'measure.list': '查询强制措施',
  'measure.start': '采取强制措施',
  'measure.extend': '延长强制措施',
  'measure.milestone': '强制措施节点',
  'measure.end': '解除强制措施',
  'warning.list': '查询执法预警',
  'breach.list': '查询超期记录',
  'breach.record': '记录超期',
  'breach.answer': '超期说明',
  // 办案区
  'custody.board': '查看办案区',
  'custody.enter': '人员进入办案区',
  'custody.check': '安全检查',
  'custody.log': '办案区活动记录',
  'custody.room': '分配房间',
  'custody.update': '修改办案区记录',
  'custody.exit': '人员离开办案区',
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
  'oversight.update': '处理督办',
  'report.daily': '查看警务动态日报',
  'report.stats': '查看统计分析',
  // 一标三实
  'population.summary': '查看一标三实看板',
  'person.create': '登记人员',
  'person.update': '修改人员',
  'person.register': '人员登记',
  'person.read': '查看人员',
  'person.search': '查询人员',
  'person.use': '引用人员',
  'address.create': '新建标准地址',
  'rental.create': '登记出租房屋',
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
  // 双因素认证与导出
  'login.totp_required': '登录待输入动态验证码',
  'mfa.setup_start': '开始绑定动态验证码',
  'mfa.enrol': '启用双因素认证',
  'mfa.disable': '停用双因素认证',
  'mfa.recovery_used': '使用恢复码登录',
  'mfa.secrets_sealed': '加密存储双因素密钥',
  'user.mfa_reset': '重置双因素',
  'export.persons': '导出实有人口',
  'export.cases': '导出案件',
  'export.custody': '导出办案区台账',
  'export.property': '导出涉案财物台账',
  // 特种行业、内部单位与为民服务
  'trade.create': '登记特种行业/内部单位',
  'trade.list': '查询特种行业/内部单位',
  'trade.inspect': '治安检查',
  'trade.recheck': '整改复查',
  'trade.finding_list': '查询检查发现问题',
  'export.trade_units': '导出特种行业台账',
  'export.internal_units': '导出内部单位台账',
  'floating.depart': '人走报告',
  'employer.spot_check': '抽查用工单位',
  'employer.spot_check_list': '查询用工单位抽查',
  'employer.meeting': '登记用工单位例会',
  'employer.meeting_list': '查询用工单位例会',
  'rental.letter_coverage': '查询责任书覆盖',
  'compound.create': '登记小区',
  'compound.list': '查询安全小区',
  'compound.assess': '安全小区评定',
  'public_service.create': '登记为民服务',
  'public_service.list': '查询为民服务',
  'public_service.figures': '查询为民服务统计',
  'forecast.create': '发布治安形势预报',
  'forecast.list': '查询治安形势预报'
}

// Actions built from a request value ("case." + the case-flow action): the label of an unknown one
// is the area and its code, so it never shows as a bare code.
const ACTION_PREFIX = {
  'case.': '办案操作',
  'incident.': '警情操作',
  'hit.': '比对命中处理',
  'import.': '批量导入',
  'export.': '导出个人信息'
}

export function actionLabel(v) {
  if (!v) return ''
  if (ACTION[v]) return ACTION[v]
  const p = Object.keys(ACTION_PREFIX).find((k) => v.startsWith(k))
  return p ? `${ACTION_PREFIX[p]}：${v.slice(p.length)}` : ''
}

/** The action filter of the audit page: every labelled action, grouped by the table above. */
export const ACTIONS = Object.entries(ACTION).map(([value, label]) => ({ value, label }))

// for tests/lint/audit_labels.mjs
export const hasActionLabel = (v) => !!ACTION[v]
export const hasActionPrefixLabel = (p) => !!ACTION_PREFIX[p]
export const hasObjectTypeLabel = (v) => !!OBJECT_TYPE[v]
