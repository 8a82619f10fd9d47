// conformance/case_facts.mjs — PUT /cases/{id}/facts (issue 15 gaps: the 认定事实 edited before the decision),
// called by conformance_writes.mjs after the central ones. ctx: { today, Client, baseUrl, fail, m1 }.
export default async function (c, { m1 }) {
  const list = (await m1.call('GET', '/cases?status=filed')).body
  const k = ((list && list.items) || [])[0]
  await m1.call('PUT', `/cases/${k ? k.id : 0}/facts`, { facts: '契约认定事实：经查，双方因琐事发生争执。', reason: '契约补充' })
}
