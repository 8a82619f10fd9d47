// warnings.js — reading 执法预警 (GET /warnings, /warnings/summary) and open 执法监督 records.
import api from '../api.js'
import { levelLabel, syncServerNow } from './levels.js'

// Which warnings board is whose, by allowed action (GET /me): case work without approvals (the
// officer) sees his own cases; a station's chief and legal officer (warning.station, station staff
// only) their station; who supervises the county (oversight and the wanted list) and the bureau's
// approvers (局领导, 法制大队: approvals without a station) the county's breaches.
export const WARN_MINE = { all: ['case.create'], not: ['approval.list'] }
export const WARN_UNIT = 'warning.station'
export const WARN_BUREAU = { all: ['approval.list'], not: ['warning.station'] }
export const WARN_COUNTY = { any: [['oversight.create', 'wanted.put'], WARN_BUREAU] }

/** GET /warnings with scope/level; aligns the page clock with the server's `now`. */
export async function loadWarnings(params) {
  const d = await api.get('/warnings', params)
  syncServerNow(d.now)
  return d.items || []
}

/** Open (unanswered) breach records by clock key; an empty map when the role may not list them. */
export async function loadOpenBreaches() {
  try {
    const d = await api.get('/breaches', { open: 1, per_page: 500 })
    return new Map((d.items || []).map((b) => [b.clock_key, b]))
  } catch (e) {
    return new Map()
  }
}

export const loadSummary = () => api.get('/warnings/summary')

/** { URGENT: 2, BREACH: 1 } with ['URGENT','BREACH'] → "紧急 2 · 超期 1". */
export function summaryText(s, levels) {
  return levels.map((l) => `${levelLabel(l)} ${(s && s[l]) || 0}`).join(' · ')
}
