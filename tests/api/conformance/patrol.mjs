// conformance/patrol.mjs — the write routes of 巡逻防控 (issue 17, part 1), called by conformance_writes.mjs
// after the central ones (every tests/api/conformance/*.mjs, in file-name order: a new area adds
// its own file). ctx: { today, Client, baseUrl, fail, m1 } (m1 = minjing1's client).
export default async function (c, { today, m1 }) {
  const sz = c.suozhang
  const me = (await m1.call('GET', '/me')).body.user.id
  const tm = await sz.call('POST', '/patrol-teams', { name: '契约巡逻队', kind: 'police', leader: '李明', members: [{ user_id: me }] })
  const tmId = tm.body && tm.body.team ? tm.body.team.id : 0
  await sz.call('PATCH', `/patrol-teams/${tmId}`, { contact: '13900000000' })
  const pl = await sz.call('POST', '/patrol-plans', { team_id: tmId, name: '契约夜巡', route: '契约路', dress: 'uniform',
    slots: [{ weekday: 1, start: '19:00', end: '21:00' }] })
  const plId = pl.body && pl.body.plan ? pl.body.plan.id : 0
  await sz.call('POST', `/patrol-plans/${plId}/slots`, { weekday: 3, start: '20:00', end: '21:00', source: 'proposal' })
  const now = Math.floor(Date.now() / 1000)
  const lg = await m1.call('POST', '/patrol-logs', { team_id: tmId, plan_id: plId, started_at: now - 5400, ended_at: now - 1800,
    route: '契约路', duties: ['order'], findings: '契约', arrests: [{ person_name: '契约某', offence: '扒窃', arrested_at: now - 3600 }] })
  const arId = lg.body && lg.body.log && lg.body.log.arrests && lg.body.log.arrests[0] ? lg.body.log.arrests[0].id : 0
  const inc = await m1.call('GET', '/incidents?per_page=1')
  const incId = inc.body && inc.body.items && inc.body.items[0] ? inc.body.items[0].id : 0
  await sz.call('POST', `/patrol-arrests/${arId}/links`, { incident_id: incId })
  await sz.call('POST', '/patrol-rewards', { team_id: tmId, period: 'week', date: today, reward: '契约表扬' })
  await sz.call('PUT', '/patrol-meetings', { date: today, notes: '契约碰头会' })
}
