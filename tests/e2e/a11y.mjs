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

/** Pages checked so far and the allowed violations seen, for the summary line of run.mjs.
 *  `sameShape`: pages of the walk whose shape an earlier full check of the same route covered. */
export const a11yStats = { pages: 0, allowed: new Map(), settleMs: 0, axeMs: 0, settleTimeouts: 0, sameShape: 0, shapeMs: 0 }

const PROFILE = !!process.env.PRECINCT_E2E_PROFILE

/** The page's finite animations still running (Vue's and Element Plus's transitions are CSS
 *  transitions and animations, which document.getAnimations() lists); an endless one (a spinner)
 *  never ends and does not count. */
function runningTransitions() {
  return document
    .getAnimations()
    .filter((a) => a.playState === 'running' && a.effect && a.effect.getComputedTiming().iterations !== Infinity).length
}

/** Wait (bounded) for: no request in flight, no visible loading mask and no transition running,
 *  all three for 150 ms (a request answered may start a transition or another request). */
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
        .catch(() => 0)) > 0 ||
      (await page.evaluate(runningTransitions).catch(() => 0)) > 0
    if (busy) quietSince = 0
    else if (!quietSince) quietSince = Date.now()
    else if (Date.now() - quietSince >= 150) return
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
 * The page's shape as axe-core sees it: one string per element with what its WCAG 2 A/AA rules
 * read — the element's tag, classes, Vue scope (data-v-*), visibility, ARIA/role/type/state
 * attributes, whether its label/described-by ids resolve, whether it carries text or an
 * accessible-name attribute, the colour part of its inline style — after the same for each of
 * its ancestors (so a colour or a label inherited from the context is part of it). Text and data
 * values are left out: two roles' lists of the same page differ in rows and figures, not in
 * markup. Equal strings collapse, so a table of 3 rows and one of 30 have the same shape.
 */
function shapeOf() {
  const REF = new Set(['for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-activedescendant', 'list'])
  const NAMED = new Set(['aria-label', 'title', 'alt', 'placeholder', 'value', 'href', 'src', 'name', 'id'])
  const SKIP = new Set(['class', 'style', 'data-test', '_echarts_instance_', 'aria-valuenow', 'aria-valuetext', 'aria-posinset', 'aria-setsize', 'width', 'height', 'd', 'points', 'transform', 'x', 'y', 'cx', 'cy', 'r'])
  const idOk = (v) => v.trim().split(/\s+/).every((id) => !id || document.getElementById(id))
  const colours = (st) =>
    st
      .split(';')
      .map((d) => d.trim())
      .filter((d) => /^(color|background|opacity|display|visibility|--)/.test(d))
      .sort()
      .join(';')
  const out = new Set()
  const walk = (el, chain) => {
    let me = el.tagName.toLowerCase()
    // numbered per instance (a table's columns), or the scroll position: not markup
    const cls = [...el.classList]
      .filter((c) => !/^el-id-|^is-(focus|hover)$|^is-scrolling-/.test(c))
      .map((c) => c.replace(/_\d+/g, '_N'))
      .sort()
    if (cls.length) me += '.' + cls.join('.')
    const attrs = []
    for (const a of el.attributes) {
      const n = a.name
      if (SKIP.has(n) || n.startsWith('data-') && !n.startsWith('data-v-')) continue
      if (n.startsWith('data-v-')) attrs.push(n)
      else if (REF.has(n)) attrs.push(`${n}:${idOk(a.value) ? 'ok' : 'missing'}`)
      else if (NAMED.has(n)) attrs.push(`${n}:${a.value.trim() ? 'set' : 'empty'}`)
      else if (n === 'tabindex') attrs.push(`${n}=${a.value}`)
      else attrs.push(`${n}=${a.value.replace(/\d+/g, 'N')}`)
    }
    const st = el.getAttribute('style')
    if (st) attrs.push(`style=${colours(st)}`)
    if (attrs.length) me += '[' + attrs.sort().join(',') + ']'
    const path = chain + '>' + me
    let text = false
    for (const c of el.childNodes) if (c.nodeType === 3 && c.nodeValue.trim()) text = true
    const shown = el.getClientRects().length > 0
    out.add(`${path}${text ? ' T' : ''}${shown ? '' : ' H'}`)
    for (const c of el.children) walk(c, path)
  }
  walk(document.documentElement, '')
  return [...out]
}

// route (path with ids as :id) -> one Set of element strings per page of it that axe checked
const shapesChecked = new Map()

const NO_MOTION = '*,*::before,*::after{transition:none!important;animation:none!important}'

/** Turn CSS transitions and animations off in the page and every document it loads later (the
 *  walk: a page is checked in its end state, not mid-fade, without waiting for the fades; the
 *  CSP allows inline styles). */
export async function quietMotion(page) {
  await page.addInitScript((css) => {
    document.addEventListener('DOMContentLoaded', () => {
      const s = document.createElement('style')
      s.textContent = css
      document.head.appendChild(s)
    })
  }, NO_MOTION)
  await page.addStyleTag({ content: NO_MOTION })
}

/**
 * Run axe on the whole document. `where` names the page for the message ("minjing1 /cases").
 * `settled`: the caller has just waited for settle(page), so the page is not waited for again.
 * Throws an Error listing every violation that is not a reviewed exception.
 */
export async function checkPage(page, where, { settled = false, route = null } = {}) {
  const t0 = Date.now()
  if (!settled) await settle(page)
  let t1 = Date.now()
  // the walk of every role (a11y-scenarios.mjs) passes `route`: a page whose every element string
  // was already in a fully checked page of the same route gives axe nothing new to judge
  let shape = null
  if (route) {
    shape = await page.evaluate(shapeOf)
    const pages = shapesChecked.get(route) || []
    a11yStats.shapeMs += Date.now() - t1
    if (pages.some((known) => shape.every((e) => known.has(e)))) {
      a11yStats.sameShape++
      if (PROFILE) console.log(`#   ${where}: settle ${t1 - t0} ms, shape ${Date.now() - t1} ms, same shape as a checked page of ${route}`)
      return
    }
    t1 = Date.now()
  }
  const has = await page.evaluate(() => typeof window.axe === 'object').catch(() => false)
  if (!has) await page.evaluate(AXE_SOURCE)
  // Table rows past the fifth repeat the ones above (same markup, same colours): leaving them out
  // keeps a page with a long list fast to check. An element in a leave transition (a message
  // fading out: el-message-fade-leave-active …) is on its way out, not part of the page's end
  // state; its colours mid-fade say nothing of the page.
  const result = await page.evaluate(
    (tags) =>
      window.axe.run(
        { include: [document], exclude: [['.el-table__body tr:nth-child(n+6)'], ['[class*="-leave-active"]']] },
        { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }
      ),
    TAGS
  )
  a11yStats.pages++
  a11yStats.axeMs += Date.now() - t1
  if (shape) {
    if (!shapesChecked.has(route)) shapesChecked.set(route, [])
    shapesChecked.get(route).push(new Set(shape))
  }
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
