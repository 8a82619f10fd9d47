// harness.mjs — start the real precinct binary on a fresh demo database and Debian's chromium.
//
// Every wait is bounded (WAIT_MS); stop() always ends the server and the browser.
import { spawn, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const WAIT_MS = 15000
/* Building the demo county and starting the server under the sanitizers, while other
   test programs load both cores, has taken longer than WAIT_MS: setup gets five minutes. */
const SETUP_MS = 300000

const require = createRequire(new URL('../../web/package.json', import.meta.url))
const { chromium } = require('playwright-core')

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  ...(process.env.PRECINCT_CHROMIUM_ARGS || '').split(' ').filter(Boolean)
]

/** Absolute path from an env var or a default relative to this file. */
function resolvePath(envValue, fallback) {
  if (envValue) return path.resolve(envValue)
  return path.resolve(path.dirname(new URL(import.meta.url).pathname), fallback)
}

export function config() {
  return {
    bin: resolvePath(process.env.PRECINCT_BIN, '../../build/precinct'),
    web: resolvePath(process.env.PRECINCT_WEB, '../../web/dist'),
    chromium: process.env.PRECINCT_CHROMIUM || defaultChromium()
  }
}

/** Debian's chromium-headless-shell (the same engine without the browser's window, GPU process and
 *  compositor frames: ~23 % less CPU over the same stories than the full browser run headless, and
 *  the browser is most of the suite's CPU), else the full browser. */
function defaultChromium() {
  const shell = '/usr/lib/chromium/chromium-headless-shell'
  return fs.existsSync(shell) ? shell : '/usr/bin/chromium'
}

export function makeTempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'precinct-e2e-'))
}

/** `precinct init --db <db> --demo`; throws with the tool's output on failure. Under ctest the
 *  demo county built once for the run (fixture demo_db, PRECINCT_TEST_DEMO_DB) is copied instead,
 *  with its secret (0600), its read-audit file and attachments, as the API programs' harness does. */
export function initDatabase(bin, db) {
  const template = process.env.PRECINCT_TEST_DEMO_DB
  if (template && fs.existsSync(template)) {
    fs.copyFileSync(template, db)
    fs.copyFileSync(`${template}.key`, `${db}.key`)
    fs.chmodSync(`${db}.key`, 0o600)
    // the read-audit chain's file goes with its database (issue 14)
    if (fs.existsSync(`${template}-audit.db`)) fs.copyFileSync(`${template}-audit.db`, `${db}-audit.db`)
    if (fs.existsSync(`${template}.files`)) fs.cpSync(`${template}.files`, `${db}.files`, { recursive: true })
    return
  }
  const r = spawnSync(bin, ['init', '--db', db, '--demo'], { encoding: 'utf8', timeout: SETUP_MS })
  if (r.error) throw new Error(`precinct init: ${r.error.message}`)
  if (r.status !== 0) {
    throw new Error(`precinct init exited ${r.status}\n${r.stdout || ''}${r.stderr || ''}`)
  }
}

/**
 * Start `precinct serve` on an ephemeral port. Resolves { child, baseUrl, output } once the
 * server prints "listening on http://127.0.0.1:PORT"; rejects on exit or after SETUP_MS.
 */
export function startServer(bin, db, web) {
  const child = spawn(bin, ['serve', '--db', db, '--listen', '127.0.0.1:0', '--web', web], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const output = { text: '' }
  const keep = (chunk) => {
    output.text += chunk.toString('utf8')
    if (output.text.length > 200000) output.text = output.text.slice(-100000)
  }
  child.stderr.on('data', keep)
  return new Promise((resolve, reject) => {
    let seen = ''
    const timer = setTimeout(() => {
      fail(new Error(`server did not report "listening on" within ${SETUP_MS} ms`))
    }, SETUP_MS)
    function fail(err) {
      clearTimeout(timer)
      child.stdout.off('data', onData)
      err.output = output.text
      stopServer(child).then(() => reject(err))
    }
    function onData(chunk) {
      keep(chunk)
      seen += chunk.toString('utf8')
      const m = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(seen)
      if (m) {
        clearTimeout(timer)
        child.off('exit', onExit)
        child.stdout.off('data', onData)
        child.stdout.on('data', keep)
        resolve({ child, baseUrl: m[1], output })
      }
    }
    function onExit(code, signal) {
      fail(new Error(`server exited early (code ${code}, signal ${signal})`))
    }
    child.stdout.on('data', onData)
    child.once('exit', onExit)
    child.once('error', (e) => fail(e))
  })
}

/** SIGTERM, then SIGKILL after 5 s. Resolves when the process is gone. Never throws. */
export function stopServer(child) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve()
    const killer = setTimeout(() => {
      try {
        child.kill('SIGKILL')
      } catch (e) {
        /* already gone */
      }
    }, 5000)
    child.once('exit', () => {
      clearTimeout(killer)
      resolve()
    })
    try {
      child.kill('SIGTERM')
    } catch (e) {
      clearTimeout(killer)
      resolve()
    }
  })
}

/* A browser's first start on a fresh machine builds its font and profile caches and
   has taken longer than 15 s there (CI); give it two minutes and one more try. */
const LAUNCH_MS = 120000

export async function launchBrowser(executablePath) {
  const opts = { executablePath, headless: true, args: CHROMIUM_ARGS, timeout: LAUNCH_MS }
  try {
    return await chromium.launch(opts)
  } catch (e) {
    console.log(`# browser did not start (${String(e && e.message).split('\n')[0]}); trying once more`)
    return chromium.launch(opts)
  }
}

/**
 * A fresh context and page for one scenario. `problems` collects page errors and CSP
 * violations, which fail the scenario.
 */
export async function newPage(browser, baseUrl) {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 820 }
  })
  const page = await context.newPage()
  trackRequests(page)
  page.setDefaultTimeout(WAIT_MS)
  page.setDefaultNavigationTimeout(WAIT_MS)
  const problems = []
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  page.on('console', (msg) => {
    const t = msg.text()
    if (msg.type() === 'error' && /Content Security Policy/i.test(t)) problems.push(`CSP: ${t}`)
  })
  return { context, page, problems }
}

/** Count the page's requests in flight (call once per page, before it loads anything). */
export function trackRequests(page) {
  const pending = new Set()
  const state = {
    get inflight() {
      return pending.size
    },
    urls: () => [...pending].map((r) => `${r.method()} ${r.url()} (${r.resourceType()})`)
  }
  const done = (r) => pending.delete(r)
  // A document that goes away takes its fetches along, and the browser does not always report
  // them finished or failed (seen: the 预警 summary poll of the old page cut off by page.goto,
  // "in flight" for ever). When a new document commits (the main frame navigates to the URL
  // of its navigation request), every request of the old one is forgotten.
  let nav = null
  page.on('request', (r) => {
    if (r.isNavigationRequest() && r.frame() === page.mainFrame()) nav = r
    pending.add(r)
  })
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame() || !nav || frame.url() !== nav.url()) return
    for (const r of pending) if (r !== nav) pending.delete(r)
    nav = null
  })
  page.on('requestfinished', done)
  page.on('requestfailed', done)
  page.__precinctRequests = state
  return state
}
