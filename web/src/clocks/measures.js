// measures.js — the 强制措施 catalog as the server has it (src/rules/measures.c): kinds, tiers
// with their Chinese labels and rules, who approves, which tier extends which, and the milestones
// (送看守所 / 通知家属 / 首次讯问). The server decides; this only offers the choices.

export const MEASURE_KINDS = [
  { value: 'summons', label: '传唤（询问查证）', group: '行政' },
  { value: 'continued_questioning', label: '继续盘问', group: '行政' },
  { value: 'restraint', label: '醉酒约束', group: '行政' },
  { value: 'admin_detention', label: '行政拘留', group: '行政' },
  { value: 'seizure', label: '扣押', group: '行政' },
  { value: 'preservation', label: '先行登记保存', group: '行政' },
  { value: 'crim_summons', label: '刑事传唤/拘传', group: '刑事' },
  { value: 'crim_detention', label: '刑事拘留', group: '刑事' },
  { value: 'arrest_review', label: '提请批准逮捕', group: '刑事' },
  { value: 'arrest', label: '逮捕', group: '刑事' },
  { value: 'bail', label: '取保候审', group: '刑事' },
  { value: 'rsl', label: '监视居住', group: '刑事' }
]

/**
 * reason: the tier must say why (needs_reason, or any tier beyond the first);
 * approver: who must register it; extends: the tiers it may follow; from2026: new in ZA2025.
 */
const T = (kind, tier, rule, label, opts = {}) => ({ kind, tier, rule, label, ...opts })
export const MEASURE_TIERS = [
  T('summons', '8h', 'ADM-SUMMON-8H', '询问查证（8小时）'),
  T('summons', '12h', 'ADM-SUMMON-12H', '询问查证（涉案人数众多或身份不明，12小时）', { reason: true, approver: 'station_chief', extends: ['8h'], from2026: true }),
  T('summons', '24h', 'ADM-SUMMON-24H', '询问查证（情况复杂且可能适用行政拘留，24小时）', { reason: true, approver: 'station_chief', extends: ['8h', '12h'] }),
  T('continued_questioning', '12h', 'CQ-12-24-48', '继续盘问（12小时）', { approver: 'station_chief' }),
  T('continued_questioning', '24h', 'CQ-12-24-48', '继续盘问延长至24小时', { reason: true, approver: 'county_duty_chief', extends: ['12h'] }),
  T('continued_questioning', '48h', 'CQ-12-24-48', '继续盘问延长至48小时（拒不讲明身份）', { reason: true, approver: 'bureau_chief', extends: ['24h'] }),
  T('continued_questioning', 'special_4h', 'CQ-SPECIAL', '继续盘问（特殊人员，4小时）', { approver: 'station_chief' }),
  T('restraint', 'sober', 'PROC-DRUNK', '醉酒约束（至酒醒）'),
  T('admin_detention', 'days', 'ADM-DET-MAX', '行政拘留', { days: true }),
  T('seizure', '30d', 'PROC-SEIZE-30D', '扣押（30日）', { approver: 'station_chief' }),
  T('seizure', '60d', 'PROC-SEIZE-30D', '扣押延长30日', { reason: true, approver: 'bureau_chief', extends: ['30d'] }),
  T('preservation', '7d', 'PROC-PRESERVE-7D', '先行登记保存（7日）', { approver: 'station_chief' }),
  T('crim_summons', '12h', 'CRIM-SUMMON-12H', '刑事传唤/拘传（12小时）'),
  T('crim_summons', '24h', 'CRIM-SUMMON-12H', '刑事传唤/拘传（案情特别重大复杂，24小时）', { reason: true, approver: 'station_chief', extends: ['12h'] }),
  T('crim_detention', '3d', 'CRIM-ARREST-REQUEST', '刑事拘留（提请批准逮捕3日）', { approver: 'bureau_chief' }),
  T('crim_detention', '7d', 'CRIM-ARREST-REQUEST', '刑事拘留（特殊情况延长至7日）', { reason: true, approver: 'bureau_chief', extends: ['3d'] }),
  T('crim_detention', '30d', 'CRIM-ARREST-REQUEST', '刑事拘留（流窜、多次、结伙作案，30日）', { reason: true, approver: 'bureau_chief', extends: ['3d', '7d'] }),
  T('arrest_review', '7d', 'CRIM-ARREST-DECISION-7D', '检察院审查批准逮捕（7日）'),
  T('arrest', '2m', 'CRIM-CUSTODY-2M', '逮捕后侦查羁押（2个月）'),
  T('arrest', '3m', 'CRIM-CUSTODY-2M', '侦查羁押延长1个月', { reason: true, approver: 'procuratorate', extends: ['2m'] }),
  T('arrest', '5m', 'CRIM-CUSTODY-2M', '侦查羁押再延长2个月', { reason: true, approver: 'procuratorate', extends: ['3m'] }),
  T('arrest', '7m', 'CRIM-CUSTODY-2M', '侦查羁押再延长2个月（可能判处十年以上）', { reason: true, approver: 'procuratorate', extends: ['5m'] }),
  T('bail', '12m', 'CRIM-BAIL-12M', '取保候审（12个月）', { approver: 'bureau_chief' }),
  T('rsl', '6m', 'CRIM-RSL-6M', '监视居住（6个月）', { approver: 'bureau_chief' })
]

