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
  { value: 'audit', label: '审计日志' }
]

const OBJECT_TYPE = Object.fromEntries(OBJECT_TYPES.map((o) => [o.value, o.label]))

export function objectTypeLabel(v) {
  return OBJECT_TYPE[v] || v || ''
}

const ACTION = {
  'login.success': '登录成功',
  'login.failure': '登录失败',
  'login.rate_limited': '登录限流',
  logout: '退出登录',
  'session.end_others': '结束其他会话',
  'password.change': '修改密码',
  'account.lock': '锁定账号',
  'account.unlock': '解锁账号',
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
  'audit.list': '查询审计日志',
  read: '查看'
}

export function actionLabel(v) {
  return ACTION[v] || ''
}
