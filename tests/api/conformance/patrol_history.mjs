// conformance/patrol_history.mjs — plan history, the 案由 table, the meeting workbook (issue 17 gaps), called by conformance_writes.mjs after the central ones.
// ctx: { today, Client, baseUrl, fail, m1 } (m1 = minjing1's client).
export default async function (c, { today, m1 }) {
  // --- issue 17 remaining gaps (pat5): plan history, 案由 table, meeting workbook ---
  {
    const sz = c.suozhang
    const tm = await sz.call('POST', '/patrol-teams', { name: '契约历史队', kind: 'police', leader: '李明' })
    const tmId = tm.body && tm.body.team ? tm.body.team.id : 0
    const pl = await sz.call('POST', '/patrol-plans', { team_id: tmId, name: '契约历史计划', route: '契约路', effective_from: today,
      slots: [{ weekday: 2, start: '19:00', end: '21:00' }] })
    const plan = pl.body && pl.body.plan ? pl.body.plan : { id: 0, slots: [{ id: 0 }] }
    await sz.call('PATCH', `/patrol-plans/${plan.id}`, { name: '契约历史计划（改）', route: '契约新路' })
    await sz.call('DELETE', `/patrol-slots/${plan.slots[0] ? plan.slots[0].id : 0}`)
    await c.admin.call('PUT', '/incident-category-offences', { category: '0211', offence: 'OF-002' })
    const ms = await c.juzhang.call('GET', '/meetings')
    const mid = ms.body && ms.body.items && ms.body.items[0] ? ms.body.items[0].id : 0
    await c.juzhang.call('GET', `/meetings/${mid}/export.xlsx`)
  }
}
