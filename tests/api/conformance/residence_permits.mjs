// conformance/residence_permits.mjs — 居住证 and the rental penalty options (issue 16 gaps, rescard),
// called by conformance_writes.mjs after the central ones. ctx: { today, Client, baseUrl, fail, m1 }.
import { idNumber } from '../conformance_writes.mjs'

/** "YYYY-MM-DD" of today moved by n months (the day kept at 28 or less). */
function monthsFrom(today, n) {
  const [y, m, d] = today.split('-').map(Number)
  const k = y * 12 + (m - 1) + n
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-${String(Math.min(d, 28)).padStart(2, '0')}`
}

export default async function (c, { today }) {
  const m1c = c.minjing1
  // a floating person registered seven months ago applies, is accepted, issued, cancelled
  const p = await m1c.call('POST', '/persons', { name: '契约居证', id_number: idNumber('1990-03-03', 741), kind: 'temporary' })
  const pid = p.body && p.body.person ? p.body.person.id : 0
  await m1c.call('POST', '/floating', { person_id: pid, mode: 'direct', layer: 'known', registered_on: monthsFrom(today, -7) })
  await m1c.call('GET', `/residence-permit-eligibility?person_ids=${pid}`)
  const a = await m1c.call('POST', '/residence-permits', { person_id: pid, basis: 'work', basis_detail: '契约物流公司',
    address: '城关镇契约街1号', applied_on: today, missing_docs: '' })
  const id = a.body && a.body.residence_permit ? a.body.residence_permit.id : 0
  await m1c.call('POST', `/residence-permits/${id}/accept`)
  await m1c.call('POST', `/residence-permits/${id}/issue`, { card_no: '契约JZZ0001', issued_on: today })
  await m1c.call('GET', `/residence-permits/${id}`)
  await m1c.call('POST', `/residence-permits/${id}/endorse`, { endorsed_on: today }) // refused: before its window
  await m1c.call('POST', `/residence-permits/${id}/close`, { how: 'cancel', reason: '契约注销' })
  // the demo's card whose 签注 window is open
  const due = await m1c.call('GET', '/residence-permits?endorse_due=1&status=issued&q=&page=1&per_page=5')
  const d = due.body && due.body.items && due.body.items[0]
  if (d) await m1c.call('POST', `/residence-permits/${d.id}/endorse`, {})
  await m1c.call('GET', '/residence-permits?issue_overdue=1')
  await m1c.call('GET', '/residence-permits?endorse_overdue=1')
  await m1c.call('GET', '/ledgers/residence_permits')
  // the penalty a rental visit may propose (COM-RENT-STATUS)
  const rentals = await m1c.call('GET', '/rentals?per_page=1')
  const rid = rentals.body && rentals.body.items && rentals.body.items[0] ? rentals.body.items[0].id : 0
  await m1c.call('GET', `/rentals/${rid}/penalty-options`)
  await m1c.call('POST', `/rentals/${rid}/visits`, { visited_on: today, findings: '契约走访：承租人未登记', offence_code: 'OF-092' })
}
