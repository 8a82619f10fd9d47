// measures.js — the 强制措施 of the rule catalog (GET /api/v1/catalog, see catalog.js): kinds,
// tiers with their Chinese labels and rules, who approves, which tier extends which, and the
// milestones (送看守所 / 通知家属 / 首次讯问). The server decides; this only offers the choices.

import { catalog, ruleText } from '../catalog.js'

export const measureKinds = () => catalog.measure_kinds
export const measureKindLabel = (k) => (catalog.measure_kinds.find((x) => x.value === k) || {}).label || k || ''
export const tiersOf = (kind) => catalog.measure_tiers.filter((t) => t.kind === kind)
export const findTier = (kind, tier) => catalog.measure_tiers.find((t) => t.kind === kind && t.tier === tier) || null
export const tierLabel = (kind, tier) => (findTier(kind, tier) || {}).label || tier || ''
export const milestonesOf = (kind) => catalog.milestones.filter((m) => m.kind === kind)
export const approverLabel = (a) => (catalog.approvers.find((x) => x.value === a) || {}).label || a || ''

/** Tiers a measure of this kind and tier may be extended to (the server still checks each step). */
export const extensionsOf = (kind, tier) => tiersOf(kind).filter((t) => t.extends && t.extends.includes(tier))

/** A hint under the tier select: rule, approval, reason. */
export function tierHint(t) {
  if (!t) return ''
  const parts = [`依据：${ruleText(t.rule)}`]
  if (t.approver) parts.push(`须经${approverLabel(t.approver)}批准${t.approver === 'procuratorate' ? '（凭批准文书登记）' : '，由其登记'}`)
  if (t.reason) parts.push('须写明理由（事由代码）')
  if (t.from2026) parts.push('2026年1月1日起施行')
  return parts.join('；')
}

export const MEASURE_STATUS = { active: { label: '执行中', tag: 'warning' }, ended: { label: '已解除', tag: 'info' } }

/**
 * The family-notice exceptions recorded for measures, from the case events
 * ("measure=12 family 无法通知：…"); GET /measures does not carry family_exception.
 */
export function familyExceptions(events) {
  const out = {}
  for (const e of events || []) {
    const m = /^measure=(\d+) family 无法通知：(.*)$/.exec(e.detail || '')
    if (e.action === 'measure_milestone' && m) out[m[1]] = m[2]
  }
  return out
}
