// web_first_load.mjs — bytes a browser transfers for the first visit: the login page, then the
// home page of a station chief (suozhang), with an empty cache (issue 14: ≤ 700 KB).
//
//   node bench/web_first_load.mjs [--bin build/precinct] [--web web/dist] [--label NAME]
//        [--identity] [--out bench/results/FILE.md]
//
// Starts the real server on a fresh demo database (the e2e harness's helpers) and Debian's
// chromium through playwright-core; counts every response's encodedDataLength (headers + body
// as they came over the wire, from the DevTools protocol), by kind. --identity sends
// `Accept-Encoding: identity` (what a server without compressed assets would send);
// BENCH_VERBOSE=1 prints every response. Prints one
// RESULT line; with --out appends a table to that file.
import fs from 'node:fs'
import path from 'node:path'
import { config, initDatabase, launchBrowser, makeTempDir, startServer, stopServer, WAIT_MS } from '../tests/e2e/harness.mjs'

const args = process.argv.slice(2)
const opt = (name, dflt) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : dflt
}
const cfg = config()
const bin = path.resolve(opt('--bin', cfg.bin))
const web = path.resolve(opt('--web', cfg.web))
const label = opt('--label', 'this build')
const identity = args.includes('--identity')
const out = opt('--out', null)
const TARGET = 700 * 1024

const kindOf = (url, type) => {
  if (url.includes('/api/')) return 'api'
  if (type === 'Script') return 'js'
  if (type === 'Stylesheet') return 'css'
  if (type === 'Document') return 'html'
  return 'other'
}

async function main() {
  const dir = makeTempDir()
  const db = path.join(dir, 'bench.db')
  initDatabase(bin, db)
  const { child, baseUrl } = await startServer(bin, db, web)
  let browser = null
  try {
    browser = await launchBrowser(cfg.chromium)
    const context = await browser.newContext({
      baseURL: baseUrl,
      locale: 'zh-CN',
      viewport: { width: 1366, height: 820 },
      extraHTTPHeaders: identity ? { 'Accept-Encoding': 'identity' } : {}
    })
    const page = await context.newPage()
    page.setDefaultTimeout(WAIT_MS)
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false })
    const reqs = new Map()
    const phase = { name: 'login' }
    const totals = {}
    const add = (ph, kind, wire, body, enc) => {
      const t = (totals[ph] ||= { requests: 0, wire: 0, body: 0, encoded: 0, kinds: {} })
      t.requests++
      t.wire += wire
      t.body += body
      if (enc) t.encoded++
      t.kinds[kind] = (t.kinds[kind] || 0) + wire
    }
    cdp.on('Network.requestWillBeSent', (e) => reqs.set(e.requestId, { url: e.request.url, type: e.type, phase: phase.name }))
    cdp.on('Network.responseReceived', (e) => {
      const r = reqs.get(e.requestId)
      if (r) r.enc = Object.entries(e.response.headers || {}).some(([k, v]) => k.toLowerCase() === 'content-encoding' && v)
    })
    cdp.on('Network.dataReceived', (e) => {
      const r = reqs.get(e.requestId)
      if (r) r.body = (r.body || 0) + e.dataLength
    })
    cdp.on('Network.loadingFinished', (e) => {
      const r = reqs.get(e.requestId)
      if (r) add(r.phase, kindOf(r.url, r.type), e.encodedDataLength, r.body || 0, r.enc)
      if (r && process.env.BENCH_VERBOSE) console.log(r.phase, e.encodedDataLength, r.url)
    })

    await page.goto('/login')
    await page.getByRole('button', { name: '登录' }).waitFor({ state: 'visible' })
    await page.waitForLoadState('networkidle')
    phase.name = 'home'
    await page.locator('input[name="username"]').fill('suozhang')
    await page.locator('input[name="password"]').fill('Precinct-Demo-2026')
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL((u) => new URL(u).pathname === '/', { timeout: WAIT_MS })
    await page.locator('[data-test^="card-"]').first().waitFor({ state: 'visible' })
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(500)
    await context.close()

    const all = { requests: 0, wire: 0, body: 0, encoded: 0, kinds: {} }
    for (const t of Object.values(totals)) {
      all.requests += t.requests
      all.wire += t.wire
      all.body += t.body
      all.encoded += t.encoded
      for (const [k, v] of Object.entries(t.kinds)) all.kinds[k] = (all.kinds[k] || 0) + v
    }
    const kb = (n) => (n / 1024).toFixed(1)
    const kinds = ['html', 'js', 'css', 'api', 'other'].map((k) => `${k}=${kb(all.kinds[k] || 0)}`).join(' ')
    console.log(`RESULT label="${label}" accept=${identity ? 'identity' : 'browser'} login_kb=${kb(totals.login?.wire || 0)} home_kb=${kb(totals.home?.wire || 0)} total_kb=${kb(all.wire)} decoded_kb=${kb(all.body)} requests=${all.requests} compressed=${all.encoded} ${kinds} target_kb=${kb(TARGET)} ok=${all.wire <= TARGET ? 1 : 0}`)
    if (out) {
      const row = `| ${label} | ${identity ? 'identity' : 'br, gzip (browser)'} | ${kb(totals.login?.wire || 0)} | ${kb(totals.home?.wire || 0)} | **${kb(all.wire)}** | ${kb(all.body)} | ${all.requests} (${all.encoded} compressed) | ${kb(all.kinds.js || 0)} / ${kb(all.kinds.css || 0)} / ${kb(all.kinds.api || 0)} | ≤ 700 ${all.wire <= TARGET ? '✓' : '✗'} |\n`
      if (!fs.existsSync(out)) {
        fs.writeFileSync(out, '| build | Accept-Encoding | login page KB | + chief home KB | transferred KB | decoded KB | requests | js / css / api KB | target |\n|---|---|---|---|---|---|---|---|---|\n')
      }
      fs.appendFileSync(out, row)
    }
  } finally {
    if (browser) await browser.close().catch(() => {})
    await stopServer(child)
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e.stack || String(e))
  process.exit(1)
})
