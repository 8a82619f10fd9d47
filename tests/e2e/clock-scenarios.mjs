// clock-scenarios.mjs — 执法预警 and 办案区 in the browser: minjing2 summons the suspect of a fresh
// case for 8 hours, registers the arrival in the 办案区, checks the person with one belonging into a
// locker, assigns an 询问室, sees the countdown on the area board, lets the person leave with the
// belongings returned; the station chief's 本所预警看板 shows the demo's 紧急 and 超期 clocks.
import { WAIT_MS } from './harness.mjs'
import { DEMO_PASSWORD, assert, expectPath, expectVisible, login } from './steps.mjs'

const SUSPECT = '钱小七'

/** JSON API call from inside the page: session cookie plus the CSRF token of GET /me. */
async function apiCall(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/v1/me', { credentials: 'same-origin' })).json()
      const res = await fetch('/api/v1' + path, {
        method,
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token || '' },
        body: body === undefined ? undefined : JSON.stringify(body)
      })
      const data = await res.json().catch(() => null)
      if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(data)}`)
      return data
    },
    { method, path, body }
  )
}

/** A fresh admin case of minjing2 (co-officer 李明) with one suspect. */
async function freshCase(page) {
  const colleagues = await apiCall(page, 'GET', '/colleagues')
  const co = (colleagues.items || []).find((u) => u.name === '李明')
  assert(co, 'colleague 李明 not found')
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
  const created = await apiCall(page, 'POST', '/cases', {
    kind: 'admin',
    procedure: 'normal',
    title: '殴打他人案',
    source: 'walk_in',
    act_date: today,
    offence_code: 'OF-052',
    co_officer_id: co.id
  })
  const c = created.case
  await apiCall(page, 'POST', `/cases/${c.id}/parties`, { role: 'suspect', name: SUSPECT, sex: 'M', first_offence: true })
  return c
}

async function closeDialog(page, dialog, what) {
  try {
    await dialog.waitFor({ state: 'hidden', timeout: WAIT_MS })
  } catch (e) {
    const msg = await page.locator('[data-test="rule-alert"]:visible, .el-form-item__error:visible, .el-message:visible').allInnerTexts()
    throw new Error(`${what} did not close; shown: ${msg.join(' | ') || '(nothing)'}`)
  }
}

// place of this group in the run (tests/e2e/story-files.mjs)
export const groupRank = 20

export const clockScenarios = [
  {
    name: 'an officer registers an arrival in the 办案区, checks, assigns a room, sees the clock, lets the person leave',
    async run({ page }) {
      await login(page, 'minjing2', DEMO_PASSWORD)
      await expectPath(page, '/')
      const c = await freshCase(page)

      // the 8 h 询问查证 of the suspect, from the case's 强制措施与期限 tab
      await page.goto(`/cases/${c.id}?tab=measures`)
      await page.locator('[data-test="start-measure"]').click()
      const md = page.locator('.el-dialog:visible', { hasText: '采取强制措施' })
      await expectVisible(md, 'the 采取强制措施 dialog')
      const tier = await md.locator('[data-test="measure-tier"]').innerText()
      assert(tier.includes('询问查证（8小时）'), `default tier: ${tier}`)
      // a 传唤 needs the chief's 传唤证 or the 口头传唤 of a suspect found on the spot (ADM-SUMMON-APPROVAL)
      await md.locator('[data-test="measure-save"]').click()
      await expectVisible(md.getByText('传唤须经办案部门负责人批准').first(), 'the refusal of a 传唤 with neither 传唤证 nor 口头传唤')
      await md.locator('[data-test="measure-oral"]').click()
      await md.locator('[data-test="measure-save"]').click()
      await closeDialog(page, md, 'the 采取强制措施 dialog')
      const mrow = page.locator('[data-test="measures-table"] .el-table__body tr', { hasText: SUSPECT })
      await expectVisible(mrow.filter({ hasText: '执行中' }), 'the running summons in the measures table')
      await expectVisible(mrow.locator('[data-test="countdown"]', { hasText: '剩余' }), 'the countdown of the summons')

      // 办案区: 到案登记
      await page.locator('.side-menu .el-menu-item', { hasText: '办案区' }).click()
      await expectPath(page, '/custody')
      await page.locator('[data-test="new-arrival"]').click()
      const ad = page.locator('.el-dialog:visible', { hasText: '到案登记' })
      await expectVisible(ad, 'the 到案登记 dialog')
      await ad.locator('[data-test="arrival-case"]').click()
      await ad.locator('[data-test="arrival-case"] input').fill(c.case_no.slice(-8))
      const opt = page.locator('.el-select-dropdown__item:visible', { hasText: c.case_no })
      await expectVisible(opt, `the case ${c.case_no} in the case picker`)
      // the picker searches as one types: a later answer can redraw the list under the click,
      // which then picks nothing; click again while the case is not taken
      const party = ad.locator('[data-test="arrival-party"]', { hasText: SUSPECT })
      for (let i = 0; i < 3; i++) {
        if (await opt.first().isVisible()) await opt.first().click().catch(() => {})
        if (await party.waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false)) break
      }
      await expectVisible(party, 'the suspect picked from the case')
      await expectVisible(ad.locator('[data-test="arrival-measure"]', { hasText: '询问查证（8小时）' }), 'the summons picked')
      await ad.locator('[data-test="arrival-save"]').click()
      await closeDialog(page, ad, 'the 到案登记 dialog')

      const card = page.locator('.cust-card', { hasText: SUSPECT })
      await expectVisible(card, `the card of ${SUSPECT} on the board`)
      await expectVisible(card.locator('.el-tag', { hasText: '未安全检查' }), 'the 未安全检查 mark')

      // 人身安全检查: one belonging into a locker
      await card.locator('[data-test="btn-check"]').click()
      const cd = page.locator('.el-dialog:visible', { hasText: '人身安全检查' })
      await expectVisible(cd, 'the 人身安全检查 dialog')
      await cd.locator('[data-test="add-item"]').click()
      await cd.locator('input[name="item_name_0"]').fill('手机')
      await cd.locator('input[name="item_qty_0"]').fill('1部')
      await cd.locator('input[name="locker_no"]').fill('B-12')
      await cd.locator('[data-test="check-save"]').click()
      await closeDialog(page, cd, 'the 人身安全检查 dialog')

      // 分配房间: 询问室 3
      await card.locator('[data-test="btn-room"]').click()
      const rd = page.locator('.el-dialog:visible', { hasText: '分配房间' })
      await expectVisible(rd, 'the 分配房间 dialog')
      await rd.locator('label', { hasText: '询问室' }).click()
      await rd.locator('input[name="room_no"]').fill('3')
      await rd.locator('[data-test="room-save"]').click()
      await closeDialog(page, rd, 'the 分配房间 dialog')
      await expectVisible(card.locator('[data-test="custody-room"]', { hasText: '询问室 3' }), 'the room 询问室 3 on the card')
      await expectVisible(card.locator('dd', { hasText: 'B-12' }), 'the locker B-12 on the card')

      // the clock: 8 h from now, ticking
      const cdText = await card.locator('[data-test="countdown"] .cd-digits').innerText()
      assert(/^0[78]:\d\d:\d\d$/.test(cdText.trim()), `countdown digits: ${cdText}`)
      await page.waitForTimeout(2100)
      const later = await card.locator('[data-test="countdown"] .cd-digits').innerText()
      assert(later !== cdText, `the countdown does not tick: ${cdText} → ${later}`)
      const measure = await card.locator('.cust-measure').innerText()
      assert(measure.includes('询问查证（8小时）'), `measure on the card: ${measure}`)

      // 离开办案区 with the belongings returned
      await card.locator('[data-test="btn-exit"]').click()
      const xd = page.locator('.el-dialog:visible', { hasText: '离开办案区' })
      await expectVisible(xd.locator('[data-test="exit-items"] .el-table__body', { hasText: '手机' }), 'the phone in the exit dialog')
      await xd.locator('[data-test="belongings-returned"]').click()
      await xd.locator('[data-test="exit-save"]').click()
      await closeDialog(page, xd, 'the 离开办案区 dialog')
      try {
        await card.waitFor({ state: 'detached', timeout: WAIT_MS })
      } catch (e) {
        throw new Error(`${SUSPECT} is still on the board after leaving`)
      }
    }
  },
  {
    name: "the chief's 本所预警看板 shows the demo's 紧急 and 超期 clocks",
    async run({ page }) {
      await login(page, 'suozhang', DEMO_PASSWORD)
      await expectPath(page, '/')
      const home = page.locator('[data-test="card-本所预警"] .stat-value')
      await expectVisible(home.filter({ hasText: '超期' }), 'the 本所预警 counts on the home page')
      await page.locator('.side-menu .el-menu-item', { hasText: '本所预警看板' }).click()
      await expectPath(page, '/warnings/unit')
      for (const level of ['URGENT', 'BREACH']) {
        const v = page.locator(`[data-test="count-${level}"] .lv-card-value`)
        await expectVisible(v.filter({ hasText: /^[1-9]\d*$/ }), `a non-zero ${level} count`)
      }
      const breach = page.locator('[data-test="warnings-table"] .el-table__body tr', { hasText: '超期' })
      await expectVisible(breach.filter({ hasText: '拘留后24小时内讯问' }).filter({ has: page.locator('[data-rule="CRIM-DETAIN-QUESTION-24H"]') }), 'the 刑事拘留 first-questioning BREACH')
      await expectVisible(breach.locator('[data-test="countdown"]', { hasText: '已超期' }), 'an 已超期 countdown')
    }
  }
]
