// labels.js — Chinese names of roles and unit kinds (系统管理), as the server's catalog has them
// (GET /catalog: roles, enums.unit_kind); the web keeps no copy.
import { computed } from 'vue'
import { catalog, enumLabel, enumList } from '../catalog.js'

/** [{ value, label }] of every role, for selects (reactive: fills when the catalog loads). */
export const ROLES = computed(() => catalog.roles)

/** [{ value, label }] of every unit kind, from the top of the tree down. */
export const UNIT_KINDS = enumList('unit_kind')

/** 放假 / 调休上班, for the holiday calendar. */
export const HOLIDAY_KINDS = enumList('holiday_kind')

const labelOf = (list, value) => (list.find((x) => x.value === value) || {}).label

export function roleName(role) {
  return labelOf(catalog.roles, role) || role || ''
}

export const unitKindName = (kind) => enumLabel('unit_kind', kind)
