// labels.js — Chinese names of roles and unit kinds (系统管理).
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
