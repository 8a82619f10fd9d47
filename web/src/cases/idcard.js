// idcard.js — GB 11643-1999 公民身份号码: check digit, birth date, sex, and the age (周岁) on a
// given day. The server validates again; the form uses this to warn early and preview the age.

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

/** The check character of the first 17 digits. */
export function checkChar(first17) {
  let s = 0
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * W[i]
  return CHECK[s % 11]
}

function validDate(y, m, d) {
  const t = new Date(Date.UTC(y, m - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
}

/** { ok, message, birth: 'YYYY-MM-DD', sex: 'M'|'F' } for an 18-digit number; empty input is ok. */
export function parseId(raw) {
  const id = String(raw || '').trim().toUpperCase()
  if (!id) return { ok: true }
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, message: '身份证号码应为18位，最后一位可为数字或X' }
  const y = Number(id.slice(6, 10))
  const m = Number(id.slice(10, 12))
  const d = Number(id.slice(12, 14))
  if (!validDate(y, m, d) || y < 1900) return { ok: false, message: '身份证号码中的出生日期无效' }
  if (checkChar(id.slice(0, 17)) !== id[17]) return { ok: false, message: '身份证号码校验位错误' }
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`
  return { ok: true, id, birth, sex: Number(id[16]) % 2 ? 'M' : 'F' }
}

/** Age in 周岁 on day ('YYYY-MM-DD'): a birthday counts from the next day. */
export function ageOn(birth, day) {
  if (!birth || !day) return null
  const [by, bm, bd] = birth.split('-').map(Number)
  const [y, m, d] = day.split('-').map(Number)
  let age = y - by
  if (m < bm || (m === bm && d <= bd)) age -= 1
  return age
}

/** el-form validator for an ID number field. */
export function idValidator(rule, value, cb) {
  const r = parseId(value)
  if (r.ok) cb()
  else cb(new Error(r.message))
}
