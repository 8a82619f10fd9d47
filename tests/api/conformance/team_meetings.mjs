// conformance/team_meetings.mjs — 会议学习 and the appeal of a 禁闭 (issue 18), called by conformance_writes.mjs after the central ones.
// ctx: { today, Client, baseUrl, fail, m1 } (m1 = minjing1's client).
export default async function (c, { today, m1 }) {
  // --- 会议学习 (issue 18) ---
  {
    const sz = c.suozhang
    const me = (await m1.call('GET', '/me')).body.user.id
    await sz.call('POST', '/team-meetings', { held_on: today, kind: 'training', topic: '契约培训', speaker: '契约教官',
      training_days: 2, materials: '讲义', minutes: '契约记录', attendees: [{ user_id: me, present: true }] })
    // 禁闭 appealed by the officer, the decision recorded by the chief (TEAM-DC-APPEAL)
    const sc = await sz.call('POST', '/sanctions', { user_id: me, kind: 'confinement', reason: '契约', ground: 'other',
      decided_by: '督察大队', decided_on: today, start_on: today, days: 2 })
    const scId = sc.body && sc.body.sanction ? sc.body.sanction.id : 0
    await m1.call('POST', `/sanctions/${scId}/appeal`, { appeal_to: '市公安局', reason: '契约申诉' })
    await sz.call('POST', `/sanctions/${scId}/appeal-decision`, { revoke: true, note: '撤销', restoration: '恢复名誉' })
  }
}
