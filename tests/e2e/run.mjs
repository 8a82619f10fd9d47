#!/usr/bin/env node
// run.mjs — browser tests of the Precinct UI against the real server binary.
//
//   PRECINCT_BIN=build/precinct PRECINCT_WEB=web/dist node tests/e2e/run.mjs
//
// Fresh temp dir and demo database, the server on an ephemeral port, Debian's chromium via
// playwright-core (from web/node_modules). Last line: "N passed, N failed"; exit 1 on failure.
// A failing scenario leaves a screenshot and the server log in the temp dir, which is kept.
import fs from 'node:fs'
import path from 'node:path'
import {
  config,
  initDatabase,
  launchBrowser,
  makeTempDir,
  newPage,
  startServer,
  stopServer
} from './harness.mjs'
import { shardScenarios } from './scenarios.mjs'
import { a11yStats, checkPage } from './a11y.mjs'

const cfg = config()
const tmp = makeTempDir()
const db = path.join(tmp, 'e2e.db')
let server = null
let browser = null
let passed = 0
let failed = 0

async function cleanup() {
  if (browser) {
    await browser.close().catch(() => {})
    browser = null
  }
  if (server) {
    await stopServer(server.child)
  }
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    cleanup().finally(() => process.exit(130))
  })
}

function slug(name) {
  return name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60)
}

/** CPU seconds (user+sys) a process has used so far, from /proc (0 where there is none). */
function cpuSeconds(pid) {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (+f[11] + +f[12]) / 100
  } catch (e) {
    return 0
  }
}

async function runScenario(sc, index) {
  const t0 = Date.now()
  const s0 = cpuSeconds(server.child.pid)
  const { context, page, problems } = await newPage(browser, server.baseUrl)
  try {
    await sc.run({ page, baseUrl: server.baseUrl })
    if (problems.length) throw new Error(problems.join('\n'))
    // the page a story ends on (often with its data, a dialog or a tab open) is checked too
    if (!sc.noFinalA11y) await checkPage(page, `the end of "${sc.name}" (${new URL(page.url()).pathname})`)
    passed++
    console.log(`ok ${index + 1} - ${sc.name} # ${((Date.now() - t0) / 1000).toFixed(1)} s, server cpu ${(cpuSeconds(server.child.pid) - s0).toFixed(1)} s`)
  } catch (e) {
    failed++
    const shot = path.join(tmp, `fail-${index + 1}-${slug(sc.name)}.png`)
    await page.screenshot({ path: shot, fullPage: true, timeout: 10000 }).catch(() => {})
    console.log(`not ok ${index + 1} - ${sc.name}`)
    console.log(`  ${String(e && e.message).split('\n').join('\n  ')}`)
    console.log(`  at ${page.url()}; screenshot ${shot}`)
  } finally {
    await context.close().catch(() => {})
  }
}

async function main() {
  if (!fs.existsSync(cfg.bin)) throw new Error(`PRECINCT_BIN not found: ${cfg.bin}`)
  if (!fs.existsSync(path.join(cfg.web, 'index.html'))) {
    throw new Error(`PRECINCT_WEB has no index.html: ${cfg.web} (run npm run build in web/)`)
  }
  console.log(`# temp dir ${tmp}`)
  initDatabase(cfg.bin, db)
  server = await startServer(cfg.bin, db, cfg.web)
  console.log(`# server ${server.baseUrl}`)
  browser = await launchBrowser(cfg.chromium)
  const only = process.env.PRECINCT_E2E_ONLY ? new RegExp(process.env.PRECINCT_E2E_ONLY) : null
  // PRECINCT_E2E_SHARD=k/n runs the k-th (1-based) of n shards; unset, all of them
  const m = /^(\d+)\/(\d+)$/.exec(process.env.PRECINCT_E2E_SHARD || '1/1')
  if (!m || +m[1] < 1 || +m[1] > +m[2]) throw new Error(`PRECINCT_E2E_SHARD must be k/n: ${process.env.PRECINCT_E2E_SHARD}`)
  console.log(`# shard ${m[1]}/${m[2]}`)
  for (const { sc, index } of shardScenarios(+m[1] - 1, +m[2])) {
    if (only && !only.test(sc.name)) continue
    await runScenario(sc, index)
  }
  const u = process.cpuUsage()
  console.log(`# cpu seconds: server ${cpuSeconds(server.child.pid).toFixed(1)}, runner ${((u.user + u.system) / 1e6).toFixed(1)}`)
}

let setupError = null
try {
  await main()
} catch (e) {
  setupError = e
  failed++
  console.log(`not ok - setup: ${e && e.message}`)
  if (e && e.output) console.log(e.output.split('\n').slice(-30).join('\n'))
} finally {
  await cleanup()
}

if (failed) {
  if (server) fs.writeFileSync(path.join(tmp, 'server.log'), server.output.text)
  console.log(`# kept ${tmp}`)
} else {
  fs.rmSync(tmp, { recursive: true, force: true })
}
console.log(`# axe-core: ${a11yStats.pages} page(s) checked, ${a11yStats.sameShape} more of a checked shape (${(a11yStats.shapeMs / 1000).toFixed(1)} s comparing shapes); ${(a11yStats.settleMs / 1000).toFixed(1)} s waiting for pages to settle (${a11yStats.settleTimeouts} gave up), ${(a11yStats.axeMs / 1000).toFixed(1)} s in axe`)
for (const [what, where] of a11yStats.allowed) console.log(`# axe-core accepted (a11y-allow.mjs): ${what} on ${where}`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed || setupError ? 1 : 0)
