// labels.js — the Chinese words of 执法办案: case states, kinds, sources, party roles, places,
// notice and document kinds, and the el-tag colour of each state. Every value set the server has
// comes from its catalog (enumList / enumLabel); only colours and short forms are the web's own.

import { reactive, watchEffect } from 'vue'
import { catalog, enumLabel, enumList, stateLabel } from '../catalog.js'

const name = (m) => (v) => m[v] || v || ''

// Case states and their labels come from the rule catalog (catalog.js); only the tag colour is
// the web's own.
const STATUS_TAG = {
  accepted: 'info', filed: 'primary', declined: 'info', transferred: 'info', approving: 'warning',
  decided: 'success', delivered: 'success', closed: 'success', archived: 'info', withdrawn: 'danger'
}
export const caseStatuses = () => catalog.case_states.map((s) => ({ ...s, tag: STATUS_TAG[s.value] || 'info' }))
export const statusLabel = stateLabel
export const statusTag = (s) => STATUS_TAG[s] || 'info'

export const CASE_KINDS = enumList('case_kind')
export const kindName = name({ admin: '行政', criminal: '刑事' }) // the short form of a column
export const kindFullName = (v) => enumLabel('case_kind', v)

export const PROCEDURES = enumList('case_procedure')
export const procedureName = (v) => enumLabel('case_procedure', v)

export const SOURCES = enumList('case_source')
export const sourceName = (v) => enumLabel('case_source', v)

export const PARTY_ROLES = enumList('party_role')
export const partyRoleName = (v) => enumLabel('party_role', v)

export const dutyName = (v) => enumLabel('officer_duty', v)

export const INTERVIEW_KINDS = enumList('interview_kind')
export const interviewKindName = (v) => enumLabel('interview_kind', v)
export const INTERVIEW_STATUS = {
  draft: { label: '草稿', tag: 'warning' },
  signed: { label: '已签名', tag: 'success' },
  superseded: { label: '已更正（旧版）', tag: 'info' }
}

export const PLACE_KINDS = enumList('interview_place')
export const placeKindName = (v) => enumLabel('interview_place', v)

export const NOTICE_KINDS = enumList('notice_kind')
export const noticeKindName = (v) => enumLabel('notice_kind', v)

export const LAWS = { ZA2012: '治安管理处罚法（2012）', ZA2025: '治安管理处罚法（2025修订）' }
export const lawName = name(LAWS)
export const LEVELS = { station: '派出所决定', bureau: '县局决定' }
export const levelName = name(LEVELS)
export const PROPOSAL_STATUS = {
  draft: '草拟',
  submitted: '已呈批',
  pending: '待审批',
  approving: '审批中',
  approved: '已批准',
  decided: '已决定',
  rejected: '已退回',
  withdrawn: '已撤回'
}
export const proposalStatusName = name(PROPOSAL_STATUS)

export const APPROVAL_ROLES = { legal: '法制审核', chief: '领导审批' }
export const APPROVAL_SUBJECTS = { decision: '处理决定审批', file: '立案审批', summons: '传唤审批', seizure: '扣押审批' }
export const APPROVAL_STATUS = {
  waiting: '等待',
  pending: '待审批',
  approved: '同意',
  rejected: '退回',
  cancelled: '已取消'
}

export const propertyStatusName = (v) => enumLabel('property_status', v)

export const EVIDENCE_KINDS = enumList('evidence_kind')
export const evidenceKindName = (v) => enumLabel('evidence_kind', v)

/** Printable documents (the server's catalog doc_kinds). needs: which extra choice the document
 * is about — the web's own. */
const DOC_NEEDS = { summons: 'party', interview_record: 'interview', notice_record: 'notice', decision: 'party', onspot_decision: 'party' }
export const DOC_KINDS = reactive([])
watchEffect(() => DOC_KINDS.splice(0, DOC_KINDS.length, ...catalog.doc_kinds.map((d) => ({ ...d, needs: DOC_NEEDS[d.value] }))))
export const docKindName = (v) => (catalog.doc_kinds.find((d) => d.value === v) || {}).label || v || ''

export const sexName = (s) => enumLabel('sex', s)
