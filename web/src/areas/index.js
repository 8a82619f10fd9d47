// index.js — the one list of the web's areas. router.js, the left menu (layout/AppLayout.vue) and
// the home cards (home-cards.js) read it; a new area is a folder with an area.js and one line here.
import core from './core.js'
import planned from './planned.js'
import admin from '../admin/area.js'
import cases from '../cases/area.js'
import clocks from '../clocks/area.js'
import incidents from '../incidents/area.js'
import population from '../population/area.js'
import audit from '../audit/area.js'

export const AREAS = [core, admin, cases, clocks, incidents, population, audit, planned]

/**
 * May this user see an entry (menu item, route meta, home card)? An entry naming an `action` is
 * decided by the allowed actions of /api/v1/me when the server sends them (`user.actions`);
 * otherwise by `roles` (absent = every logged-in user).
 */
export function allows(user, entry) {
  if (!entry) return true
  if (entry.action && user && Array.isArray(user.actions)) return user.actions.includes(entry.action)
  return !entry.roles || (!!user && entry.roles.includes(user.role))
}

/** Routes inside the app layout, in area order. */
export const LAYOUT_ROUTES = AREAS.flatMap((a) => a.routes || [])

/** Full-page routes outside the layout. */
export const BARE_ROUTES = AREAS.flatMap((a) => a.bareRoutes || [])

/** Every icon the areas name, by name. */
export const AREA_ICONS = Object.assign({}, ...AREAS.map((a) => a.icons || {}))

const MENU = AREAS.flatMap((a) => a.menu || [])
  .map((m, i) => ({ m, i }))
  .sort((x, y) => (x.m.order ?? 50) - (y.m.order ?? 50) || x.i - y.i)
  .map((x) => x.m)

/** The left menu of a user: top-level entries and groups, children filtered the same way. */
export function menuFor(user) {
  return MENU.filter((m) => allows(user, m))
    .map((m) => (m.children ? { ...m, children: m.children.filter((c) => allows(user, c)) } : m))
    .filter((m) => !m.children || m.children.length)
}

const CARDS = AREAS.flatMap((a) => a.home || [])

/** The home cards of a user, in the positions their areas gave them. */
export function cardsFor(user) {
  const role = user && user.role
  return CARDS.filter((c) => c.at && c.at[role] != null && (!c.action || allows(user, c)))
    .sort((a, b) => a.at[role] - b.at[role])
}
