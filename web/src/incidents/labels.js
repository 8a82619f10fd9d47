// labels.js — the Chinese words of 110 接处警: incident states, sources, priorities, outcomes,
// timeline steps, 督办 states, and who may do what.
import { can } from '../auth.js'
import { enumLabel, enumList } from '../catalog.js'
import { durationText } from '../clocks/levels.js'

const map = (list) => Object.fromEntries(list.map((x) => [x.value, x]))

// the states, sources and outcomes are the server's (catalog enums); the tag colours the web's
const STATUS_TAG = { received: 'danger', dispatched: 'warning', acknowledged: 'primary', arrived: 'success', handled: 'info', closed: 'info' }
export const STATUSES = enumList('incident_status', Object.fromEntries(Object.entries(STATUS_TAG).map(([k, tag]) => [k, { tag }])))
export const statusLabel = (s) => enumLabel('incident_status', s)
export const statusTag = (s) => STATUS_TAG[s] || 'info'

export const SOURCES = enumList('incident_source')
export const sourceLabel = (s) => enumLabel('incident_source', s)

export const PRIORITIES = [
  { value: 1, label: '紧急', tag: 'danger' },
  { value: 2, label: '较急', tag: 'warning' },
  { value: 3, label: '一般', tag: 'info' }
]
const PRIORITY = map(PRIORITIES)
export const priorityLabel = (p) => (PRIORITY[p] || {}).label || ''
export const priorityTag = (p) => (PRIORITY[p] || {}).tag || 'info'

export const OUTCOMES = enumList('incident_outcome')
export const outcomeLabel = (o) => enumLabel('incident_outcome', o)
export const isCaseOutcome = (o) => o === 'admin_case' || o === 'criminal_case'

export const STEPS = {
  intake: { label: '接警', type: 'primary' },
  dispatch: { label: '派警', type: 'warning' },
  acknowledge: { label: '签收', type: 'primary' },
  arrive: { label: '到场', type: 'success' },
  feedback: { label: '处置反馈', type: 'success' },
  callback: { label: '回告', type: 'info' },
  close: { label: '结束', type: 'info' }
}
export const stepLabel = (a) => (STEPS[a] || {}).label || a

/** Seconds → "3分05秒" / "1小时2分"; '—' when not yet. */
export function spanText(sec) {
  if (sec === null || sec === undefined) return '—'
  return durationText(sec)
}

// ---- who may do what: actions of the server's table (GET /me; can() in auth.js). The server
// decides; these only choose which pages and buttons to show ----

/** The 110 desk (dispatcher, supervisor): who sets oversight tasks. */
export const DESK = 'oversight.create'
export const INCIDENTS = 'incident.list'
export const INTAKE = 'incident.create'
export const OVERSIGHT = { any: ['oversight.create', 'oversight.update'] }
export const REPORTS = 'report.daily'
/** 有警无案 (issue 17): the 督察's list (a station's chief sees his own). */
export const UNFILED = 'unfiled_incident.list'

export const isDesk = () => can(DESK)
/** A station's own staff who handle incidents (take them, not the desk), at the incident's station. */
export const isStationUser = (user, stationId) =>
  !!user && !!stationId && can(INTAKE) && !can(DESK) && !!user.unit && user.unit.id === stationId

// ---- 督办 ----

/** 待签收 / 办理中 / 已答复 / 已超期 with the el-tag type. */
export function taskState(t) {
  if (t.reviewed_at) return { label: '已办结', tag: 'success' }
  if (t.answered_at) return { label: '待审核', tag: 'primary' }
  if (t.overdue) return { label: '已超期', tag: 'danger' }
  if (!t.signed_at) return { label: '待签收', tag: 'warning' }
  return { label: '办理中', tag: 'primary' }
}

/** The LevelTag/Countdown level of an open task: 超期, under 4 h 紧急, under 24 h 预警. */
export function taskLevel(t, now) {
  if (t.answered_at) return 'OK'
  const left = t.deadline - now
  if (left <= 0) return 'BREACH'
  if (left < 4 * 3600) return 'URGENT'
  if (left < 24 * 3600) return 'WARN'
  return 'OK'
}

export const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日']
