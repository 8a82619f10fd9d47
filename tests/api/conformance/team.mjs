// conformance/team.mjs — the write routes of 队伍管理 (issue 18, part 1), called by conformance_writes.mjs
// after the central ones (every tests/api/conformance/*.mjs, in file-name order: a new area adds
// its own file). ctx: { today, Client, baseUrl, fail, m1 } (m1 = minjing1's client).
export default async function (c, { today, m1 }) {
  const sz = c.suozhang
  const me = (await m1.call('GET', '/me')).body.user.id
  await sz.call('GET', `/staff/${me}`)
  await sz.call('PUT', `/staff/${me}`, { staff_kind: 'police', politics: 'party', education: 'bachelor', birth_date: '1990-01-01',
    qual_level: 'basic', qual_date: '2020-01-01' })
  await sz.call('PUT', '/duty-patterns', { items: [{ weekday: 1, duty_post: 'officer', user_id: me }] })
  await sz.call('POST', '/duty-rosters/build', { from: '2030-01-07', to: '2030-01-13' })
  // an entry on the current shift (the board's day) that he may sign in to now
  const onDay = (await sz.call('GET', '/duty-board')).body.duty_on
  let deId = 0
  for (const post of ['officer', 'case_team', 'response']) {
    const de = await sz.call('POST', '/duty-rosters', { duty_on: onDay, duty_post: post, user_id: me })
    if (de.body && de.body.entry) {
      deId = de.body.entry.id
      break
    }
  }
  await m1.call('POST', `/duty-rosters/${deId}/sign-in`)
  await m1.call('POST', `/duty-rosters/${deId}/sign-out`)
  const spare = await sz.call('POST', '/duty-rosters', { duty_on: '2030-01-08', duty_post: 'case_team', user_id: me })
  await sz.call('DELETE', `/duty-rosters/${spare.body && spare.body.entry ? spare.body.entry.id : 0}`)
  const lv = await m1.call('POST', '/leaves', { kind: 'personal', from_on: '2030-02-01', to_on: '2030-02-02' })
  const lvId = lv.body && lv.body.leave ? lv.body.leave.id : 0
  await sz.call('POST', `/leaves/${lvId}/decision`, { approve: true, note: '同意' })
  await m1.call('POST', `/leaves/${lvId}/return`, {})
}
