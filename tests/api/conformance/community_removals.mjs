// conformance/community_removals.mjs — the 撤管 write routes (issue 16 gaps), called by conformance_writes.mjs after the central ones.
// ctx: { today, Client, baseUrl, fail, m1 } (m1 = minjing1's client).
export default async function (c, { today, m1 }) {
  // --- 撤管 (issue 16 gaps): the beat's officer asks, the chief decides ---
  {
    const kps = (await c.minjing1.call('GET', '/key-persons?mine=1')).body
    const kp = ((kps && kps.items) || []).find((k) => k.status === 'active')
    const rq = kp ? await c.minjing1.call('POST', `/key-persons/${kp.id}/removals`, { reason: '契约撤管' }) : null
    const rid = rq && rq.body && rq.body.removal ? rq.body.removal.id : 0
    // 定期复核 (COM-ZD-REVIEW): kept, then a level changed
    if (kp) {
      await c.minjing1.call('POST', `/key-persons/${kp.id}/reviews`, { reviewed_on: today, conclusion: 'keep', notes: '契约复核' })
      await c.minjing1.call('POST', `/key-persons/${kp.id}/reviews`, { conclusion: 'change_level', level: kp.level === 'strict' ? 'normal' : 'strict', notes: '契约调级' })
    }
    await c.minjing1.call('GET', '/key-persons?review_due=1')
    await c.suozhang.call('GET', '/key-person-removals?status=pending')
    await c.suozhang.call('POST', `/key-person-removals/${rid}/decision`, { approve: false, note: '契约不批准' })
  }
}
