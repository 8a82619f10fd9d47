// labels.js — 一标三实 codes in Chinese: person kinds, rental levels, floating modes and layers,
// hit and letter states (the server's catalog enums); address text.

import { enumLabel, enumList } from '../catalog.js'

export const PERSON_KINDS = enumList('person_kind')
export const personKindName = (v) => enumLabel('person_kind', v)

/** 放心户 green, 一般户 plain, 不放心户 red (the colours are the web's; the words the server's). */
const LEVEL_TAG = { trusted: 'success', normal: 'info', watch: 'danger' }
export const RENTAL_LEVELS = enumList('rental_level', { trusted: { tag: 'success' }, normal: { tag: 'info' }, watch: { tag: 'danger' } })
export const rentalLevelName = (v) => enumLabel('rental_level', v)
export const rentalLevelTag = (v) => LEVEL_TAG[v] || 'info'

export const TENANT_LAYERS = enumList('tenant_layer')
export const tenantLayerName = (v) => enumLabel('tenant_layer', v)

export const FLOATING_MODES = enumList('floating_mode')
export const floatingModeName = (v) => enumLabel('floating_mode', v)

export const FLOATING_LAYERS = enumList('floating_layer')
export const floatingLayerName = (v) => enumLabel('floating_layer', v)

const HIT_TAG = { new: 'danger', signed: 'warning', checked: 'primary', closed: 'success' }
export const hitStatusName = (s) => enumLabel('hit_status', s)
export const hitStatusTag = (s) => HIT_TAG[s] || 'info'

export const LETTER_RESULTS = enumList('letter_result')
export const letterResultName = (v) => enumLabel('letter_result', v)

export const USER_ROLES_SHORT = { officer: '民警', auxiliary: '辅警', chief: '所长', clerk: '内勤' }

/** "东街社区 1号楼 1单元 501" from any record carrying community/building/unit_no/room. */
export function addressText(r) {
  if (!r) return ''
  return [r.community, r.building, r.unit_no, r.room].filter((x) => x).join(' ')
}

// ---- who may do what: actions of the server's table (GET /me; can() in auth.js) ----
/** Registers persons, rentals, visits (the server's station workers). */
export const WORKER = 'person.register'
/** Works the hit inbox (签收 → 核查 → 反馈). */
export const HIT_WORKER = 'hit.update'
/** Sends and answers 函查 letters. */
export const LETTER_WORKER = 'letter.create'
/** Keeps the wanted list. */
export const WANTED_KEEPER = 'wanted.put'
/** Reads the comparison hits of the unit. */
export const HIT_LIST = 'hit.list'
/** The 函查 page: station staff who register (the auxiliary looks letters up for a visit). */
export const LETTER_PAGE = 'person.register'
/** Today's visits: who records them. */
export const VISITS = 'rental.visit'
/** The 一标三实看板: a station's leader (registers and approves). */
export const SUMMARY = ['person.register', 'approval.list']
/** A person's page: who may read persons. */
export const PERSON_READ = 'person.read'
/** 居住证: who reads the register and who receives, accepts, issues, endorses (COM-RESCARD). */
export const RESCARD_LIST = 'residence_permit.list'
export const RESCARD_APPLY = 'residence_permit.apply'
export const RESCARD_ACT = 'residence_permit.act'
