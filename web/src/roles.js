// roles.js — Chinese names of roles and unit kinds, and the left menu (shown by allowed action).
import { POPULATION_MENU } from './population/menu.js'
import { INCIDENT_MENU } from './incidents/menu.js'
import { can } from './auth.js'
import { WARN_COUNTY, WARN_MINE, WARN_UNIT } from './clocks/warnings.js'

export const ROLES = [
  { value: 'admin', label: '系统管理员' },
  { value: 'auditor', label: '安全审计员' },
  { value: 'dispatcher', label: '接警员' },
  { value: 'supervisor', label: '督察' },
  { value: 'chief', label: '所长/局领导' },
  { value: 'officer', label: '民警' },
  { value: 'legal', label: '法制员' },
  { value: 'clerk', label: '内勤' },
  { value: 'auxiliary', label: '辅警' },
  { value: 'archivist', label: '档案管理员' }
]

const ROLE_NAME = Object.fromEntries(ROLES.map((r) => [r.value, r.label]))

export function roleName(role) {
  return ROLE_NAME[role] || role || ''
}

export const UNIT_KINDS = [
  { value: 'city', label: '市局' },
  { value: 'bureau', label: '县局' },
  { value: 'center', label: '指挥中心' },
  { value: 'brigade', label: '大队' },
  { value: 'station', label: '派出所' },
  { value: 'post', label: '警务室' }
]

const KIND_NAME = Object.fromEntries(UNIT_KINDS.map((k) => [k.value, k.label]))

export function unitKindName(kind) {
  return KIND_NAME[kind] || kind || ''
}

/**
 * The left menu. An entry shows when the user may perform its `action` (see can() in auth.js;
 * absent = every logged-in user); a group shows when one of its children does. The actions come
 * from GET /me, i.e. from the server's action table (src/domain/authz.c): no role lists here.
 * `icon` names an @element-plus/icons-vue icon.
 */
export const MENU = [
  { path: '/', title: '首页', icon: 'HomeFilled' },
  {
    title: '系统管理',
    icon: 'Setting',
    children: [
      { path: '/admin/users', title: '用户管理', icon: 'User', action: 'user.list' },
      { path: '/admin/units', title: '机构管理', icon: 'OfficeBuilding', action: 'unit.create' },
      { path: '/admin/settings', title: '系统设置', icon: 'Tools', action: 'settings.list' },
      { path: '/admin/holidays', title: '节假日管理', icon: 'Calendar', action: 'holiday.put' }
    ]
  },
  {
    title: '执法办案',
    icon: 'Briefcase',
    children: [
      { path: '/cases', title: '案件列表', icon: 'Files', action: 'case.list' },
      { path: '/cases/new', title: '受案登记', icon: 'DocumentAdd', action: 'case.create' },
      { path: '/approvals', title: '审批待办', icon: 'Stamp', action: 'approval.list', badge: 'approvals' }
    ]
  },
  {
    title: '执法监督',
    icon: 'Bell',
    children: [
      { path: '/warnings/mine', title: '我的预警', icon: 'AlarmClock', action: WARN_MINE, badge: 'warnings' },
      { path: '/warnings/unit', title: '本所预警看板', icon: 'DataBoard', action: WARN_UNIT, badge: 'warnings' },
      { path: '/warnings/breaches', title: '全县超期监督', icon: 'Warning', action: WARN_COUNTY, badge: 'breaches' }
    ]
  },
  { path: '/custody', title: '办案区', icon: 'Monitor', action: 'custody.update' },
  ...INCIDENT_MENU,
  POPULATION_MENU,
  { path: '/audit', title: '审计日志', icon: 'Document', action: 'audit.list' },
  { path: '/password', title: '修改密码', icon: 'Lock' }
]

const visible = (m) => can(m.action)

/** The menu of the logged-in user (reads auth.actions through can()). */
export function menuFor() {
  // (callers pass auth.actions so that a computed() re-runs when it changes)
  return MENU.map((m) => (m.children ? { ...m, children: m.children.filter(visible) } : m)).filter(
    (m) => visible(m) && (!m.children || m.children.length)
  )
}
