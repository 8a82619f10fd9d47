// catalog.js — the rule catalog as the server has it (GET /api/v1/catalog, or /catalog/public
// before login): rules with their Chinese labels and articles, measure kinds and tiers, milestones,
// approvers, case states and actions, warning levels, roles and unit kinds. The web keeps no copy of any of them: every
// label, period and article shown comes from here, filled once per page load.
import { reactive } from 'vue'
import api from './api.js'

export const catalog = reactive({
  full: false,
  rules: [],
  measure_kinds: [],
  measure_tiers: [],
  milestones: [],
  approvers: [],
  case_states: [],
  case_actions: [],
  warning_levels: [],
  offences: [],
  roles: [],
  enums: {},
  doc_kinds: [],
  fields: []
})

// the lists made by enumList, refilled when the catalog loads
const lists = []

function fill(l) {
  const src = catalog.enums[l.set] || []
  l.arr.splice(0, l.arr.length, ...src.map((x) => ({ ...x, ...(l.extra[x.value] || {}) })))
}

let loading = null

/** Load the catalog (the full one when signed in). Never throws: a failed load leaves it empty. */
export function loadCatalog(signedIn) {
  if (catalog.rules.length && (catalog.full || !signedIn)) return Promise.resolve(catalog)
  if (loading) return loading
  loading = api
    .get(signedIn ? '/catalog' : '/catalog/public', null, { quiet401: true })
    .then((data) => {
      for (const k of Object.keys(data)) if (k in catalog && k !== 'full') catalog[k] = data[k]
      catalog.full = !!signedIn
      lists.forEach(fill)
    })
    .catch(() => {})
    .then(() => {
      loading = null
      return catalog
    })
  return loading
}

/** The row of a rule id: the one still in force (to = null) when the law changed, else the last. */
export function ruleOf(code) {
  if (!code) return null
  let best = null
  for (const r of catalog.rules) {
    if (r.code !== code) continue
    if (!best || !r.to) best = r
  }
  return best
}

/** The Chinese label of a rule id ("询问查证不超过8小时"); the id itself when unknown. */
export const ruleLabel = (code) => (ruleOf(code) || {}).label || code || ''

/** The article of a rule id ("治安管理处罚法（2025修订）第97条第1款"), or ''. */
export const ruleSource = (code) => (ruleOf(code) || {}).source || ''

/** "询问查证不超过8小时（治安管理处罚法（2025修订）第97条第1款）" — for toasts and plain text. */
export function ruleText(code) {
  const r = ruleOf(code)
  return r ? `${r.label}（${r.source}）` : code || ''
}

/** The Chinese label of a case state or action from the catalog (the code when unknown). */
export const stateLabel = (s) => (catalog.case_states.find((x) => x.value === s) || {}).label || s || ''
export const actionLabel = (a) => (catalog.case_actions.find((x) => x.action === a) || {}).label || a || ''

/**
 * The request fields of a route from the server's field tables ("POST /cases" → {title: {maxLength,
 * required, enum …}}): forms take their limits and options here, never from a copy.
 */
export function fieldsOf(route) {
  const [method, path] = route.split(' ')
  const r = (catalog.fields || []).find((x) => x.method === method && x.path === '/api/v1' + path)
  return Object.fromEntries(((r && r.fields) || []).map((f) => [f.name, f]))
}

/** The maxLength of one field of a route (undefined when unknown: no limit shown). */
export const maxLen = (route, name) => (fieldsOf(route)[name] || {}).maxLength

/**
 * The values of an enum set of the server (src/domain/enums.def: case_kind, party_role,
 * incident_status …) as [{ value, label, ...extra[value] }] in the order a form offers them. A
 * reactive array, filled when the catalog loads, so a module may hold it as a constant; `extra`
 * adds what only the web knows (an el-tag colour).
 */
export function enumList(set, extra = {}) {
  const l = { set, extra, arr: reactive([]) }
  lists.push(l)
  fill(l)
  return l.arr
}

/** The Chinese word of a value of an enum set ("suspect" → 违法犯罪嫌疑人); the value when unknown. */
export function enumLabel(set, value) {
  const x = (catalog.enums[set] || []).find((e) => e.value === value)
  return x ? x.label : value == null ? '' : String(value)
}
