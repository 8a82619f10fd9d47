// penalty.js — a proposal's penalty in words, for tables and for printed decisions.

const DIGITS = '零一二三四五六七八九'

/** 0…99999 in Chinese numerals (五百, 一千二百, 十五). */
export function cnNumber(n) {
  n = Math.floor(Number(n) || 0)
  if (n === 0) return '零'
  const units = ['', '十', '百', '千', '万']
  const s = String(n)
  let out = ''
  let zero = false
  for (let i = 0; i < s.length; i++) {
    const d = Number(s[i])
    const u = units[s.length - 1 - i]
    if (d === 0) {
      zero = true
      continue
    }
    if (zero && out) out += '零'
    zero = false
    out += (d === 1 && u === '十' && i === 0 ? '' : DIGITS[d]) + u
  }
  return out
}

/** Short form for tables: "警告；罚款500元；拘留5日". */
export function penaltyShort(p) {
  if (!p) return ''
  if (p.no_penalty) return '不予处罚'
  const parts = []
  if (p.warning) parts.push('警告')
  if (p.fine > 0) parts.push(`罚款${p.fine}元`)
  if (p.det_days > 0) parts.push(`行政拘留${p.det_days}日`)
  if (p.credit_days > 0) parts.push(`折抵${p.credit_days}日`)
  return parts.join('；') || '—'
}

/** Words for documents: "行政拘留五日，并处罚款五百元". */
export function penaltyWords(p) {
  if (!p) return ''
  if (p.no_penalty) return '不予行政处罚'
  const parts = []
  if (p.det_days > 0) parts.push(`行政拘留${cnNumber(p.det_days)}日`)
  if (p.fine > 0) parts.push(`${parts.length ? '并处' : ''}罚款${cnNumber(p.fine)}元（¥${p.fine}）`)
  if (p.warning) parts.unshift('警告')
  let s = parts.join('，')
  if (p.det_days > 0 && p.credit_days > 0) s += `（折抵${cnNumber(p.credit_days)}日）`
  if (p.det_days > 0 && p.exec_exempt) s += '；依法不执行行政拘留'
  return s
}

/** How the penalty is carried out, for the decision's 执行方式 paragraph. */
export function executionWords(p, unitName) {
  if (!p || p.no_penalty) return ''
  const out = []
  if (p.fine > 0) out.push('被处罚人应当自收到本决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款；到期不缴纳的，每日按罚款数额的百分之三加处罚款。')
  if (p.det_days > 0 && !p.exec_exempt) out.push(`行政拘留由${unitName || '本机关'}送达拘留所执行。`)
  if (p.det_days > 0 && p.exec_exempt) out.push('依照《中华人民共和国治安管理处罚法》的规定，对被处罚人决定给予行政拘留处罚，但不送拘留所执行。')
  if (p.warning && !out.length) out.push('本决定当场宣告执行。')
  return out.join('')
}
