// community_browser.mjs — the browser's time for the community-policing lists (issue 16: under
// 200 ms): from navigation to the list's rows being drawn, at a phone viewport (390×844, touch,
// device scale 3) and a desktop one (1366×820), as a beat officer (minjing1) and the chief
// (suozhang).
//
//   node bench/community_browser.mjs --url http://127.0.0.1:PORT [--n 5] [--pages a,b|all] [--users u,v]
//        [--label NAME] [--out FILE.md]
//
// Needs a running `precinct serve --web web/dist` on a demo county (bench/community.sh starts
// one). Navigation is the app's own (a route change, as a click on the menu makes it: history
// pushState + popstate), from an empty page, with the assets in the browser's cache; the clock
// stops when the first row (table row, tree node, card) of the page's list is visible and no
// loading mask is up (one fading out counts as gone). Median of N per page. BENCH_CPU=4 adds DevTools CPU throttling on the
// phone (a slower phone's CPU); off by default.
import fs from 'node:fs'
import { launchBrowser, config, WAIT_MS } from '../tests/e2e/harness.mjs'

const args = process.argv.slice(2)
const opt = (name, dflt) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : dflt
}
const base = opt('--url', null)
const N = Number(opt('--n', 5))
const label = opt('--label', 'this build')
const out = opt('--out', null)
const cpu = Number(process.env.BENCH_CPU || 1)
if (!base) {
  console.error('usage: node bench/community_browser.mjs --url http://127.0.0.1:PORT [--n 5] [--pages a,b] [--out FILE]')
  process.exit(2)
}

// the page, its path and what "its rows drawn" is
// (.m-card: a list drawn as cards at a phone's width)
const ROWS = '.el-table__body .el-table__row, .el-tree-node, .t-card, .addr-row, .m-card'
const PAGES = {
  // the tree before 2d6d7b1, the table since
  addresses: { name: '标准地址', path: '/population/addresses', rows: '[data-test="address-tree"] .el-tree-node, [data-test="address-list"] .addr-row' },
  visits: { name: '熟悉住户', path: '/community/visits', rows: '[data-test="visits-never"] .el-table__row, [data-test="visits-never"] .m-card' },
  'key-persons': { name: '重点人员', path: '/community/key-persons', rows: '[data-test="kp-table"] .el-table__row, [data-test="kp-table"] .m-card' },
  sweeps: { name: '漏登漏管排查', path: '/community/sweeps', rows: ROWS },
  rentals: { name: '出租房屋', path: '/population/rentals', rows: ROWS },
  floating: { name: '流动人口', path: '/population/floating', rows: ROWS },
  beats: { name: '责任区与警力负荷', path: '/community/beats', rows: ROWS },
  'trade-units': { name: '特种行业与内部单位', path: '/trades/units', rows: ROWS },
  'trade-findings': { name: '检查整改', path: '/trades/findings', rows: ROWS },
  employers: { name: '用工单位与责任书', path: '/trades/employers', rows: ROWS },
  compounds: { name: '安全小区', path: '/trades/compounds', rows: ROWS },
  services: { name: '为民服务', path: '/trades/services', rows: ROWS },
  today: { name: '今日工作', path: '/community/today', rows: ROWS }
}
const pagesOpt = opt('--pages', 'addresses,visits,key-persons,sweeps,rentals,floating,services')
const pages = pagesOpt === 'all' ? Object.keys(PAGES) : pagesOpt.split(',')
const VIEWPORTS = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1366, height: 820 } }
}
const USERS = opt('--users', 'minjing1,suozhang').split(',')

const median = (a) => {
  const s = [...a].sort((x, y) => x - y)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

async function measure(browser, user, vp) {
  const context = await browser.newContext({ baseURL: base, locale: 'zh-CN', ...VIEWPORTS[vp] })
  const page = await context.newPage()
  page.setDefaultTimeout(WAIT_MS)
  if (vp === 'phone' && cpu > 1) {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu })
  }
  await page.goto('/login')
  await page.locator('input[name="username"]').fill(user)
  await page.locator('input[name="password"]').fill('Precinct-Demo-2026')
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL((u) => new URL(u).pathname === '/', { timeout: WAIT_MS })
  await page.waitForLoadState('networkidle')
  const res = {}
  for (const key of pages) {
    const p = PAGES[key]
    const times = []
    for (let i = 0; i <= N; i++) {
      // an empty page first (the app's 404), then the list by the router, as a menu click does
      await page.evaluate(() => {
        history.pushState({}, '', '/__bench_empty')
        dispatchEvent(new PopStateEvent('popstate', { state: {} }))
      })
      await page.locator(ROWS).first().waitFor({ state: 'detached' }).catch(() => {})
      await page.waitForTimeout(50)
      const ms = await page.evaluate(
        ({ path, rows }) =>
          new Promise((resolve, reject) => {
            performance.clearResourceTimings()
            const t0 = performance.now()
            history.pushState({}, '', path)
            dispatchEvent(new PopStateEvent('popstate', { state: {} }))
            const limit = t0 + 15000
            const tick = () => {
              const row = document.querySelector(rows)
              // a loading mask that is fading out (Element Plus's 0.3 s leave transition) is done
              const mask = [...document.querySelectorAll('.el-loading-mask')].some((m) => !/leave/.test(m.className))
              if (row && row.getClientRects().length && !mask) {
                const t = performance.now() - t0
                const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/'))
                resolve({ t, api: api.length ? Math.max(...api.map((e) => e.responseEnd)) - t0 : 0, n: api.length })
              }
              else if (performance.now() > limit) reject(new Error(`no rows at ${path}`))
              else requestAnimationFrame(tick)
            }
            requestAnimationFrame(tick)
          }),
        p
      ).catch((e) => {
        console.error(`${user} ${vp} ${key}: ${e.message}`)
        return null
      })
      if (ms === null) break
      if (i > 0) times.push(ms) // the first visit loads the page's chunk
    }
    res[key] = times.length
      ? { t: median(times.map((x) => x.t)), api: median(times.map((x) => x.api)), n: times[0].n }
      : null
  }
  await context.close()
  return res
}

async function main() {
  const browser = await launchBrowser(config().chromium)
  const all = {}
  try {
    for (const user of USERS) for (const vp of Object.keys(VIEWPORTS)) all[`${user} ${vp}`] = await measure(browser, user, vp)
  } finally {
    await browser.close().catch(() => {})
  }
  const cols = Object.keys(all)
  // rows drawn (the last API answer's end, the page's API requests)
  const fmt = (v) => (v === null ? '—' : `**${v.t.toFixed(0)}** (${v.api.toFixed(0)}, ${v.n})`)
  let md = `### Browser: navigation → rows drawn, ms (median of ${N}): ${label}\n\n`
  md += `Chromium headless, ${cpu > 1 ? `phone CPU throttled ${cpu}×` : 'no CPU throttling'}; load average ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} at end. Each cell: time to rows drawn (time to the end of the last API answer, the page's API requests).\n\n`
  md += `| page | ${cols.join(' | ')} |\n|---|${cols.map(() => '---|').join('')}\n`
  for (const key of pages) md += `| ${PAGES[key].name} \`${PAGES[key].path}\` | ${cols.map((c) => fmt(all[c][key])).join(' | ')} |\n`
  md += '\n'
  process.stdout.write(md)
  if (out) fs.appendFileSync(out, md)
}

main().catch((e) => {
  console.error(e.stack || String(e))
  process.exit(1)
})
