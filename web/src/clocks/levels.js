// levels.js — 执法预警 levels, live countdown text and the shared ticking clock.
//
// The server computes every clock; the page only counts down between refreshes. The clock is
// corrected by the server's `now` (GET /warnings answers it; /custody gives deadline − remaining),
// so a browser with a wrong clock still shows the server's time left.
import { onBeforeUnmount, onMounted, ref } from 'vue'
import { catalog } from '../catalog.js'

// The levels (code, Chinese label, rank) are the rule catalog's warning_levels (catalog.js).
const RANKS = ['OK', 'WARN', 'URGENT', 'BREACH']
const byCode = (code) => catalog.warning_levels.find((l) => l.code === code)

export const levelLabel = (code) => (byCode(code) || {}).label || code || ''
export const levelRank = (code) => Math.max(0, RANKS.indexOf(code))
/** CSS class of a level: lv-ok, lv-warn, lv-urgent, lv-breach (styles.css). */
export const levelClass = (code) => `lv-${String(code || 'OK').toLowerCase()}`

/**
 * The level of a clock now: the server's level, raised as warn_at / urgent_at / deadline pass on
 * the client between two refreshes (never lowered — only the server may lower it).
 */
export function liveLevel(item, now) {
  let rank = levelRank(item.level)
  if (item.deadline && now >= item.deadline) rank = 3
  else if (item.urgent_at && now >= item.urgent_at) rank = Math.max(rank, 2)
  else if (item.warn_at && now >= item.warn_at) rank = Math.max(rank, 1)
  return RANKS[rank]
}

/** Seconds → "2天3小时" / "1小时23分" / "23分05秒" (seconds only under one hour). */
export function durationText(sec) {
  const s = Math.max(0, Math.floor(sec))
  const d = Math.floor(s / 86400)
  const h = Math.floor((s % 86400) / 3600)
  const m = Math.floor((s % 3600) / 60)
  if (d) return `${d}天${h}小时`
  if (h) return `${h}小时${m}分`
  return `${m}分${String(s % 60).padStart(2, '0')}秒`
}

/** Time left of a clock: "2天3小时"; hours and minutes for anything under a day ("0小时23分"). */
export function leftText(sec) {
  const s = Math.max(0, Math.floor(sec))
  if (s >= 86400) return durationText(s)
  return `${Math.floor(s / 3600)}小时${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}分`
}

/** "剩余 1小时23分" or "已超期 2小时05分". */
export function countdownText(deadline, now) {
  if (!deadline) return '—'
  const left = deadline - now
  return left > 0 ? `剩余 ${leftText(left)}` : `已超期 ${leftText(-left)}`
}

/** Seconds → "01:23:05" (hours may pass 99 for day clocks: "52:10:00"). */
export function clockDigits(sec) {
  const s = Math.abs(Math.floor(sec))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  return [h, m, s % 60].map((x) => String(x).padStart(2, '0')).join(':')
}

// ---- one ticking clock for every countdown on the page ----

let offset = 0 // server time − browser time, seconds
export const nowSec = ref(Math.floor(Date.now() / 1000))
let users = 0
let timer = null

function tick() {
  nowSec.value = Math.floor(Date.now() / 1000 + offset)
}

/**
 * Align the clock with the server's `now` (whole epoch seconds). Differences under two seconds are
 * the rounding of `now` and the request's travel: ignored, so the countdown never stutters.
 */
export function syncServerNow(serverNow) {
  if (!serverNow) return
  const off = serverNow - Date.now() / 1000
  if (Math.abs(off - offset) < 2) return
  offset = off
  tick()
}

/** Use in a component: the shared `nowSec` ticks every second while any user is mounted. */
export function useNow() {
  onMounted(() => {
    users++
    tick()
    if (!timer) timer = window.setInterval(tick, 1000)
  })
  onBeforeUnmount(() => {
    users--
    if (!users && timer) {
      window.clearInterval(timer)
      timer = null
    }
  })
  return nowSec
}

/** Call fn now and every `ms` while the component is mounted (skipped while the tab is hidden). */
export function usePolling(fn, ms) {
  let t = null
  onMounted(() => {
    fn()
    t = window.setInterval(() => {
      if (document.visibilityState !== 'hidden') fn()
    }, ms)
  })
  onBeforeUnmount(() => {
    if (t) window.clearInterval(t)
  })
}
