// labels.js — the Chinese words of 执法办案: case states, kinds, sources, party roles, places,
// notice and document kinds, and the el-tag colour of each state.

import { catalog, stateLabel } from '../catalog.js'

const map = (list) => Object.fromEntries(list.map((x) => [x.value, x.label]))
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

export const CASE_KINDS = [
  { value: 'admin', label: '行政（治安）案件' },
  { value: 'criminal', label: '刑事案件' }
]
export const kindName = name({ admin: '行政', criminal: '刑事' })
export const kindFullName = name(map(CASE_KINDS))

export const PROCEDURES = [
  { value: 'normal', label: '一般程序' },
  { value: 'onspot', label: '当场处罚' }
]
export const procedureName = name(map(PROCEDURES))

export const SOURCES = [
  { value: 'walk_in', label: '群众来所报案' },
  { value: 'phone', label: '电话报案' },
  { value: 'incident', label: '110警情转案' },
  { value: 'patrol', label: '巡逻发现' },
  { value: 'transfer_in', label: '其他单位移送' },
  { value: 'other', label: '其他' }
]
export const sourceName = name(map(SOURCES))

export const PARTY_ROLES = [
  { value: 'suspect', label: '违法犯罪嫌疑人' },
  { value: 'victim', label: '被侵害人' },
  { value: 'witness', label: '证人' },
  { value: 'reporter', label: '报案人' }
]
export const partyRoleName = name(map(PARTY_ROLES))

export const DUTIES = { main: '主办民警', co: '协办民警', assist: '辅警（协助）' }
export const dutyName = name(DUTIES)

export const INTERVIEW_KINDS = [
  { value: 'inquiry', label: '询问' },
  { value: 'interrogation', label: '讯问' }
]
export const interviewKindName = name(map(INTERVIEW_KINDS))
export const INTERVIEW_STATUS = {
  draft: { label: '草稿', tag: 'warning' },
  signed: { label: '已签名', tag: 'success' },
  superseded: { label: '已更正（旧版）', tag: 'info' }
}

export const PLACE_KINDS = [
  { value: 'station_room', label: '本所办案区询（讯）问室' },
  { value: 'certified_room', label: '达标执法办案场所' },
  { value: 'scene', label: '现场' },
  { value: 'home', label: '被询问人住所' },
  { value: 'hospital', label: '医院' },
  { value: 'remote', label: '远程视频' },
  { value: 'other', label: '其他地点' }
]
export const placeKindName = name(map(PLACE_KINDS))

export const NOTICE_KINDS = [
  { value: 'rights', label: '处罚前告知（陈述申辩）' },
  { value: 'hearing', label: '听证权利告知' },
  { value: 'guardian', label: '监护人告知' }
]
export const noticeKindName = name(map(NOTICE_KINDS))

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

export const PROPERTY_STATUS = { seized: '已扣押', kept: '已移交保管', returned: '已发还', confiscated: '已收缴' }
export const propertyStatusName = name(PROPERTY_STATUS)

/** Printable documents. needs: which extra choice the document is about. */
export const DOC_KINDS = [
  { value: 'accept_form', label: '受案登记表' },
  { value: 'receipt', label: '受案回执' },
  { value: 'decline_notice', label: '不予立案通知书' },
  { value: 'summons', label: '传唤证', needs: 'party' },
  { value: 'interview_record', label: '询问/讯问笔录', needs: 'interview' },
  { value: 'notice_record', label: '行政处罚告知笔录', needs: 'notice' },
  { value: 'decision', label: '行政处罚决定书', needs: 'party' },
  { value: 'onspot_decision', label: '当场处罚决定书', needs: 'party' },
  { value: 'seizure_list', label: '扣押清单' }
]
export const docKindName = name(map(DOC_KINDS))

export const SEX = { M: '男', F: '女', male: '男', female: '女', 1: '男', 2: '女' }
export const sexName = (s) => SEX[s] || s || ''

export const COMPLAINT_CHANNELS = [
  { name: '示范县公安局督察大队', phone: '0351-1234110' },
  { name: '公安机关举报投诉电话', phone: '12389' }
]
