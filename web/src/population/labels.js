// labels.js — 一标三实 codes in Chinese: person kinds, rental levels, floating modes and layers,
// hit and letter states; address text.

const name = (m) => (v) => m[v] || v || ''
const map = (list) => Object.fromEntries(list.map((x) => [x.value, x.label]))

export const PERSON_KINDS = [
  { value: 'resident', label: '常住' },
  { value: 'temporary', label: '暂住' },
  { value: 'floating', label: '流动' },
  { value: 'foreign', label: '境外' },
  { value: 'unregistered', label: '未落户' }
]
export const personKindName = name(map(PERSON_KINDS))

/** 放心户 green, 一般户 plain, 不放心户 red. */
export const RENTAL_LEVELS = [
  { value: 'trusted', label: '放心户', tag: 'success' },
  { value: 'normal', label: '一般户', tag: 'info' },
  { value: 'watch', label: '不放心户', tag: 'danger' }
]
export const rentalLevelName = name(map(RENTAL_LEVELS))
export const rentalLevelTag = (v) => (RENTAL_LEVELS.find((l) => l.value === v) || {}).tag || 'info'

export const TENANT_LAYERS = [
  { value: 'general', label: '一般' },
  { value: 'key', label: '重点' }
]
export const tenantLayerName = name(map(TENANT_LAYERS))

export const FLOATING_MODES = [
  { value: 'employer', label: '委托管理' },
  { value: 'joint', label: '双重管理' },
  { value: 'direct', label: '直接管理' }
]
export const floatingModeName = name(map(FLOATING_MODES))

export const FLOATING_LAYERS = [
  { value: 'control', label: '控制层' },
  { value: 'known', label: '知晓层' }
]
export const floatingLayerName = name(map(FLOATING_LAYERS))

export const HIT_STATUS = {
  new: { label: '待签收', tag: 'danger' },
  signed: { label: '已签收', tag: 'warning' },
  checked: { label: '已核查', tag: 'primary' },
  closed: { label: '已反馈', tag: 'success' }
}
export const hitStatusName = (s) => (HIT_STATUS[s] || {}).label || s || ''
export const hitStatusTag = (s) => (HIT_STATUS[s] || {}).tag || 'info'

export const LETTER_RESULTS = [
  { value: 'none', label: '无违法犯罪记录' },
  { value: 'record', label: '有前科' },
  { value: 'misconduct', label: '有劣迹' }
]
export const letterResultName = name(map(LETTER_RESULTS))

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
