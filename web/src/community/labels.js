// labels.js — 社区警务 codes in Chinese (the server's catalog enums), the actions that show each page,
// and small helpers shared by the community views.
import { enumLabel, enumList } from '../catalog.js'

export const BEAT_KINDS = enumList('beat_kind')
export const BUILDING_TYPES = enumList('building_type')
export const buildingTypeName = (v) => enumLabel('building_type', v)
export const KEY_LEVELS = enumList('key_level')
export const keyLevelName = (v) => enumLabel('key_level', v)
export const CONTACT_MODES = enumList('contact_mode')
export const contactModeName = (v) => enumLabel('contact_mode', v)
export const keyStatusName = (v) => enumLabel('key_person_status', v)
export const transferStatusName = (v) => enumLabel('transfer_status', v)
export const sweepReasonName = (v) => enumLabel('sweep_reason', v)
export const removalStatusName = (v) => enumLabel('removal_status', v)
export const listingStatusName = (v) => enumLabel('listing_status', v)

/** 重点管控 red, 一般管控 orange, 关注 plain (colours are the web's; the words the server's). */
export const keyLevelTag = (v) => ({ strict: 'danger', normal: 'warning', watch: 'info' })[v] || 'info'

// ---- who sees what: actions of the server's table (GET /me; can() in auth.js) ----
export const BEATS = 'beat.list'
export const BEAT_MANAGE = 'beat.manage'
export const LEADER_ASSIGN = 'leader_assignment.create'
export const LEADER_END = 'leader_assignment.end'
export const VISITS_LIST = 'household_visit.list'
export const VISIT_CREATE = 'household_visit.create'
export const KEY_LIST = 'key_person.list'
export const KEY_CONTACT = 'key_person.contact'
export const KEY_ACCEPT = 'key_person.acknowledge'
export const SWEEPS = 'registration_sweep.list'
export const SWEEP_MANAGE = 'registration_sweep.manage'
export const TODAY = 'today.read'
export const KEY_REMOVE = 'key_person.remove'
export const KEY_REMOVE_APPROVE = 'key_person.remove_approve'
export const KEY_ENLIST_APPROVE = 'key_person.enlist_approve'
export const LEDGERS = 'rental.list'

/** "东街社区 1号楼 1单元 501" */
export function addressText(r) {
  if (!r) return ''
  return [r.community, r.building, r.unit_no, r.room].filter((x) => x).join(' ')
}
