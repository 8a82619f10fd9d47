// roles.js — role groups the pages of several areas share, and the role and unit-kind names
// (kept in admin/labels.js). Menus, routes and home cards live with their areas (areas/index.js).
export { ROLES, roleName, UNIT_KINDS, unitKindName } from './admin/labels.js'
export { CASE_ROLES } from './cases/area.js'
export { CUSTODY_ROLES } from './clocks/area.js'
