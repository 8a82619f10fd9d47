// actions.js — the case-flow actions the action bar offers: in which states, to whom, and which
// text the confirmation dialog asks for. The server decides; this only hides what cannot apply.
import { inboxIds } from './inbox.js'

/**
 * fields: what the dialog asks for — { key, label, required, type: 'textarea'|'input' }.
 * who: 'approver' marks a step of the current approval (the user's when it is in their inbox);
 * who may take any other step is the server's answer, the case's may.actions.
 */
export const ACTIONS = [
  {
    name: 'approve_late',
    label: '批准补录',
    type: 'warning',
    from: ['accepted'],
    confirm: '本案系纸质办理后补录，各环节按实际办理时间录入。批准后方可继续办理。',
    fields: [{ key: 'opinion', label: '批准意见', required: false, type: 'textarea', default: '情况属实，同意补录。' }]
  },
  {
    name: 'econ_review',
    label: '经济纠纷法制审核',
    type: 'warning',
    from: ['accepted'],
    confirm: '本案由分类为经济纠纷的警情转来。公安机关不得插手经济纠纷；经审核确涉嫌违法犯罪的，方可立案或采取强制措施（SUP-ECON）。',
    fields: [{ key: 'opinion', label: '审核意见', required: true, type: 'textarea' }]
  },
  {
    name: 'file',
    label: '立案',
    type: 'primary',
    from: ['accepted'],
    confirm: '经审查，确认本案符合立案条件，决定立案调查。'
  },
  {
    name: 'decline',
    label: '不予立案',
    type: 'warning',
    from: ['accepted'],
    fields: [{ key: 'reason', label: '不予立案理由', required: true, type: 'textarea' }]
  },
  {
    name: 'transfer',
    label: '移送',
    type: 'warning',
    from: ['accepted', 'filed'],
    fields: [
      { key: 'transfer_to', label: '移送单位', required: true, type: 'input' },
      { key: 'reason', label: '移送理由', required: false, type: 'textarea' }
    ]
  },
  {
    name: 'onspot_decide',
    label: '当场处罚决定',
    type: 'primary',
    from: ['accepted', 'filed'],
    onspot: true,
    confirm: '当场作出处罚决定前，应已告知违法事实、理由、依据及陈述申辩权利，并已提出处罚意见。',
    fields: [
      { key: 'facts', label: '查明的事实（印入决定书）', required: false, type: 'textarea' },
      { key: 'recording_id', label: '执法记录仪录像编号', required: false, type: 'input' }
    ]
  },
  {
    name: 'onspot_report',
    label: '当场处罚备案',
    type: 'primary',
    from: ['decided', 'delivered'],
    onspot: true,
    confirm: '将当场处罚决定书报所属公安机关备案（应在作出决定后24小时内，ADM-ONSPOT）。'
  },
  {
    name: 'submit',
    label: '呈请审批',
    type: 'primary',
    from: ['filed'],
    confirm: '将本案处理意见呈请审批。呈请前应已完成告知及陈述申辩。',
    fields: [
      {
        key: 'facts',
        label: '查明的事实（呈请报告，印入决定书“现查明”）',
        required: true,
        type: 'textarea',
        hint: '写明经调查查明的违法事实，不要照抄报警内容或处警反馈'
      },
      { key: 'opinion', label: '办案民警意见', required: false, type: 'textarea' }
    ]
  },
  {
    name: 'approve',
    label: '审批同意',
    type: 'success',
    from: ['approving'],
    who: 'approver',
    fields: [
      { key: 'opinion', label: '审批意见', required: false, type: 'textarea', default: '同意。' },
      {
        key: 'collective',
        label: '集体讨论记录',
        required: false,
        type: 'textarea',
        when: (c) => !!c.complex,
        hint: '疑难复杂案件的处罚决定须经公安机关负责人集体讨论（ADM-COLLECTIVE），最后一步审批时填写'
      }
    ]
  },
  {
    name: 'reject',
    label: '退回',
    type: 'danger',
    from: ['approving'],
    who: 'approver',
    fields: [{ key: 'opinion', label: '退回意见', required: true, type: 'textarea' }]
  },
  {
    name: 'deliver',
    label: '送达',
    type: 'primary',
    from: ['decided'],
    confirm: '已向当事人宣告并送达处理决定。',
    fields: [
      {
        key: 'recording_id',
        label: '录像编号',
        required: false,
        type: 'input',
        hint: '仅一名民警送达时须填写全程录音录像编号'
      }
    ]
  },
  {
    name: 'close',
    label: '结案',
    type: 'success',
    from: ['delivered'],
    fields: [{ key: 'reason', label: '结案说明', required: false, type: 'textarea', default: '处罚决定已执行完毕。' }]
  },
  {
    name: 'mediate',
    label: '调解结案',
    type: 'success',
    from: ['filed'],
    adminOnly: true,
    fields: [
      { key: 'agreement', label: '调解协议内容', required: true, type: 'textarea' },
      { key: 'recording_id', label: '录像编号', required: false, type: 'input', hint: '仅一名民警调解时须填写全程录音录像编号' }
    ]
  },
  {
    name: 'conclude',
    label: '侦查终结',
    type: 'success',
    from: ['filed'],
    criminalOnly: true,
    fields: [{ key: 'reason', label: '侦查终结意见', required: true, type: 'textarea', default: '犯罪事实清楚，证据确实充分，移送审查起诉。' }]
  },
  {
    name: 'withdraw',
    label: '撤销案件',
    type: 'danger',
    from: ['accepted', 'filed'],
    fields: [{ key: 'reason', label: '撤销理由', required: true, type: 'textarea' }]
  },
  {
    name: 'archive',
    label: '归档',
    type: 'info',
    from: ['closed'],
    confirm: '案卷材料已整理齐全，确认归档。'
  }
]

export const actionByName = (n) => ACTIONS.find((a) => a.name === n)

/** The approval step waiting for a decision now, or null. */
export function currentApproval(c) {
  return (c.approvals || []).find((a) => a.status === 'pending') || null
}

/** True when the user may decide the pending approval step of case c: it is in the user's inbox
 * (when loaded), else the role matches and the step belongs to the user's own unit. */
export function isMyApproval(c, user) {
  const a = currentApproval(c)
  if (!a || !user) return false
  if (a.role !== user.role) return false
  if (inboxIds.value) return inboxIds.value.has(a.id)
  return !a.unit_id || !user.unit || a.unit_id === user.unit.id
}

/** The server's answer: may.actions lists the steps the flow's actor rule lets this user take
 * now (the same rule the step is decided with); an approval step is the user's when it is in
 * their inbox. */
function allowed(a, c, user) {
  if (a.who === 'approver') return isMyApproval(c, user)
  return !!(c.may && (c.may.actions || []).includes(a.name))
}

/** The actions the action bar shows for case c and the logged-in user. */
export function actionsFor(c, user) {
  if (!c || !user) return []
  return ACTIONS.filter((a) => {
    if (!a.from.includes(c.status)) return false
    if (a.onspot && c.procedure !== 'onspot') return false
    if (a.name === 'onspot_report' && c.onspot_reported_at) return false
    if (a.name === 'submit' && c.procedure === 'onspot') return false
    if (a.adminOnly && c.kind !== 'admin') return false
    if (a.criminalOnly && c.kind !== 'criminal') return false
    return allowed(a, c, user)
  })
}
