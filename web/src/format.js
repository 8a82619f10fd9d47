// format.js — display helpers. Instants are UTC epoch; the display zone is Asia/Shanghai.

const ZONE = 'Asia/Shanghai'
const SHANGHAI_OFFSET = '+08:00'

const fmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23'
})

function parts(ms) {
  const p = {}
  for (const x of fmt.formatToParts(new Date(ms))) p[x.type] = x.value
  return p
}

/** epoch milliseconds → "YYYY-MM-DD HH:mm:ss" in Asia/Shanghai; '' for empty. */
export function formatMs(ms) {
  if (ms === null || ms === undefined || ms === '' || Number.isNaN(Number(ms))) return ''
  const p = parts(Number(ms))
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`
}

/** epoch seconds → "YYYY-MM-DD HH:mm:ss" in Asia/Shanghai; '' for empty/0. */
export function formatSec(s) {
  if (!s) return ''
  return formatMs(Number(s) * 1000)
}

/** Today's date in Asia/Shanghai as "YYYY-MM-DD". */
export function todayShanghai() {
  const p = parts(Date.now())
  return `${p.year}-${p.month}-${p.day}`
}

/** "YYYY-MM-DD" (Shanghai calendar day) → epoch seconds at 00:00:00 that day. */
export function dayStartSec(day) {
  return Math.floor(Date.parse(`${day}T00:00:00${SHANGHAI_OFFSET}`) / 1000)
}

/** "YYYY-MM-DD" → epoch seconds at 00:00:00 of the next day (exclusive end, as /audit's `to`). */
export function dayEndSec(day) {
  return dayStartSec(day) + 86400
}

/** epoch seconds → "YYYY-MM-DD HH:mm" in Asia/Shanghai; '' for empty/0. */
export function formatMin(s) {
  return formatSec(s).slice(0, 16)
}

/** epoch seconds → "YYYY-MM-DD" (Shanghai day); '' for empty/0. */
export function daySec(s) {
  return formatSec(s).slice(0, 10)
}

/** "YYYY-MM-DD", epoch seconds or nothing (= today) → "2026年3月7日". */
export function cnDate(v) {
  let day = v
  if (v === undefined || v === null || v === '') day = todayShanghai()
  else if (typeof v === 'number' || /^\d+$/.test(String(v))) day = daySec(Number(v))
  const [y, m, d] = String(day).slice(0, 10).split('-')
  if (!d) return ''
  return `${y}年${Number(m)}月${Number(d)}日`
}

/** epoch seconds → "2026年3月7日 14时05分". */
export function cnDateTime(s) {
  if (!s) return ''
  const t = formatSec(s)
  return `${cnDate(t.slice(0, 10))} ${t.slice(11, 13)}时${t.slice(14, 16)}分`
}

// Date pickers (el-date-picker value-format="x"): the model is epoch MILLISECONDS as a NUMBER.
// A numeric string ("1796396427979") is parsed by dayjs as YYYYMMDDhhmmss… and shows the year
// 1799 — the 督办 dialog's "year 1798" (issue 17). Every picker model goes through these two.

/** epoch seconds (API) → picker model (Number ms); null for empty. */
export function secToPicker(s) {
  if (s === null || s === undefined || s === '' || Number.isNaN(Number(s))) return null
  return Number(s) * 1000
}

/** picker model (Number or numeric string ms) → epoch seconds for the API; null for empty. */
export function pickerToSec(v) {
  if (v === null || v === undefined || v === '' || Number.isNaN(Number(v))) return null
  return Math.floor(Number(v) / 1000)
}

/** A picker model `hours` from now (Number ms). */
export function pickerIn(hours) {
  return Date.now() + Math.round(hours * 3600 * 1000)
}
