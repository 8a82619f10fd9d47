// conformance/community_removals.mjs — the 撤管 write routes (issue 16 gaps), called by conformance_writes.mjs after the central ones.
// ctx: { today, Client, baseUrl, fail, m1 } (m1 = minjing1's client).
export default async function (c, { today, m1 }) {
  // --- 撤管 (issue 16 gaps): the beat's officer asks, the chief decides ---
  {
    const kps = (await c.minjing1.call('GET', '/key-persons?mine=1')).body
    const kp = ((kps && kps.items) || []).find((k) => k.status === 'active')
    const rq = kp ? await c.minjing1.call('POST', `/key-persons/${kp.id}/removals`, { reason: '契约撤管' }) : null
    const rid = rq && rq.body && rq.body.removal ? rq.body.removal.id : 0
    await c.suozhang.call('GET', '/key-person-removals?status=pending')
    await c.suozhang.call('POST', `/key-person-removals/${rid}/decision`, { approve: false, note: '契约不批准' })
  }
}
