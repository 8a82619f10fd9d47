// doc-helpers.js — wording shared by the printed documents.
import { cnDate, cnDateTime } from '../../format.js'
import { partyRoleName, sexName, sourceName } from '../../cases/labels.js'
import { articleWords, offenceByCode } from '../../cases/offences.js'

export { cnDate, cnDateTime, partyRoleName, sexName, sourceName }

/** "张三，男，1990年3月7日出生，身份证号码…，住…" */
export function personLine(p) {
  if (!p) return '＿＿＿＿'
  const parts = [p.name]
  if (p.sex) parts.push(sexName(p.sex))
  if (p.birth_date) parts.push(`${cnDate(p.birth_date)}出生`)
  else if (p.age_at_act >= 0 && p.age_at_act !== null && p.age_at_act !== undefined) parts.push(`${p.age_at_act}岁`)
  if (p.id_number) parts.push(`公民身份号码${p.id_number}`)
  if (p.occupation) parts.push(p.occupation)
  if (p.address) parts.push(`住${p.address}`)
  return parts.join('，')
}

/** Names of the case officers: "李明（警号…）、张伟". */
export function officerNames(list, withBadge = false) {
  return (list || [])
    .filter((o) => o.duty !== 'assist')
    .map((o) => (withBadge && o.badge_no ? `${o.name}（警号${o.badge_no}）` : o.name))
    .join('、')
}

export const LAW_TITLE = {
  ZA2012: '《中华人民共和国治安管理处罚法》（2012年修正）',
  ZA2025: '《中华人民共和国治安管理处罚法》（2025年修订）'
}

/** The article a proposal rests on, e.g. "第51条第1款"; '' when unknown. */
export function proposalArticle(p) {
  if (!p) return ''
  const o = offenceByCode(p.offence_code)
  const t = o && (o.tiers || []).find((x) => x.tier === p.tier)
  const law = t && t[String(p.law || '').toLowerCase()]
  return law ? articleWords(law.article) : ''
}

export function offenceName(code) {
  const o = offenceByCode(code)
  return o ? o.name : ''
}

/** The law version for procedure on a given day: ZA2025 from 2026-01-01. */
export function procedureLaw(day) {
  return String(day || '') >= '2026-01-01' ? 'ZA2025' : 'ZA2012'
}
