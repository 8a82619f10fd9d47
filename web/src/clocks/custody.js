// custody.js — the words of the 办案区 (rooms, log kinds) and of 执法监督 answers.

export const ROOM_KINDS = [
  { value: 'holding_room', label: '候问室' },
  { value: 'inquiry_room', label: '询问室' },
  { value: 'interrogation_room', label: '讯问室' }
]
const ROOM = Object.fromEntries(ROOM_KINDS.map((r) => [r.value, r.label]))
export const roomKindName = (k) => ROOM[k] || k || ''

/** "询问室 3" — the room number is shown as typed (it may already say 询问室（一）). */
export function roomText(kind, no) {
  if (!kind) return ''
  const name = roomKindName(kind)
  if (!no) return name
  return String(no).startsWith(name) ? no : `${name} ${no}`
}

export const LOG_KINDS = { meal: '就餐', rest: '休息', note: '备注', out: '临时离开', back: '返回办案区', room: '分配房间' }
export const logKindName = (k) => LOG_KINDS[k] || k || ''

/** A log note, with the room code ("inquiry_room 1") turned into Chinese. */
export function logNote(row) {
  if (row.kind === 'room' && row.note) {
    const [kind, ...rest] = String(row.note).split(' ')
    return roomText(kind, rest.join(' '))
  }
  return row.note || ''
}

export const ANSWER_KINDS = [
  { value: 'release', label: '已释放（解除措施）' },
  { value: 'next_measure', label: '已采取下一措施' },
  { value: 'extension', label: '已依法批准延长' },
  { value: 'explanation', label: '情况说明' }
]
const ANSWER = Object.fromEntries(ANSWER_KINDS.map((a) => [a.value, a.label]))
export const answerKindName = (k) => ANSWER[k] || k || ''

/** Roles that may answer a 执法监督 record (the case officers and the station chief). */
export const BREACH_ANSWER = 'oversight.update'
