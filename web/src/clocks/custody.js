// custody.js — the words of the 办案区 (rooms, log kinds) and of 执法监督 answers: the server's
// catalog enums (room_kind, custody_log, breach_answer).
import { enumLabel, enumList } from '../catalog.js'

export const ROOM_KINDS = enumList('room_kind')
export const roomKindName = (k) => enumLabel('room_kind', k)

/** "询问室 3" — the room number is shown as typed (it may already say 询问室（一）). */
export function roomText(kind, no) {
  if (!kind) return ''
  const name = roomKindName(kind)
  if (!no) return name
  return String(no).startsWith(name) ? no : `${name} ${no}`
}

export const logKindName = (k) => enumLabel('custody_log', k)

/** A log note, with the room code ("inquiry_room 1") turned into Chinese. */
export function logNote(row) {
  if (row.kind === 'room' && row.note) {
    const [kind, ...rest] = String(row.note).split(' ')
    return roomText(kind, rest.join(' '))
  }
  return row.note || ''
}

export const ANSWER_KINDS = enumList('breach_answer')
export const answerKindName = (k) => enumLabel('breach_answer', k)

/** Roles that may answer a 执法监督 record (the case officers and the station chief). */
export const BREACH_ANSWER = 'oversight.update'
