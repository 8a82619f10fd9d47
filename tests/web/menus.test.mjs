// menus.test.mjs — each demo role's left menu against the server's permission table (issue 17):
// for every demo user, GET /me gives the allowed actions; the web's own menuFor() (areas/index.js,
// the code the layout runs) must show exactly the menu entries whose route's action the role has —
// every visible entry opens a route the user may open, and no entry of an allowed route is hidden.
// A bureau leader (juzhang: a chief of the county bureau, no station) sees no station-only entry,
// and each role's label is its own (GET /me role_name; the chief of a station is 所长, the
// bureau's is 局领导 — from the catalog).
//
// Env: PRECINCT_BIN (the server). Runs on a fresh demo database.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { initDatabase, makeTempDir, startServer, stopServer } from '../e2e/harness.mjs'
import { loadWebModules } from './areas.mjs'

const here = path.dirname(new URL(import.meta.url).pathname)
const root = path.resolve(here, '../..')
const bin = path.resolve(process.env.PRECINCT_BIN || path.join(root, 'build/precinct'))
const PASSWORD = 'Precinct-Demo-2026'
const ROLES = ['jiejing', 'ducha', 'juzhang', 'fazhidadui', 'suozhang', 'minjing1', 'fazhi', 'neiqin',
  'fujing', 'dangan', 'admin', 'auditor']

// the boards of one station (their actions are station-staff rows of authz.def)
const STATION_ONLY = ['/warnings/unit', '/custody']

const store = { getItem: () => null, setItem() {}, removeItem() {} }
globalThis.sessionStorage ??= store
globalThis.localStorage ??= store
globalThis.window ??= { addEventListener() {}, setInterval() {}, location: {} }
const { auth, can } = await import(path.join(root, 'web/src/auth.js'))
await loadWebModules(root) // the areas import.meta.glob finds in the browser
const { menuFor, LAYOUT_ROUTES } = await import(path.join(root, 'web/src/areas/index.js'))

// route path ('/incidents/board') → its meta.action (the route the entry opens)
const routeAction = new Map()
for (const r of LAYOUT_ROUTES) routeAction.set('/' + r.path.replace(/^\//, ''), r.meta && r.meta.action)
const leaves = (menu) => menu.flatMap((m) => (m.children ? m.children.map((c) => ({ ...c, group: m })) : [m]))

async function call(base, method, p, body, cookie, csrf) {
  const headers = { 'content-type': 'application/json' }
  if (cookie) headers.cookie = cookie
  if (csrf) headers['x-csrf-token'] = csrf
  const res = await fetch(base + '/api/v1' + p, { method, headers, body: body ? JSON.stringify(body) : undefined })
  return { status: res.status, cookie: (res.headers.get('set-cookie') || '').split(';')[0], body: await res.json() }
}

const dir = makeTempDir()
const db = path.join(dir, 'menus.db')
initDatabase(bin, db)
fs.mkdirSync(path.join(dir, 'web'))
const srv = await startServer(bin, db, path.join(dir, 'web'))
const failures = []
try {
  const admin = await call(srv.baseUrl, 'POST', '/session', { username: 'admin', password: PASSWORD })
  const catalog = (await call(srv.baseUrl, 'GET', '/catalog', null, admin.cookie)).body
  const titles = new Map((catalog.enums.role_title || []).map((x) => [x.value, x.label]))
  const seenLabels = new Map()
  for (const role of ROLES) {
    const s = await call(srv.baseUrl, 'POST', '/session', { username: role, password: PASSWORD })
    assert.equal(s.status, 200, `login ${role}`)
    const me = (await call(srv.baseUrl, 'GET', '/me', null, s.cookie)).body
    auth.user = me.user
    auth.actions = Object.fromEntries(me.actions.map((a) => [a.action, a.scope]))
    const shown = leaves(menuFor(me.user))
    // 1. every visible entry opens a route whose action the role has
    for (const e of shown) {
      if (!routeAction.has(e.path)) continue // a link outside the layout routes
      const act = routeAction.get(e.path)
      if (!can(act)) failures.push(`${role}: menu shows ${e.group ? e.group.title + ' / ' : ''}${e.title} (${e.path}) but lacks ${JSON.stringify(act)}`)
      if (!can(e.action) || (e.group && !can(e.group.action))) failures.push(`${role}: ${e.title} shown without its action`)
    }
    // 2. no entry whose route the role may open is hidden (for routes that have a menu entry)
    const shownPaths = new Set(shown.map((e) => e.path))
    const every = new Map()
    for (const area of (await import(path.join(root, 'web/src/areas/index.js'))).AREAS)
      for (const m of area.menu || []) for (const c of m.children || [m]) every.set(c.path, { c, g: m.children ? m : null })
    for (const [p, { c, g }] of every) {
      const act = routeAction.get(p)
      if (!routeAction.has(p)) continue
      const may = can(act) && can(c.action)
      if (may && !shownPaths.has(p) && (!g || can(g.action)))
        failures.push(`${role}: may open ${p} (${c.title}) but the menu hides it`)
    }
    const atStation = ['station', 'post'].includes(me.user.unit && me.user.unit.kind)
    // 3. a user of no station (局领导, 法制大队, 督察, the 110 centre) sees no station-only entry
    if (!atStation)
      for (const e of shown)
        if (STATION_ONLY.includes(e.path) || e.title.includes('本所'))
          failures.push(`${role} (${me.user.unit.kind}): sees the station-only ${e.title} (${e.path})`)
    if (process.env.MENUS_PRINT) console.log(role, shown.map((e) => (e.group ? e.group.title + '/' : '') + e.title).join(' '))
    // 4. the label is the role's own
    const label = me.user.role_name
    assert.ok(label && !label.includes('/'), `${role}: label ${label}`)
    if (me.user.role === 'chief') {
      const want = titles.get(atStation ? 'chief.station' : 'chief.bureau')
      if (label !== want) failures.push(`${role}: labelled ${label}, want ${want}`)
    }
    seenLabels.set(role, label)
  }
  if (seenLabels.get('suozhang') === seenLabels.get('juzhang')) failures.push('the station chief and the bureau leader share a label')
  console.log([...seenLabels].map(([r, l]) => `${r}=${l}`).join(' '))
} finally {
  await stopServer(srv.child)
  fs.rmSync(dir, { recursive: true, force: true })
}
if (failures.length) {
  console.log(failures.join('\n'))
  console.log(`${failures.length} failed`)
  process.exit(1)
}
console.log('all passed')
