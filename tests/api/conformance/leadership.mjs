// conformance/leadership.mjs — the write routes of 领导交办, 逐级上报, 阅示, 研判, 调度会 (issue 17), called by conformance_writes.mjs
// after the central ones (every tests/api/conformance/*.mjs, in file-name order: a new area adds
// its own file). ctx: { today, Client, baseUrl, fail, m1 } (m1 = minjing1's client).
export default async function (c, { today, m1 }) {
  const cg = (await c.suozhang.call('GET', '/me')).body.user.unit.id
  const later = Math.floor(Date.now() / 1000) + 3 * 86400
  const t = await c.juzhang.call('POST', '/leader-tasks', { station_id: cg, content: '契约交办', leader_name: '高建军', deadline: later })
  const tid = t.body && t.body.task ? t.body.task.id : 0
  await c.suozhang.call('GET', `/leader-tasks/${tid}`)
  await c.suozhang.call('POST', `/leader-tasks/${tid}/sign`, {})
  await c.suozhang.call('POST', '/daily-submissions', { date: today, note: '契约上报' })
  await c.juzhang.call('POST', '/daily-instructions', { date: today, text: '契约阅示', leader_name: '高建军', deadline: later })
  await c.juzhang.call('POST', '/analysis/notes', { date: today, text: '契约研判' })
  const m = await c.juzhang.call('POST', '/meetings', { held_on: today, title: '契约调度会', attendees: '高建军',
    period_from: today, period_to: today, decisions: ['契约决定'] })
  const mid = m.body && m.body.meeting ? m.body.meeting.id : 0
  await c.juzhang.call('GET', `/meetings/${mid}`)
}
