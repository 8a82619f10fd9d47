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

/** GET /warnings with scope/level (and page, per_page, case_id): { items, total }; aligns the page
 * clock with the server's `now`. */
export async function loadWarningsPage(params) {
  const d = await api.get('/warnings', params)
  syncServerNow(d.now)
  return { items: d.items || [], total: d.total || 0 }
}

/** The items of the first page of GET /warnings (the server's 500 most urgent). */
export const loadWarnings = async (params) => (await loadWarningsPage(params)).items

/** Open (unanswered) breach records by clock key (params: e.g. one case's, { case_id }); an empty
 * map when the role may not list them. */
export async function loadOpenBreaches(params = {}) {
  try {
    const d = await api.get('/breaches', { open: 1, per_page: 500, ...params })
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
