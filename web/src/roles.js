// roles.js — the role and unit-kind names (kept in admin/labels.js). Who sees what is decided by
// the allowed actions of GET /me (can() in auth.js); menus, routes and home cards live with their
// areas (areas/index.js).
export { ROLES, roleName, UNIT_KINDS, unitKindName } from './admin/labels.js'
