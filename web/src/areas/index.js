// index.js — the one list of the web's areas. router.js, the left menu (layout/AppLayout.vue) and
// the home cards (home-cards.js) read it; a new area is a folder with an area.js and one line here.
import { can } from '../auth.js'
import core from './core.js'
import records from './records.js'
import admin from '../admin/area.js'
import cases from '../cases/area.js'
import clocks from '../clocks/area.js'
import incidents from '../incidents/area.js'
import population from '../population/area.js'
import audit from '../audit/area.js'
import supervision from '../supervision/area.js'
import archives from '../archives/area.js'
import community from '../community/area.js'
import trades from '../trades/area.js'
import teamLearn from '../team/area-learn.js'
import teamAssess from '../team/area-assess.js'
import patrol from '../patrol/area.js'
import leadership from '../leadership/area.js'
import team from '../team/area.js'

// one area per line (merges of new areas stay clean)
export const AREAS = [
  core,
  admin,
  cases,
  clocks,
  incidents,
  population,
  audit,
  records,
  supervision,
  archives,
  community,
  trades,
  teamLearn,
  teamAssess,
  patrol,
  leadership,
  team
]

/**
 * May the logged-in user see an entry (menu item, route meta, home card)? By the entry's `action`
 * (can() in auth.js: the allowed actions of GET /api/v1/me, from the server's action table —
 * no role lists in the web); absent = every logged-in user.
 */
export function allows(user, entry) {
  return !entry || can(entry.action)
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
  .map((c, i) => ({ c, i }))
  .sort((x, y) => (x.c.order ?? 50) - (y.c.order ?? 50) || x.i - y.i)
  .map((x) => x.c)

/** The home cards of a user: every card whose action is allowed, in card order. */
export function cardsFor(user) {
  return CARDS.filter((c) => allows(user, c))
}