export const APPROVERS = {
  station_chief: '派出所负责人',
  county_duty_chief: '县局值班负责人',
  bureau_chief: '县级以上公安机关负责人',
  procuratorate: '人民检察院'
}

/** Milestones of a measure: the field of the measure that records it. */
export const MILESTONES = [
  { kind: 'crim_detention', key: 'kss', field: 'kss_at', label: '送看守所', rule: 'CRIM-DETAIN-KSS-24H' },
  { kind: 'crim_detention', key: 'family', field: 'family_at', label: '通知家属', rule: 'CRIM-DETAIN-FAMILY-24H' },
  { kind: 'crim_detention', key: 'question', field: 'question_at', label: '首次讯问', rule: 'CRIM-DETAIN-QUESTION-24H' },
  { kind: 'arrest', key: 'family', field: 'family_at', label: '通知家属', rule: 'CRIM-ARREST-24H' },
  { kind: 'arrest', key: 'question', field: 'question_at', label: '首次讯问', rule: 'CRIM-ARREST-24H' },
  { kind: 'summons', key: 'family', field: 'family_at', label: '通知家属', rule: 'ADM-SUMMON-FAMILY' },
  { kind: 'continued_questioning', key: 'family', field: 'family_at', label: '通知家属或单位', rule: 'CQ-FAMILY' }
]

const KIND_LABEL = Object.fromEntries(MEASURE_KINDS.map((k) => [k.value, k.label]))
export const measureKindLabel = (k) => KIND_LABEL[k] || k || ''
export const tiersOf = (kind) => MEASURE_TIERS.filter((t) => t.kind === kind)
export const findTier = (kind, tier) => MEASURE_TIERS.find((t) => t.kind === kind && t.tier === tier) || null
export const tierLabel = (kind, tier) => (findTier(kind, tier) || {}).label || tier || ''
export const milestonesOf = (kind) => MILESTONES.filter((m) => m.kind === kind)

/** Tiers a measure of this kind and tier may be extended to (the server still checks each step). */
export const extensionsOf = (kind, tier) => tiersOf(kind).filter((t) => t.extends && t.extends.includes(tier))

/** A hint under the tier select: rule, approval, reason. */
export function tierHint(t) {
  if (!t) return ''
  const parts = [`规则 ${t.rule}`]
  if (t.approver) parts.push(`须经${APPROVERS[t.approver]}批准${t.approver === 'procuratorate' ? '（凭批准文书登记）' : '，由其登记'}`)
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
