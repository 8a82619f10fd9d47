// conformance_writes.mjs — the write routes, each called with a valid body by a role
// that may use it (some answer 4xx by the rules; those answers are checked too).
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/** A GB 11643 ID number with a correct check digit. */
export function idNumber(birth, seq) {
  const base = `140102${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  let s = 0
  for (let i = 0; i < 17; i++) s += Number(base[i]) * w[i]
  return base + '10X98765432'[s % 11]
}

/** RFC 6238 TOTP (HMAC-SHA-256, 6 digits) of a base32 secret for a 30-s step. */
function totp(secret, step) {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  const bytes = []
  let acc = 0
  let bits = 0
  for (const ch of secret) {
    acc = (acc << 5) | A.indexOf(ch)
    bits += 5
    if (bits >= 8) {
      bytes.push((acc >>> (bits - 8)) & 0xff)
      bits -= 8
    }
  }
  const msg = Buffer.alloc(8)
  msg.writeBigUInt64BE(BigInt(step))
  const mac = crypto.createHmac('sha256', Buffer.from(bytes)).update(msg).digest()
  const off = mac[mac.length - 1] & 15
  const v = ((mac[off] & 0x7f) << 24) | (mac[off + 1] << 16) | (mac[off + 2] << 8) | mac[off + 3]
  return String(v % 1000000).padStart(6, '0')
}

export async function writes(c, { today, Client, baseUrl, fail }) {
  const now = Math.floor(Date.now() / 1000)
  const users = (await c.admin.call('GET', '/users?per_page=200')).body.items
  const uid = (name) => users.find((u) => u.username === name).id
  const units = (await c.admin.call('GET', '/units')).body.items
  const bureau = units.find((u) => u.kind === 'bureau')
  const station = c.minjing1.me.unit.id

  // --- admin: users, units, settings, holidays ---
  const nu = await c.admin.call('POST', '/users', { username: 'oa.check', name: '契约测试', role: 'officer',
    unit_id: station, badge_no: '149999', phone: '13800000001', password: 'Conformance-2026-Pass' })
  const nid = nu.body && nu.body.user ? nu.body.user.id : 0
  await c.admin.call('POST', '/users', { username: 'oa.check', name: '重复', role: 'officer', unit_id: station, password: 'Conformance-2026-Pass' })
  await c.admin.call('PATCH', `/users/${nid}`, { phone: '13800000002' })
  await c.admin.call('POST', `/users/${nid}/lock`)
  await c.admin.call('POST', `/users/${nid}/unlock`)
  await c.admin.call('POST', `/users/${nid}/password`, { new_password: 'Conformance-2026-Reset' })
  const fresh = new Client(baseUrl, 'oa.check')
  const li = await fresh.call('POST', '/session', { username: 'oa.check', password: 'Conformance-2026-Reset' })
  fresh.csrf = li.body && li.body.csrf_token
  await fresh.call('GET', '/cases')
  await fresh.call('POST', '/me/password', { old_password: 'Conformance-2026-Reset', new_password: 'Another-Pass-2026-ok' })
  await fresh.call('DELETE', '/session')
  await fresh.call('GET', '/me')
  const un = await c.admin.call('POST', '/units', { code: '140102999901', name: '契约测试派出所', kind: 'station',
    parent_id: bureau.id, phone: '0351-0000000', address: '测试路1号' })
  const unid = un.body && un.body.unit ? un.body.unit.id : 0
  await c.admin.call('PATCH', `/units/${unid}`, { phone: '0351-0000001' })
  await c.admin.call('GET', `/settings?unit_id=${station}`)
  await c.admin.call('PUT', '/settings/session.idle_minutes', { value: 30 })
  await c.admin.call('PUT', '/settings/no.such.key', { value: 1 })
  await c.admin.call('PUT', '/holidays/2027-01-01', { kind: 'holiday', name: '元旦' })
  await c.admin.call('POST', '/session', { username: 'admin', password: 'wrong-password' })
  // AUTH-1, AUTH-9: the sixth login after five wrong passwords is refused exactly like a wrong
  // password (401 BAD_CREDENTIALS, no rule): the lock is visible only to the administrator
  await c.admin.call('POST', '/users', { username: 'oa.lock', name: '锁定测试', role: 'clerk', unit_id: station,
    password: 'Conformance-2026-Lock' })
  const locker = new Client(baseUrl, 'oa.lock')
  for (let i = 0; i < 5; i++) await locker.call('POST', '/session', { username: 'oa.lock', password: 'wrong-password' })
  const locked = await locker.call('POST', '/session', { username: 'oa.lock', password: 'Conformance-2026-Lock' })
  if (locked.status !== 401 || locked.body.error.code !== 'BAD_CREDENTIALS' || locked.body.error.rule)
    fail(`login of a locked account: ${locked.status} ${JSON.stringify(locked.body)}, expected 401 BAD_CREDENTIALS`)

  // --- a case from registration to proposal ---
  const m1 = c.minjing1
  const cs = await m1.call('POST', '/cases', { kind: 'admin', title: '契约测试案件', source: 'walk_in',
    act_date: today, act_place: '测试路2号', offence_code: 'OF-002', co_officer_id: uid('minjing2'),
    summary: '测试', reporter: { name: '报案人', phone: '13800000003' } })
  const caseId = cs.body && cs.body.case ? cs.body.case.id : 0
  await m1.call('POST', '/cases', { kind: 'admin', title: '缺少民警', source: 'walk_in', act_date: today })
  await m1.call('POST', `/cases/${caseId}/officers`, { user_id: uid('fujing'), duty: 'assist' })
  const pt = await m1.call('POST', `/cases/${caseId}/parties`, { role: 'suspect', name: '契约当事人',
    id_number: idNumber('1990-01-01', 123), phone: '13800000004', address: '测试路3号', first_offence: true })
  const partyId = pt.body && pt.body.party ? pt.body.party.id : 0
  await m1.call('POST', `/cases/${caseId}/parties`, { role: 'witness', name: '证人', id_number: '140102199001011234' })
  const iv = await m1.call('POST', `/cases/${caseId}/interviews`, { party_id: partyId, kind: 'inquiry',
    start_at: cs.body.case.accepted_at, place_kind: 'station_room', place: '询问室1',
    officer_ids: [m1.me.id, uid('minjing2')], qa: [{ q: '姓名？', a: '契约当事人' }] })
  const ivId = iv.body && iv.body.interview ? iv.body.interview.id : 0
  await m1.call('PATCH', `/interviews/${ivId}`, { read_back: true, subject_signed: true, officer_signed: true, recording_id: 'REC-0001', end_at: cs.body.case.accepted_at })
  await m1.call('POST', `/interviews/${ivId}/sign`)
  await m1.call('GET', `/interviews/${ivId}`)
  await m1.call('POST', `/interviews/${ivId}/correct`)
  const ev = await m1.call('POST', `/cases/${caseId}/evidence`, { kind: 'documentary', title: '报案材料' })
  const evId = ev.body && ev.body.case && ev.body.case.evidence.length ? ev.body.case.evidence[0].id : 1
  const up = await m1.call('POST', `/evidence/${evId}/attachments?name=${encodeURIComponent('报案材料.pdf')}`,
    Buffer.from('%PDF-1.4\n契约测试\n%%EOF\n'), 'application/pdf')
  if (up.body && up.body.attachment) await m1.call('GET', `/attachments/${up.body.attachment.id}`)
  await m1.call('POST', `/evidence/${evId}/attachments?name=a.html`, Buffer.from('<html></html>'), 'text/html')
  const nt = await m1.call('POST', `/cases/${caseId}/notices`, { party_id: partyId, kind: 'rights',
    penalty_text: '拟处罚款二百元', statement: '无异议', evidence_ids: [evId],
    statement_missing_reason: '笔录更正中' })
  await m1.call('POST', `/cases/${caseId}/property`, { name: '手机', quantity: '1部', owner_party_id: partyId })
  let cf = (await m1.call('GET', `/cases/${caseId}`)).body.case
  const prop = (cf.property || [])[0]
  if (prop) await m1.call('POST', `/property/${prop.id}/keep`, { keeper: '保管员' })
  await m1.call('POST', `/cases/${caseId}/documents`, { kind: 'receipt' })
  await c.suozhang.call('POST', `/cases/${caseId}/documents`, { kind: 'summons', party_id: partyId })
  await m1.call('POST', `/cases/${caseId}/documents`, { kind: 'no_such_kind' })
  await m1.call('POST', `/cases/${caseId}/actions/file`, {})
  const tiers = (await m1.call('GET', '/offences?q=OF-002')).body.items
  const tier = tiers.length && tiers[0].tiers.length ? tiers[0].tiers[0].tier : '基本'
  const pr = await m1.call('POST', `/cases/${caseId}/proposals`, { party_id: partyId, offence_code: 'OF-002', tier, warning: true })
  cf = (await m1.call('GET', `/cases/${caseId}`)).body.case
  const prop2 = (cf.proposals || [])[0]
  if (prop2) await m1.call('POST', `/proposals/${prop2.id}/withdraw`)
  await m1.call('POST', `/cases/${caseId}/limit`, { action: 'pause', kind: 'appraisal', reason: '鉴定' })
  await m1.call('POST', `/cases/${caseId}/limit`, { action: 'resume' })
  await m1.call('POST', `/cases/${caseId}/actions/submit`, { opinion: '拟警告' })
  await m1.call('POST', `/cases/${caseId}/actions/no_such_action`, {})

  // --- measures and the custody area ---
  const ms = await m1.call('POST', `/cases/${caseId}/measures`, { party_id: partyId, kind: 'summons', tier: '8h',
    started_at: now - 600 })
  const mid = ms.body && ms.body.measure ? ms.body.measure.id : 0
  await m1.call('GET', `/measures?case_id=${caseId}`)
  await m1.call('POST', `/measures/${mid}/milestone`, { key: 'family', at: now - 300 })
  await c.suozhang.call('POST', `/measures/${mid}/extend`, { tier: '12h', reason: '案情复杂' })
  const ce = await m1.call('POST', '/custody', { case_id: caseId, party_id: partyId, measure_id: mid, reason: '传唤到案',
    arrived_at: now - 500 })
  const eid = ce.body && ce.body.entry ? ce.body.entry.id : 0
  await m1.call('POST', `/custody/${eid}/check`, { notes: '未见异常', locker_no: 'A01', items: [{ name: '钥匙', quantity: '1串' }] })
  await m1.call('POST', `/custody/${eid}/room`, { room_kind: 'inquiry_room', room_no: '1' })
  await m1.call('POST', `/custody/${eid}/log`, { kind: 'meal', note: '午餐' })
  await m1.call('GET', `/custody/${eid}`)
  await m1.call('POST', `/custody/${eid}/exit`, { reason: '询问结束', belongings_returned: true })
  await m1.call('POST', `/measures/${mid}/end`, { reason: '询问结束' })

  // --- approvals of the demo cases waiting in the inboxes ---
  for (const role of ['suozhang', 'fazhi', 'fazhidadui', 'juzhang']) {
    const inbox = (await c[role].call('GET', '/approvals')).body
    const it = inbox && inbox.items && inbox.items[0]
    if (it) await c[role].call('POST', `/cases/${it.case_id}/actions/approve`, { opinion: '同意' })
  }

  // --- incidents: the 110 desk to the station and back ---
  const jj = c.jiejing
  const cats = (await jj.call('GET', '/incident-categories')).body.items
  const cat = cats.find((x) => x.parent).code
  const inc = await jj.call('POST', '/incidents', { source: '110', caller_name: '报警人', caller_phone: '13800000005',
    place: '契约测试路9号', category: cat, priority: 2, summary: '契约测试警情', not_duplicate: true })
  const incId = inc.body && inc.body.incident ? inc.body.incident.id : 0
  await jj.call('POST', '/incidents', { source: '110', place: '契约测试路9号', category: cat, summary: '同一地点' })
  await jj.call('POST', `/incidents/${incId}/dispatch`, { station_id: station, officer_ids: [m1.me.id] })
  await m1.call('POST', `/incidents/${incId}/acknowledge`)
  await m1.call('POST', `/incidents/${incId}/arrive`)
  await m1.call('POST', '/responders', { incident_id: incId, officer_ids: [m1.me.id], vehicles: ['浙A0001警'] }) // issue 17
  await m1.call('POST', `/incidents/${incId}/feedback`, { outcome: 'mediated', text: '双方调解' })
  await m1.call('POST', `/incidents/${incId}/callback`, { result: '报警人满意' })
  await m1.call('POST', `/incidents/${incId}/close`)
  await m1.call('GET', `/incidents/${incId}`)
  await m1.call('POST', `/incidents/${incId}/close`)

  // --- oversight and breaches ---
  const ov = await c.ducha.call('POST', '/oversight', { object_type: 'incident', object_id: incId,
    instructions: '请核实处置情况', deadline: now + 86400 })
  const tid = ov.body && ov.body.task ? ov.body.task.id : 0
  await c.suozhang.call('POST', `/oversight/${tid}/sign`)
  await c.suozhang.call('POST', `/oversight/${tid}/answer`, { answer: '已核实' })
  await c.ducha.call('GET', '/oversight')
  await c.suozhang.call('GET', '/oversight?open=1')
  const br = (await c.suozhang.call('GET', '/breaches?open=1')).body
  const b0 = br && br.items && br.items[0]
  if (b0) await c.suozhang.call('POST', `/breaches/${b0.id}/answer`, { kind: 'explanation', text: '已说明原因' })

  // --- population ---
  const ad = await m1.call('POST', '/addresses', { community: '契约社区', building: '1号楼', unit_no: '1', room: '101' })
  const addrId = ad.body && ad.body.address ? ad.body.address.id : 0
  // 修改 an address: its building type and map point; the 未划网格 list
  await m1.call('PATCH', `/addresses/${addrId}`, { building_type: 'scattered', lng_e6: 112550000, lat_e6: 37870000 })
  await m1.call('GET', '/addresses?page=1&no_grid=1')
  const pA = await m1.call('POST', '/persons', { id_number: idNumber('1985-05-05', 211), name: '契约房东', sex: 'M',
    phone: '13800000006', kind: 'resident', address_id: addrId })
  const pB = await m1.call('POST', '/persons', { id_number: idNumber('1995-06-06', 322), name: '契约租客', kind: 'floating' })
  await m1.call('POST', '/persons', { id_number: idNumber('1995-06-06', 322), name: '契约租客', phone: '13800000007' })
  const landlord = pA.body && pA.body.person ? pA.body.person.id : 0
  const tenant = pB.body && pB.body.person ? pB.body.person.id : 0
  await m1.call('POST', '/persons', { id_number: '123', name: '坏号码' })
  const rt = await m1.call('POST', '/rentals', { address_id: addrId, landlord_id: landlord, rooms: 2, level: 'normal',
    letter_signed_on: today })
  const rid = rt.body && rt.body.rental ? rt.body.rental.id : 0
  await m1.call('POST', `/rentals/${rid}/visits`, { findings: '正常', level: 'trusted' })
  await m1.call('POST', `/rentals/${rid}/cases`, { case_id: caseId })
  const tn = await m1.call('POST', `/rentals/${rid}/tenancies`, { person_id: tenant, from_date: today, layer: 'general' })
  await m1.call('POST', `/rentals/${rid}/tenancies`, { person_id: tenant, from_date: today })
  const rent = (await m1.call('GET', `/rentals/${rid}`)).body
  const ten = rent && rent.rental && rent.rental.tenants && rent.rental.tenants.find((t) => t.person_id === tenant)
  if (ten) await m1.call('POST', `/tenancies/${ten.id}/end`, { to_date: today })
  const em = await m1.call('POST', '/employers', { name: '契约测试厂', address_id: addrId, contact: '厂长', phone: '13800000008',
    letter_signed_on: today })
  const emId = em.body && em.body.employer ? em.body.employer.id : 0
  await m1.call('POST', '/floating', { person_id: tenant, employer_id: emId, registered_on: today, permit_no: 'JZZ0001',
    mode: 'employer', layer: 'known' })
  await m1.call('POST', `/employers/${emId}/reports`, { month: today.slice(0, 7), arrivals: 1, departures: 0 })
  const lt = await m1.call('POST', '/letters', { person_id: tenant, to_unit: '户籍地派出所', sent_on: today })
  const lid = lt.body && lt.body.items ? (lt.body.items.find((x) => x.person_id === tenant) || lt.body.items[0] || {}).id : 0
  await m1.call('POST', `/letters/${lid}/answer`, { answered_on: today, result: 'none', notes: '无前科' })
  await m1.call('GET', '/letters?open=1')
  await c.suozhang.call('POST', '/wanted', { id_number: idNumber('1995-06-06', 322), name: '契约租客', case_desc: '涉嫌诈骗',
    issuing_unit: '外省某局', issued_on: today })
  await c.suozhang.call('POST', '/wanted/import', { csv: `身份证号,姓名,案由,发布单位,发布日期\n${idNumber('1970-07-07', 433)},导入在逃,涉嫌盗窃,外省某局,${today}\n坏行,x,,,,\n` })
  const wl = (await c.suozhang.call('GET', '/wanted?active=1')).body
  const wimp = wl && wl.items ? wl.items.find((x) => x.name === '导入在逃') : null
  await c.suozhang.call('POST', `/wanted/${wimp ? wimp.id : 0}/withdraw`)
  const hits = (await m1.call('GET', '/hits?open=1')).body
  const h0 = hits && hits.items && hits.items[0]
  if (h0) {
    await m1.call('POST', `/hits/${h0.id}/sign`)
    await m1.call('POST', `/hits/${h0.id}/check`)
    await m1.call('POST', `/hits/${h0.id}/close`, { feedback: '已核查' })
  }
  await m1.call('POST', '/persons/import', { what: 'persons',
    csv: `姓名,身份证号,电话,类别,社区,楼栋,单元,房号\n导入人员,${idNumber('1980-08-08', 544)},13800000009,resident,契约社区,1号楼,1,102\n坏行,123,,,,,,\n` })
  // all or nothing: the bad row keeps the good one out, 400 with the report in the error
  await m1.call('POST', '/persons/import', { what: 'persons', all_or_nothing: true,
    csv: `姓名,身份证号,类别\n全有人员,${idNumber('1980-08-09', 545)},常住\n坏行,123,\n` })
  // a wanted person registered: the answer carries the hit
  await m1.call('POST', '/persons', { id_number: idNumber('1970-07-07', 433), name: '导入在逃' })
  await m1.call('GET', `/persons/${tenant}`)
  await m1.call('GET', `/persons/${landlord}`)
  await m1.call('GET', '/persons?name=契约')
  await m1.call('GET', '/rentals?overdue=1')
  await m1.call('GET', `/rentals?due_on=${today}`)
  await m1.call('GET', '/warnings?scope=unit&level=all')
  await m1.call('GET', `/reports/daily?date=${today}`)
  await m1.call('GET', '/reports/stats?from=1')
  await m1.call('GET', '/cases/999999')
  await m1.call('GET', '/cases?mine=1&kind=admin')

  // --- two-factor login (AUTH-5) and exports (PII-2) ---
  const tf = new Client(baseUrl, 'oa.check')
  const tl = await tf.call('POST', '/session', { username: 'oa.check', password: 'Another-Pass-2026-ok' })
  tf.csrf = tl.body && tl.body.csrf_token
  const su = await tf.call('POST', '/me/totp/setup')
  const secret = (su.body && su.body.secret) || ''
  const step = Math.floor(Date.now() / 1000 / 30)
  await tf.call('POST', '/me/totp/confirm', { code: 'abcdef' })
  await tf.call('POST', '/me/totp/confirm', { code: totp(secret, step) })
  await tf.call('POST', '/me/totp/disable', { code: '123456' })
  // the next step's code is accepted (one step of drift) and not used yet
  await tf.call('POST', '/me/totp/disable', { code: totp(secret, step + 1) })
  await c.admin.call('POST', `/users/${nid}/totp/reset`)
  await c.suozhang.call('POST', '/exports', { kind: 'persons', format: 'csv', reason: '契约测试导出' })
  await c.suozhang.call('POST', '/exports', { kind: 'custody', reason: '契约测试导出' })
  await c.suozhang.call('POST', '/exports', { kind: 'cases', format: 'xlsx' })

  // --- 执法监督与警务公开 (issue 15 part A) ---
  const pub = new Client(baseUrl, 'public')
  const sts = (await pub.call('GET', '/public/stations')).body
  const cg = sts && sts.items ? sts.items.find((x) => x.name === '城关派出所') : null
  const filed = await pub.call('POST', '/public/complaints', { station_id: cg ? cg.id : 0,
    content: '契约测试：报警后出警不及时。', contact_name: '契约', contact_phone: '13700001234' })
  await pub.call('POST', '/public/complaints/query', { tracking_code: (filed.body && filed.body.tracking_code) || 'X', phone_last4: '1234' })
  await pub.call('POST', '/public/progress', { receipt_code: 'ZZZZZZZZZZ', phone_last4: '1111' })
  const due = (await c.suozhang.call('GET', '/return-visits')).body
  const d0 = due && due.items && due.items[0]
  if (d0) {
    await c.suozhang.call('POST', `/cases/${d0.case_id}/supervision-cards`, { party_id: d0.party_id, method: 'in_person' })
    await c.suozhang.call('POST', `/cases/${d0.case_id}/return-visits`, { party_id: d0.party_id, reached: true, method: 'phone',
      satisfaction: 1, comments: '契约测试' })
  }
  const rv = (await c.suozhang.call('GET', '/return-visits?status=review')).body
  const r0 = rv && rv.items && rv.items[0]
  await c.suozhang.call('POST', `/return-visits/${r0 ? r0.id : 0}/review`, { note: '契约测试复核' })
  const cp = await c.suozhang.call('POST', '/complaints', { scope: 'own', channel: 'phone', kind: 'complaint', content: '契约测试电话投诉',
    contact_phone: '13700004321' })
  const cpid = cp.body && cp.body.id
  await c.suozhang.call('POST', `/complaints/${cpid}/accept`, { track: 'residual' })
  await c.suozhang.call('POST', `/complaints/${cpid}/finish`, { finding: 'partly', note: '契约测试处理意见', facts: '契约测试事实', basis: '信访工作条例第三十二条',
    officers: [{ user_id: m1.me ? m1.me.id : 0, finding: 'partly' }] })
  const ap = (await c.fazhi.call('GET', '/appeals')).body
  const a0 = ap && ap.items && ap.items[0]
  const na = await c.fazhi.call('POST', `/cases/${a0 ? a0.case_id : 0}/appeals`, { kind: 'litigation', applicant: '契约',
    known_on: today, applied_on: today, received_on: today, organ: '示范县人民法院' })
  const naid = na.body && na.body.id
  await c.fazhi.call('POST', `/appeals/${naid}/answer`, { answered_on: today })
  await c.fazhi.call('POST', `/appeals/${naid}/outcome`, { outcome: 'upheld', outcome_on: today })
  // a 复议 filed through the station, forwarded; a 国家赔偿 claim: notice, hearing, decision, payment
  const fw = await c.fazhi.call('POST', `/cases/${a0 ? a0.case_id : 0}/appeals`, { kind: 'reconsideration', applicant: '契约',
    known_on: today, applied_on: today, received_on: today, organ: '示范县人民政府', via_station: true })
  await c.fazhi.call('POST', `/appeals/${fw.body && fw.body.id}/forward`, { forwarded_on: today })
  const pc = await c.fazhi.call('POST', `/cases/${a0 ? a0.case_id : 0}/appeals`, { kind: 'state_compensation', applicant: '契约',
    known_on: today, applied_on: today, received_on: today, organ: '城关派出所', comp_kind: 'admin_comp', materials_incomplete: true })
  const pcid = pc.body && pc.body.id
  await c.fazhi.call('POST', `/appeals/${pcid}/completion-notice`, { notice_on: today, items: '契约测试补正内容' })
  await c.fazhi.call('POST', `/appeals/${pcid}/hearing`, { heard_on: today, note: '契约测试听取意见' })
  await c.fazhi.call('POST', `/appeals/${pcid}/outcome`, { outcome: 'compensated', amount: 100, outcome_on: today })
  await c.fazhi.call('POST', `/appeals/${pcid}/payment`, { paid_on: today })
  // 回避: an officer's declaration on a case of the station, refused by the chief
  const rc = await c.minjing1.call('POST', `/cases/${a0 ? a0.case_id : 0}/recusals`, { user_id: m1.me ? m1.me.id : 0,
    origin: 'declared', ground: 'other', reason: '契约测试回避' })
  await c.suozhang.call('POST', `/recusals/${rc.body && rc.body.id}/decision`, { grant: false, note: '契约测试驳回' })
  const ff = await c.fazhi.call('POST', '/fault-findings', { source: 'other', station_id: cg ? cg.id : 0,
    officers: [{ user_id: m1.me ? m1.me.id : 0, part: 'handler' }] })
  await c.suozhang.call('POST', `/fault-findings/${ff.body && ff.body.id}/decide`, { record_type: 'defect', reason: '契约测试认定' })
  await m1.call('POST', '/interferences', { occurred_at: Math.floor(Date.now() / 1000) - 60, who: '契约某人', how: 'phone',
    asked: '契约测试询问' })
  // --- 执法档案 (issue 15): file a closed case, borrow it, open it for review ---
  const pend = (await c.dangan.call('GET', '/archive-files/pending')).body
  const closed = ((pend && pend.items) || []).find((x) => x.status === 'closed')
  const fl = await c.dangan.call('POST', '/archive-files', { case_id: closed ? closed.case_id : 0, room: '档案室',
    cabinet: 'C-01', shelf: '1', box: '2026-900', pages: 12 })
  const fileId = fl.body && fl.body.file ? fl.body.file.id : 0
  const ln = await c.minjing2.call('POST', `/archive-files/${fileId}/loans`, { reason: '契约测试借阅', days: 2 })
  const loanId = ln.body && ln.body.file && ln.body.file.loans.length ? ln.body.file.loans[0].id : 0
  await c.suozhang.call('POST', `/loans/${loanId}/approve`, { opinion: '同意' })
  await c.dangan.call('POST', `/loans/${loanId}/lend`, {})
  await c.dangan.call('POST', `/loans/${loanId}/return`, { note: '完整' })
  await c.dangan.call('POST', `/archive-files/${fileId}/reviews`, { reason: '契约测试查阅',
    present_ids: [c.dangan.me.id, c.minjing2.me.id] })
  await c.dangan.call('GET', `/archive-files/${fileId}`)
  await c.dangan.call('POST', '/exports', { kind: 'archive_ledger', reason: '契约测试台账' })
  await c.suozhang.call('POST', '/exports', { kind: 'case_ledger', format: 'csv', reason: '契约测试台账' })
  // --- 案件质量考评 ---
  const cid = closed ? closed.case_id : 0
  await c.fazhi.call('GET', `/case-reviews/draft?case_id=${cid}`)
  await c.fazhi.call('POST', '/case-reviews', { case_id: cid, items: [{ key: 'procedure', deduct: 2, note: '契约测试' }],
    comment: '契约测试考评' })
  // --- 网上巡查 ---
  const inspStation = c.suozhang.me.unit.id
  const ins = await c.ducha.call('POST', '/online-inspections', { station_id: inspStation, title: '契约测试巡查', sample: 2,
    deadline_days: 3 })
  const insp = ins.body && ins.body.inspection
  if (insp) await c.ducha.call('GET', `/online-inspections/${insp.id}`)
  const fd = insp && insp.cases.length
    ? await c.ducha.call('POST', `/online-inspections/${insp.id}/findings`, { case_id: insp.cases[0].id, finding: '契约测试问题' })
    : null
  const fnd = fd && fd.body && fd.body.inspection ? fd.body.inspection.findings[0] : null
  if (fnd) await c.suozhang.call('POST', `/inspection-findings/${fnd.id}/answer`, { answer: '契约测试整改' })
  // --- 社区警务 (issue 16): beats, grids, visits, key persons, transfers, sweeps ---
  {
    const sz = c.suozhang
    const mj = c.minjing1
    const bl = (await sz.call('GET', '/beats?over=1')).body
    const nb = await sz.call('POST', '/beats', { name: '契约责任区', kind: 'rural', officer_id: uid('minjing2') })
    const nbid = nb.body && nb.body.beat ? nb.body.beat.id : 0
    await sz.call('PATCH', `/beats/${nbid}`, { sergeant_id: uid('minjing1'), auxiliaries: [uid('fujing')],
      polygon: [[112.5, 37.8], [112.6, 37.8], [112.6, 37.9]] })
    const ng = await sz.call('POST', `/beats/${nbid}/grids`, { name: '契约网格' })
    const ngid = ng.body && ng.body.grid ? ng.body.grid.id : 0
    await sz.call('POST', `/grids/${ngid}/addresses`, { community: '契约社区', building_type: 'other' })
    await c.juzhang.call('POST', '/leader-assignments', { station_id: station, user_id: uid('juzhang') })
    // 撤销 the 包片领导 (kept in the history), then assigned again
    const las = (await c.juzhang.call('GET', '/leader-assignments')).body
    const la = ((las && las.items) || []).find((x) => x.station_id === station && x.user_id === uid('juzhang'))
    if (la) await c.juzhang.call('POST', `/leader-assignments/${la.id}/end`, { ended_on: today, reason: '契约撤销' })
    await c.juzhang.call('GET', '/leader-assignments?all=1')
    await c.juzhang.call('POST', '/leader-assignments', { station_id: station, user_id: uid('juzhang') })
    const b2 = ((bl && bl.items) || []).concat((await sz.call('GET', '/beats')).body.items).find((b) => b.name === '东街二区')
    const hv = (await mj.call('GET', `/household-visits?beat_id=${b2.id}`)).body
    const addr = hv.never_visited.items[0]
    await mj.call('POST', '/household-visits', { address_id: addr.id, persons_seen: addr.persons, learnt: '契约测试走访', changes: '无变化' })
    const kp = (await mj.call('GET', `/key-persons?beat_id=${b2.id}&mine=1`)).body.items.find((k) => k.source === 'listed')
    await mj.call('GET', '/key-persons?overdue=1')
    await mj.call('PATCH', `/key-persons/${kp.id}`, { control_plan: '契约管控计划', level: 'normal' })
    await mj.call('POST', `/key-persons/${kp.id}/contacts`, { mode: 'meet', place: '住所', findings: '契约见面' })
    const np = await mj.call('POST', '/persons', { id_number: idNumber('1985-05-05', 611), name: '契约重点', kind: 'resident', address_id: addr.id })
    const npid = np.body && np.body.person ? np.body.person.id : 0
    await mj.call('POST', '/key-persons', { person_id: npid, category: '重点人口', reason: '契约测试', level: 'watch' })
    const dg = units.find((u) => u.name === '东关派出所')
    await mj.call('POST', `/key-persons/${kp.id}/transfer`, { to_station_id: dg.id, reason: '契约迁移' })
    const dz = await new Client(baseUrl, 'dongguan_sz').login()
    const tr = (await dz.call('GET', '/key-person-transfers')).body.items.find((t) => t.key_person_id === kp.id)
    await dz.call('GET', `/key-persons/${kp.id}`)
    await dz.call('POST', `/key-person-transfers/${tr.id}/acknowledge`)
    const cand = (await mj.call('GET', `/registration-sweeps/candidates?beat_id=${b2.id}&building_type=shop`)).body
    const sw = await mj.call('POST', '/registration-sweeps', { title: '契约排查', address_ids: [cand.items[0].id] })
    const swid = sw.body && sw.body.registration_sweep ? sw.body.registration_sweep.id : 0
    await mj.call('POST', `/registration-sweeps/${swid}/findings`, { address_id: cand.items[0].id, found: 1, registered: 1, notes: '已登记' })
  }
  // --- 特种行业、内部单位 (issue 16, part B) ---
  const tu = await m1.call('POST', '/trade-units', { category: 'special_trade', kind: 'hotel', name: '契约旅馆', responsible: '店主',
    phone: '13800000009', licence_no: 'T-9', licence_expires_on: today, cameras: 4, video_linked: true, alarm: false,
    key_unit: false, security_staff: 1, security_chief: '保卫', guard_measures: '值班', physical_measures: '门禁' })
  const tuId = tu.body && tu.body.trade_unit ? tu.body.trade_unit.id : 0
  const det = (await m1.call('GET', `/trade-units/${tuId}`)).body
  const items = ((det && det.checklist) || []).map((item, i) => ({ item, ok: i !== 0 }))
  const later = new Date(Date.now() + 8 * 3600e3 + 10 * 86400e3).toISOString().slice(0, 10)
  // a hotel inspection: the officers' ID shown (COM-HOTEL-POLICE)
  await m1.call('POST', `/trade-units/${tuId}/inspections`, { inspected_on: today, items, notes: '契约检查', id_shown: true,
    findings: [{ description: '未登记证件号码', deadline: later, kind: 'guest_unregistered', offence_code: 'OF-088' }] })
  const det2 = (await m1.call('GET', `/trade-units/${tuId}`)).body
  const insId = det2 && det2.inspections && det2.inspections[0] ? det2.inspections[0].id : 0
  await m1.call('PATCH', `/trade-inspections/${insId}`, { notes: '契约检查（更正）' })
  // its 整改通知书: numbered on the first print, the same on a reprint
  await m1.call('GET', `/trade-inspections/${insId}/rectification-notice`)
  await m1.call('GET', `/trade-inspections/${insId}/rectification-notice`)
  // 修改 a unit (its licence renewed, its cameras counted again)
  await m1.call('PATCH', `/trade-units/${tuId}`, { licence_no: 'JY-契约-2', cameras: 6, video_linked: true })
  // a registration change and its filing with the police (COM-HOTEL-CHANGE)
  const chg = (await m1.call('POST', `/trade-units/${tuId}/changes`, { kind: 'rename', changed_on: today })).body
  const chgId = chg && chg.changes ? (chg.changes.find((x) => x.kind === 'rename') || {}).id || 0 : 0
  await m1.call('POST', `/trade-units/${tuId}/change-filings`, { change_id: chgId, filed_on: today })
  const tfl = (await m1.call('GET', '/trade-findings?open=1')).body
  const tfd = tfl && tfl.items ? tfl.items.find((x) => x.unit_id === tuId) : null
  await m1.call('POST', `/trade-findings/${tfd ? tfd.id : 0}/recheck`, { checked_on: today, rectified: false, notes: '未整改',
    new_deadline: later })
  await m1.call('GET', '/trade-units?category=special_trade&overdue=1')
  await m1.call('GET', '/trade-findings?overdue=1')
  await c.suozhang.call('POST', '/exports', { kind: 'special_trades', format: 'xlsx', reason: '契约测试导出' })

  // --- 流动人口: 人走报告, 抽查, 例会 (issue 16, part B) ---
  await m1.call('POST', `/employers/${emId}/spot-checks`, { checked_on: today, persons_found: 3, findings: '2人未申报',
    offence_code: '', penalty: '警告' })
  await m1.call('POST', '/employer-meetings', { held_on: today, topic: '契约例会', notes: '通报',
    items: [{ employer_id: emId, outcome: 'commended', note: '按时申报' }] })
  await m1.call('POST', `/floating/${tenant}/departure`, { departed_on: today, reporter_kind: 'employer', reporter: '厂长',
    reported_on: today })

  // --- 安全小区 (issue 16, part B) ---
  const cpd = await m1.call('POST', '/compounds', { name: '契约小区', community: '契约社区', buildings: ['1号楼'],
    buildings_total: 1, buildings_covered: 1, guards: 1, access_control: true, patrol: true, measures: '门禁' })
  const cpId = cpd.body && cpd.body.compound ? cpd.body.compound.id : 0
  await m1.call('GET', `/compounds/${cpId}`)
  await m1.call('POST', `/compounds/${cpId}/assessments`, { assessed_on: today })
  await m1.call('GET', `/compounds?as_of=${today}`)

  // --- 考核与奖惩、警风警纪监督员 (issue 18, part 3) ---
  const szc = c.suozhang
  const ivr = await szc.call('POST', '/interventions', { user_id: uid('minjing2'), measure: 'talk', note: '谈心', given_on: today,
    review_on: '2099-12-31' })
  const teamIvId = ivr.body && ivr.body.intervention ? ivr.body.intervention.id : 0
  await szc.call('POST', `/interventions/${teamIvId}/review`, { reviewed_on: today, review_note: '已改进' })
  await szc.call('POST', '/commendations', { user_id: uid('minjing2'), grade: 'commendation', deed: '契约事迹', ground: 'case',
    body_level: 'city', decided_by: '市公安局', decided_on: today, exception: '契约：重大贡献' })
  await szc.call('POST', '/sanctions', { user_id: uid('minjing2'), kind: 'confinement', reason: '契约事由', ground: 'other',
    decided_by: '县公安局督察大队', decided_on: today, start_on: today, days: 2 })
  const teamMon = await szc.call('POST', '/conduct-monitors', { name: '契约监督员', unit: '契约单位', contact: '13900000000',
    term_from: today, term_to: '2099-12-31' })
  const teamMonId = teamMon.body && teamMon.body.monitor ? teamMon.body.monitor.id : 0
  const teamMv = await szc.call('POST', `/conduct-monitors/${teamMonId}/visits`, { visited_on: today, opinion: '契约意见' })
  const teamMvId = teamMv.body && teamMv.body.visit ? teamMv.body.visit.id : 0
  await szc.call('POST', `/conduct-monitor-visits/${teamMvId}/answer`, { answer: '契约答复' })

  // --- 为民服务 and 治安形势预报 ---
  await m1.call('POST', '/public-services', { kind: 'legal_class', service_on: today, place: '契约小学', class_name: '五年级',
    topic: '法制课', audience: 40, notes: '契约' })
  await m1.call('POST', '/public-services', { kind: 'publicity', service_on: today, place: '集市', topic: '防诈骗', audience: 80,
    materials: '传单' })
  await m1.call('POST', '/public-services', { kind: 'rescue', service_on: today, person_helped: '走失儿童', help: '送回家' })
  await m1.call('POST', '/public-services', { kind: 'convenience', service_on: today, convenience: 'certificate', quantity: 2 })
  await m1.call('GET', `/public-services?kind=rescue&from=${today}&to=${today}`)
  await m1.call('GET', `/public-services/figures?from=${today}&to=${today}`)
  const fc = await m1.call('POST', '/security-forecasts', { community: '北关村', from_on: today, to_on: today })
  const fcId = fc.body && fc.body.forecast ? fc.body.forecast.id : 0
  await m1.call('GET', `/security-forecasts/${fcId}`)

  // --- 三考 (issue 18, part 2) ---
  const fz = c.fazhi
  await fz.call('POST', '/exam-questions/generate')
  const eq = await fz.call('POST', '/exam-questions', { kind: 'single', stem: '契约题', options: ['甲', '乙'], answer: 'A',
    explanation: '契约' })
  const eqId = eq.body && eq.body.question ? eq.body.question.id : 0
  const ep = await fz.call('POST', '/exam-papers', { title: '契约考试', kind: 'formal', time_limit_min: 10, pass_score: 60,
    question_ids: [eqId] })
  await fz.call('POST', '/exam-papers', { title: '契约资格考试', kind: 'qualification', level: 'basic', time_limit_min: 10,
    count: 2 })
  const es = await m1.call('POST', '/exam-sittings', { paper_id: ep.body && ep.body.paper ? ep.body.paper.id : 0 })
  const esId = es.body && es.body.sitting ? es.body.sitting.id : 0
  await m1.call('POST', `/exam-sittings/${esId}/submit`, { answers: [{ question_id: eqId, answer: 'A' }] })
  await m1.call('GET', `/exam-sittings/${esId}`)
  await m1.call('POST', '/exam-sittings', { count: 3 })
  await fz.call('POST', `/exam-questions/${eqId}/retire`)
  await fz.call('GET', '/exam-questions?source=manual&kind=single')
  await m1.call('GET', `/exam-results?from=${today}&to=${today}`)

  // --- 装备管理责任到人 ---
  const sz = c.suozhang
  const eqp = await sz.call('POST', '/equipment', { kind: 'recorder', code: 'JLY-CONF', model: '契约型号' })
  const eqpId = eqp.body && eqp.body.equipment ? eqp.body.equipment.id : 0
  await sz.call('POST', `/equipment/${eqpId}/issue`, { officer_id: m1.me.id, purpose: '契约' })
  await m1.call('POST', `/equipment/${eqpId}/return`, { note: '完好' })
  await sz.call('GET', '/equipment?kind=recorder')
  // the areas' own write routes: tests/api/conformance/<area>.mjs, in file-name order
  const here = path.dirname(new URL(import.meta.url).pathname)
  for (const f of fs.readdirSync(path.join(here, 'conformance')).filter((n) => n.endsWith('.mjs')).sort())
    await (await import(pathToFileURL(path.join(here, 'conformance', f)).href)).default(c, { today, Client, baseUrl, fail, m1 })
}
