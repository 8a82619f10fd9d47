// a11y.mjs — axe-core (WCAG 2.0 A/AA, the level GB/T 37668 asks for) on the page the browser shows.
//
// checkPage(page, where) injects axe-core from web/node_modules (through the debugging protocol, so
// the server's Content-Security-Policy does not apply to it), waits until the page has settled
// (no request in flight, no loading mask, transitions done) and throws with one readable line per
// failing element. Violations listed in a11y-allow.mjs are reviewed exceptions: they are printed
// but do not fail.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import { WAIT_MS } from './harness.mjs'
import { A11Y_ALLOWED } from './a11y-allow.mjs'

const require = createRequire(new URL('../../web/package.json', import.meta.url))
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

const TAGS = ['wcag2a', 'wcag2aa']

/** Pages checked so far and the allowed violations seen, for the summary line of run.mjs. */
export const a11yStats = { pages: 0, allowed: new Map(), settleMs: 0, axeMs: 0, settleTimeouts: 0 }

const PROFILE = !!process.env.PRECINCT_E2E_PROFILE

/** Wait (bounded) for: no request in flight for 300 ms, no visible loading mask, 350 ms of quiet for transitions. */
export async function settle(page) {
  const state = page.__precinctRequests
  const t0 = Date.now()
  const deadline = t0 + WAIT_MS
  try {
    await settleUntil(page, state, deadline)
  } finally {
    a11yStats.settleMs += Date.now() - t0
  }
}

async function settleUntil(page, state, deadline) {
  let quietSince = 0
  while (Date.now() < deadline) {
    const busy =
      (state && state.inflight > 0) ||
      (await page
        .locator('.el-loading-mask:visible')
        .count()
        .catch(() => 0)) > 0
    if (busy) quietSince = 0
    else if (!quietSince) quietSince = Date.now()
    else if (Date.now() - quietSince >= 350) return
    await page.waitForTimeout(50)
  }
  a11yStats.settleTimeouts++
  console.log(`# settle: still busy after ${WAIT_MS} ms on ${page.url()} (requests in flight: ${state ? state.urls().join(', ') : '?'})`)
}

function allowed(v, node, where) {
  return A11Y_ALLOWED.find(
    (a) => a.rule === v.id && node.target.join(' ').includes(a.target) && (!a.page || where.includes(a.page))
  )
}

function describe(v, node) {
  const html = (node.html || '').replace(/\s+/g, ' ').slice(0, 110)
  const target = `${node.target.join(' ')} ${html}`
  const contrast = node.any.find((c) => c.id === 'color-contrast')
  if (contrast && contrast.data) {
    const d = contrast.data
    return `${v.id}: ${target} — 对比度 ${d.contrastRatio} < ${d.expectedContrastRatio}（前景 ${d.fgColor} 背景 ${d.bgColor}，${d.fontSize} ${d.fontWeight}）`
  }
  const why = (node.failureSummary || v.help).replace(/\s+/g, ' ').trim()
  return `${v.id}: ${target} — ${why}`
}

/**
 * Run axe on the whole document. `where` names the page for the message ("minjing1 /cases").
 * `settled`: the caller has just waited for settle(page), so the page is not waited for again.
 * Throws an Error listing every violation that is not a reviewed exception.
 */
export async function checkPage(page, where, { settled = false } = {}) {
  const t0 = Date.now()
  if (!settled) await settle(page)
  const t1 = Date.now()
  const has = await page.evaluate(() => typeof window.axe === 'object').catch(() => false)
  if (!has) await page.evaluate(AXE_SOURCE)
  // Table rows past the fifth repeat the ones above (same markup, same colours): leaving them out
  // keeps a page with a long list fast to check.
  const result = await page.evaluate(
    (tags) =>
      window.axe.run(
        { include: [document], exclude: [['.el-table__body tr:nth-child(n+6)']] },
        { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }
      ),
    TAGS
  )
  a11yStats.pages++
  a11yStats.axeMs += Date.now() - t1
  if (PROFILE) console.log(`#   ${where}: settle ${t1 - t0} ms, axe ${Date.now() - t1} ms`)
  const lines = []
  for (const v of result.violations) {
    for (const node of v.nodes) {
      const line = describe(v, node)
      if (allowed(v, node, where)) {
        a11yStats.allowed.set(`${v.id}: ${node.target.join(' ')}`, where)
      } else {
        lines.push(`  ${line}`)
      }
    }
  }
  if (lines.length) {
    throw new Error(`axe-core (WCAG 2 A/AA) found ${lines.length} violation(s) on ${where}:\n${lines.join('\n')}`)
  }
}
