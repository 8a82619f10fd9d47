// conformance/community_listings.mjs — 列管审批 (issue 16, COM-ZD-ENLIST), called by conformance_writes.mjs after the central ones.
// ctx: { today, Client, baseUrl, fail, m1 } (m1 = minjing1's client).
export default async function (c) {
  // the demo's requests (seed_key_person_listings.c): the chief approves one that waits, and lists
  // the person of the declined one himself, at once (201)
  const all = (await c.suozhang.call('GET', '/key-person-listings')).body
  const items = (all && all.items) || []
  const waiting = items.find((l) => l.status === 'pending')
  const declined = items.find((l) => l.status === 'rejected')
  await c.suozhang.call('GET', '/key-person-listings?status=pending')
  if (waiting) await c.suozhang.call('POST', `/key-person-listings/${waiting.id}/decision`, { approve: true, note: '契约同意' })
  if (declined) {
    await c.suozhang.call('POST', '/key-persons', {
      person_id: declined.person_id,
      category: declined.category,
      reason: '契约所长列管',
      level: 'watch'
    })
  }
}
