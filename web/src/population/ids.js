// ids.js — the live hint under an ID number field: GB 11643 check digit, birth date and sex
// (web/src/cases/idcard.js), and the upgrade of a 15-digit legacy number that the server does too.
import { checkChar, parseId } from '../cases/idcard.js'
import { sexName } from '../cases/labels.js'

/** 15-digit legacy number → the 18-digit one (born 19xx). */
export function upgrade15(id) {
  const first17 = `${id.slice(0, 6)}19${id.slice(6, 15)}`
  return first17 + checkChar(first17)
}

/**
 * { state: ''|'ok'|'error'|'typing', text, birth, sex } for what the user typed so far.
 * 'typing' while fewer than 15 characters, so the hint does not shout at every keystroke.
 */
export function idHint(raw) {
  let id = String(raw || '').trim().toUpperCase()
  if (!id) return { state: '', text: '' }
  let upgraded = ''
  if (/^\d{15}$/.test(id)) {
    upgraded = upgrade15(id)
    id = upgraded
  }
  if (id.length < 18 && /^\d*$/.test(id)) return { state: 'typing', text: `已输入 ${id.length} 位，应为 18 位` }
  const r = parseId(id)
  if (!r.ok) return { state: 'error', text: r.message }
  const pre = upgraded ? `15位旧号码，将升级为 ${upgraded}；` : '校验位正确；'
  return { state: 'ok', text: `${pre}出生日期 ${r.birth}，${sexName(r.sex)}`, birth: r.birth, sex: r.sex }
}

/** el-form validator: empty or a complete valid number (15 or 18 digits). */
export function idRule(rule, value, cb) {
  const h = idHint(value)
  if (!String(value || '').trim()) cb(new Error('请填写公民身份号码'))
  else if (h.state === 'ok') cb()
  else cb(new Error(h.state === 'typing' ? '身份证号码应为18位（或15位旧号码）' : h.text))
}
