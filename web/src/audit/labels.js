// audit-labels.js — Chinese labels for audit actions, object types and outcomes.
// Unknown codes are shown as they are, so a new server action never disappears from view.
// Each area keeps the labels of its own codes in web/src/<area>/audit-labels.js (OBJECT_TYPES,
// ACTIONS, ACTION_PREFIXES), collected here by import.meta.glob (issue 12: registration by folder);
// this file holds the system's own (accounts, settings, audit, exports) and merges the rest. Node
// (tests/lint/audit_labels.mjs) hands the same modules in through
// globalThis.__PRECINCT_AUDIT_LABELS__ (tests/web/areas.mjs).

function areaParts() {
  try {
    return Object.values(import.meta.glob('../*/audit-labels.js', { eager: true }))
  } catch {
    return Object.values(globalThis.__PRECINCT_AUDIT_LABELS__ || {})
  }
}
const PARTS = areaParts()

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

const CORE_OBJECT_TYPES = [
  { value: 'user', label: '用户' },
  { value: 'org_unit', label: '机构' },
  { value: 'setting', label: '系统设置' },
  { value: 'holiday', label: '节假日' },
  { value: 'audit', label: '审计日志' },
  { value: 'audit_read', label: '读取审计日志' },
  { value: 'database', label: '数据库' },
  { value: 'case', label: '案件' },
  { value: 'interview', label: '询问笔录' },
  { value: 'breach', label: '超期记录' },
  { value: 'measure', label: '强制措施' },
  { value: 'warning', label: '执法预警' },
  { value: 'clock', label: '预警时钟' },
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
  { value: 'export', label: '导出' }

]

export const OBJECT_TYPES = [...CORE_OBJECT_TYPES, ...PARTS.flatMap((m) => m.OBJECT_TYPES || [])]

const OBJECT_TYPE = Object.fromEntries(OBJECT_TYPES.map((o) => [o.value, o.label]))

export function objectTypeLabel(v) {
  return OBJECT_TYPE[v] || v || ''
}

// Every action the server audits (tests/lint/audit_labels.mjs checks this table against src/).
const CORE_ACTION = {
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
  'system.secret_register': '登记服务器密钥',
  'system.secret_replace': '更换服务器密钥',
  // 安全审计
  'audit.list': '查询审计日志',
  'audit.verify': '校验审计链',
  'audit.export': '导出审计日志',
  'audit.purge': '清除过期审计日志',
  'authz.unknown': '未列入权限表的操作（拒绝）',
  read: '查看',
  // 办案区
  'custody.board': '查看办案区',
  'custody.enter': '人员进入办案区',
  'custody.check': '安全检查',
  'custody.log': '办案区活动记录',
  'custody.room': '分配房间',
  'custody.update': '修改办案区记录',
  'custody.exit': '人员离开办案区',
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
  // 执法监督与警务公开 (issue 15 part A)
  'export.return_visits': '导出案件回访台账',
  'export.complaints': '导出信访投诉与复议诉讼台账',
  'export.faults': '导出执法过错台账',
  'export.interferences': '导出干预执法登记台账',
  // 证据、案件质量与执法档案
  'export.case_ledger': '导出案件台账',
  'export.measure_ledger': '导出强制措施台账',
  'export.archive_ledger': '导出执法档案台账',
  'export.loan_ledger': '导出档案借阅台账',
  // 特种行业、内部单位与为民服务
  'export.special_trades': '导出特种行业台账',
  'export.trade_units': '导出特种行业台账（旧名）',
  'export.internal_units': '导出内部单位台账'
}

// Actions built from a request value ("case." + the case-flow action): the label of an unknown one
// is the area and its code, so it never shows as a bare code.
const CORE_ACTION_PREFIX = {
  'export.': '导出个人信息'
}

const ACTION = Object.assign({}, CORE_ACTION, ...PARTS.map((m) => m.ACTIONS || {}))
const ACTION_PREFIX = Object.assign({}, CORE_ACTION_PREFIX, ...PARTS.map((m) => m.ACTION_PREFIXES || {}))

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
