// a11y-scenarios.mjs — axe-core on every page of every demo role: the public pages, then for each
// account its home page, every entry of its left menu, and one record of each detail page it may
// open (case, 警情, person, rental, print). Run last, so the lists hold what the stories created.
import { DEMO_PASSWORD, expectPath, expectVisible, login } from './steps.mjs'
import { checkPage, quietMotion, settle } from './a11y.mjs'
import { storyFiles } from './story-files.mjs'

// One account per demo role and unit level (minjing2 is a second 民警 of the same station and
// sees exactly minjing1's pages).
const ACCOUNTS = ['admin', 'auditor', 'jiejing', 'ducha', 'juzhang', 'fazhidadui', 'suozhang', 'minjing1', 'fazhi', 'neiqin', 'fujing', 'dangan']

/** The first id of a list the user may read, or null (403, empty …). */
async function firstId(page, path) {
  return page.evaluate(async (p) => {
    try {
      const r = await fetch(`/api/v1${p}`, { credentials: 'same-origin' })
      // the body is read either way: a 403 left unread stays "in flight" for settle()
      const d = await r.json().catch(() => null)
      if (!r.ok || !d) return null
      const item = (d.items || [])[0]
      return item ? item.id : null
    } catch (e) {
      return null
    }
  }, path)
}

// each story file's detail pages (its a11yDetails: story-files.mjs)
const DETAILS = storyFiles.flatMap((f) => f.a11yDetails)

/** Open path with the loaded app's router, as a link in the app would (a page.goto reloads and
 *  compiles the whole bundle again: ~1 s of CPU a page, ~100 record pages a run). */
async function openInApp(page, path) {
  await page.evaluate((p) => {
    history.pushState(null, '', p)
    dispatchEvent(new PopStateEvent('popstate', { state: null }))
  }, path)
  // a detail page may carry a query (/supervision/recusals?case=5): the path is compared without it,
  // the query is checked to be kept
  const want = new URL(path, 'http://app')
  await expectPath(page, want.pathname)
  if (want.search && new URL(page.url()).search !== want.search)
    throw new Error(`${path}: the page dropped its query (now ${page.url()})`)
}

// Pages already checked for a role (role + path): a second account of the same role checks only
// what the first did not show (another unit level shows other menus and data).
const checked = new Set()

async function walkAccount(page, username) {
  const failures = []
  const check = (where, opts) =>
    checkPage(page, where, opts).catch((e) => {
      failures.push(e.message)
    })
  await login(page, username, DEMO_PASSWORD)
  await expectPath(page, '/')
  await expectVisible(page.locator('[data-test="welcome"]'), 'the welcome line')
  await quietMotion(page)
  const role = await page.evaluate(() => fetch('/api/v1/me').then((r) => r.json()).then((d) => (d.user || d).role))
  const routeOf = (p) => p.replace(/\/\d+(\/|$)/g, '/:id$1')
  const seen = {
    has: (p) => checked.has(`${role} ${routeOf(p)}`),
    add: (p) => checked.add(`${role} ${routeOf(p)}`)
  }
  // every page of every role is visited and settled; axe runs on it unless an earlier role's page
  // of the same route had the same shape (checkPage's `route`)
  if (!seen.has('/')) await check(`${username} /`, { route: '/' })
  seen.add('/')
  const items = page.locator('.side-menu .el-menu-item')
  const count = await items.count()
  for (let i = 0; i < count; i++) {
    if (!(await page.locator('.side-menu').count())) {
      await page.goto('/')
      await expectVisible(page.locator('[data-test="welcome"]'), 'the welcome line')
    }
    const before = new URL(page.url()).pathname
    await items.nth(i).click()
    if (before !== '/') await page.waitForURL((u) => u.pathname !== before, { timeout: 5000 }).catch(() => {})
    await settle(page)
    const where = new URL(page.url()).pathname
    if (seen.has(where)) continue
    seen.add(where)
    // settled once: with transitions off (quietMotion) nothing is caught mid-fade (with them on,
    // 不放心户 tags of /visits/today were, and a second 350 ms of quiet was waited on every page)
    await check(`${username} ${where}`, { settled: true, route: routeOf(where) })
  }
  for (const d of DETAILS) {
    const id = await firstId(page, d.list)
    if (id == null) continue
    const path = d.page(id)
    if (seen.has(path)) continue
    seen.add(path)
    await openInApp(page, path)
    await check(`${username} ${path}`, { route: routeOf(path) })
  }
  if (failures.length) throw new Error(failures.join('\n'))
}

export const a11yScenarios = [
  {
    name: 'axe-core (WCAG 2 A/AA): the public pages (登录, 案件进度查询)',
    noFinalA11y: true,
    async run({ page }) {
      await page.goto('/login')
      await expectVisible(page.getByRole('button', { name: '登录' }), 'the 登录 button')
      const failures = []
      await checkPage(page, 'public /login').catch((e) => failures.push(e.message))
      await page.goto('/progress')
      await checkPage(page, 'public /progress').catch((e) => failures.push(e.message))
      // 警务公开 and 网上投诉 (issue 15 part A), a station's page with its tables
      await page.goto('/public/stations/5')
      await expectVisible(page.locator('[data-test="public-notice-name"]'), 'the 警务公开 page')
      await checkPage(page, 'public /public/stations/5').catch((e) => failures.push(e.message))
      await page.goto('/public/complaint')
      await checkPage(page, 'public /public/complaint').catch((e) => failures.push(e.message))
      if (failures.length) throw new Error(failures.join('\n'))
    }
  },
  ...ACCOUNTS.map((username) => ({
    name: `axe-core (WCAG 2 A/AA): every page of ${username}`,
    noFinalA11y: true,
    run: ({ page }) => walkAccount(page, username)
  }))
]
