// roles.js — Chinese names of roles and unit kinds, and which pages each role may use.
import { POPULATION_MENU } from './population/menu.js'
import { INCIDENT_MENU } from './incidents/menu.js'

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

/** Roles that work with cases (执法办案). */
export const CASE_ROLES = ['officer', 'chief', 'legal', 'clerk', 'auxiliary', 'supervisor', 'archivist']

/** Roles that work in the 办案区 (case-handling area). */
export const CUSTODY_ROLES = ['officer', 'chief', 'auxiliary']

/** The left menu. `roles` absent = every logged-in user. `icon` names an @element-plus/icons-vue icon. */
export const MENU = [
  { path: '/', title: '首页', icon: 'HomeFilled' },
  {
    title: '系统管理',
    icon: 'Setting',
    roles: ['admin'],
    children: [
      { path: '/admin/users', title: '用户管理', icon: 'User' },
      { path: '/admin/units', title: '机构管理', icon: 'OfficeBuilding' },
      { path: '/admin/settings', title: '系统设置', icon: 'Tools' },
      { path: '/admin/holidays', title: '节假日管理', icon: 'Calendar' }
    ]
  },
  {
    title: '执法办案',
    icon: 'Briefcase',
    roles: CASE_ROLES,
    children: [
      { path: '/cases', title: '案件列表', icon: 'Files' },
      { path: '/cases/new', title: '受案登记', icon: 'DocumentAdd', roles: ['officer', 'chief'] },
      { path: '/approvals', title: '审批待办', icon: 'Stamp', roles: ['chief', 'legal'], badge: 'approvals' }
    ]
  },
  {
    title: '执法监督',
    icon: 'Bell',
    roles: ['officer', 'chief', 'legal', 'supervisor'],
    children: [
      { path: '/warnings/mine', title: '我的预警', icon: 'AlarmClock', roles: ['officer'], badge: 'warnings' },
      { path: '/warnings/unit', title: '本所预警看板', icon: 'DataBoard', roles: ['chief', 'legal'], badge: 'warnings' },
      { path: '/warnings/breaches', title: '全县超期监督', icon: 'Warning', roles: ['supervisor'], badge: 'breaches' }
    ]
  },
  { path: '/custody', title: '办案区', icon: 'Monitor', roles: CUSTODY_ROLES },
  ...INCIDENT_MENU,
  POPULATION_MENU,
  { path: '/audit', title: '审计日志', icon: 'Document', roles: ['auditor'] },
  { path: '/password', title: '修改密码', icon: 'Lock' }
]

const visible = (role) => (m) => !m.roles || m.roles.includes(role)

export function menuFor(role) {
  return MENU.filter(visible(role)).map((m) => (m.children ? { ...m, children: m.children.filter(visible(role)) } : m))
}
