// offences.js — the offence table (GET /offences) and the station's colleagues (GET /colleagues),
// each loaded once per page load; and how a tier's legal range is written in Chinese.
import { ref } from 'vue'
import api from '../api.js'
import { catalog } from '../catalog.js'

export const offences = ref([])
let pendingOff = null

export function loadOffences() {
  if (offences.value.length) return Promise.resolve(offences.value)
  if (!pendingOff) {
    pendingOff = api
      .get('/offences')
      .then((d) => {
        const items = d.items || []
        // common offences first, then by code
        items.sort((a, b) => (b.common ? 1 : 0) - (a.common ? 1 : 0) || String(a.code).localeCompare(String(b.code)))
        offences.value = items
        return items
      })
      .finally(() => {
        pendingOff = null
      })
  }
  return pendingOff
}

export function offenceByCode(code) {
  return offences.value.find((o) => o.code === code) || null
}

export function offenceLabel(code) {
  const o = offenceByCode(code)
  return o ? `${o.name}（${o.code}）` : code || ''
}

export const colleagues = ref([])
let pendingCol = null

export function loadColleagues() {
  if (colleagues.value.length) return Promise.resolve(colleagues.value)
  if (!pendingCol) {
    pendingCol = api
      .get('/colleagues')
      .then((d) => {
        colleagues.value = d.items || []
        return colleagues.value
      })
      .finally(() => {
        pendingCol = null
      })
  }
  return pendingCol
}

/** A sworn officer (人民警察) by the server's role table: counted by the two-officer rules. */
export const isSworn = (u) => !!(catalog.roles.find((r) => r.value === u.role) || {}).sworn

function range(min, max, unit) {
  if (min === undefined || min === null || min < 0) return '—'
  if (!min) return `${max}${unit}以下`
  if (min === max) return `${min}${unit}`
  return `${min}–${max}${unit}`
}

/** One law version of a tier → { article, warning, fine, det, comb } in words; null = not in this law. */
export function describeLaw(p) {
  if (!p) return null
  return {
    article: articleWords(p.article),
    warning: p.warning ? '可警告' : '—',
    fine: p.fine_text || range(p.fine_min, p.fine_max, '元'),
    det: range(p.det_min, p.det_max, '日'),
    comb: p.comb || ''
  }
}

/** True when the tier, under law 'za2012' | 'za2025', says 处…拘留 (detention not optional: 并处,
 * 可以并处 or 单处 with a detention range) — proposing no detention is then 以罚代拘. */
export function tierRequiresDetention(t, law) {
  const p = t && t[law]
  return !!p && p.det_max > 0 && ['并处', '可以并处', '单处'].includes(p.comb)
}

/** Article text, e.g. "43¶1(2)" → "第43条第1款第(2)项". */
export function articleWords(a) {
  if (!a) return ''
  const m = /^(\d+)(?:¶(\d+))?(?:\((\d+)\))?/.exec(a)
  if (!m) return a
  return `第${m[1]}条${m[2] ? `第${m[2]}款` : ''}${m[3] ? `第（${m[3]}）项` : ''}`
}
