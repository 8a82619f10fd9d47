// index.js — the web's areas, found by folder (issue 12): every web/src/<area>/area.js (or
// area-<part>.js) is collected by import.meta.glob, so a new area is a folder with an area.js and no
// edit here. router.js, the left menu (layout/AppLayout.vue) and the home cards (home-cards.js) read
// AREAS, ordered by each area's `rank`. Node (tests/web, the lints) has no import.meta.glob: it
// hands the same modules in through globalThis.__PRECINCT_AREA_MODULES__ (tests/web/areas.mjs).
import { can } from '../auth.js'
import core from './core.js'
import records from './records.js'

function found() {
  try {
    return import.meta.glob(['../*/area.js', '../*/area-*.js'], { eager: true })
  } catch {
    return globalThis.__PRECINCT_AREA_MODULES__ || {}
  }
}

export const AREAS = [core, records, ...Object.values(found()).map((m) => m.default)]
  .map((a, i) => ({ a, i }))
  .sort((x, y) => (x.a.rank ?? 500) - (y.a.rank ?? 500) || x.i - y.i)
  .map((x) => x.a)

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
