// conformance/team_gaps.mjs — 九好, staff changes and trainings (issue 18, team6), called by
// conformance_writes.mjs after the central ones. ctx: { today, Client, baseUrl, fail, m1 } (m1 = minjing1's client).
export default async function (c, { today, m1 }) {
  const me = (await m1.call('GET', '/me')).body.user.id
  // 九好: 督察 scores an item no record shows, then one the records score (400)
  const list = await c.ducha.call('GET', '/station-checklists')
  const st = list.body && list.body.items && list.body.items[0] ? list.body.items[0].station_id : 0
  await c.ducha.call('GET', `/station-checklists/${st}`)
  await c.ducha.call('POST', `/station-checklists/${st}/scores`, { month: today.slice(0, 7), item: 'hygiene', score: 88, note: '契约检查' })
  await c.ducha.call('POST', `/station-checklists/${st}/scores`, { month: today.slice(0, 7), item: 'leave', score: 88 })
  // TEAM-TRAIN-GATE: a passed 晋升培训, then the promotion it allows; a 警衔 without one (409)
  const nq = c.neiqin
  await nq.call('POST', '/staff-trainings', { user_id: me, course: 'promotion', body: '契约培训学校', from_on: '2020-01-01',
    to_on: '2020-01-10', passed: true, certificate_no: '契约1' })
  await nq.call('POST', '/staff-changes', { user_id: me, kind: 'promotion', effective_on: today, title: '契约职务',
    approving_body: '县公安局', document_no: '契约〔2026〕1号' })
  await nq.call('POST', '/staff-changes', { user_id: me, kind: 'appointment', effective_on: '2019-01-01', title: '契约',
    approving_body: '县公安局', document_no: '契约〔2026〕2号' })
  await nq.call('GET', '/staff-changes')
}
