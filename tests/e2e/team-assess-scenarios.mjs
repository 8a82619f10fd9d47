// team-assess-scenarios.mjs — 考核与奖惩 in the browser (issue 18, part 3): the chief opens the monthly
// assessment from its home card and sees his officers ranked with their scores; an officer sees only his
// own place.
import { WAIT_MS } from './harness.mjs'
import { DEMO_PASSWORD, assert, expectPath, expectVisible, login, logoutViaMenu } from './steps.mjs'

// place of this group in the run (tests/e2e/story-files.mjs)
export const groupRank = 120

export const teamAssessScenarios = [
  {
    name: 'the chief opens the monthly assessment and sees ranks; an officer sees only his own place',
    async run({ page }) {
      await login(page, 'suozhang', DEMO_PASSWORD)
      await expectPath(page, '/')
      // the home card 本月考核 opens it
      await page.locator('.stat-title', { hasText: '本月考核' }).click()
      await expectPath(page, '/team/assessment')
      await expectVisible(page.locator('[data-test="assess-period"] .is-active', { hasText: '月度' }), 'the 月度 period')
      const table = page.locator('[data-test="assess-table"]')
      await expectVisible(table.locator('.el-table__body', { hasText: '李明' }), 'the station officers ranked')
      const rows = table.locator('.el-table__body-wrapper .el-table__row')
      const n = await rows.count()
      assert(n >= 3, `the chief sees ${n} officers, expected the station's officers`)
      const first = await rows.nth(0).locator('td').nth(0).innerText()
      assert(first.trim() === '1', `the first row has rank ${first}`)
      const score = await rows.nth(0).locator('[data-test="assess-score"]').innerText()
      assert(/^\d+\.\d$/.test(score.trim()), `the first score reads ${score}`)
      await logoutViaMenu(page)
      await login(page, 'minjing1', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/team/assessment')
      await expectVisible(page.locator('[data-test="assess-mine"]', { hasText: '排第' }), 'the officer his own place')
      const mine = await page.locator('[data-test="assess-table"] .el-table__body-wrapper .el-table__row').count()
      assert(mine === 1, `an officer sees ${mine} rows, expected his own only`)
    }
  },
  {
    name: 'the chief appoints a 警风警纪监督员, records an opinion and answers it, each in its row\'s dialog',
    async run({ page }) {
      await login(page, 'suozhang', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/team/monitors')
      await page.locator('[data-test="monitor-new"]').click()
      let dialog = page.locator('.el-dialog:visible', { hasText: '聘请警风警纪监督员' })
      await expectVisible(dialog, 'the 聘请 dialog')
      await dialog.locator('input[aria-label="监督员姓名"]').fill('钱监督')
      await dialog.locator('input[aria-label="工作单位"]').fill('示范县政协')
      await dialog.locator('input[aria-label="联系方式"]').fill('13900009999')
      const end = dialog.locator('input[aria-label="聘期结束"]')
      await end.fill('2030-12-31')
      await end.press('Enter')
      await dialog.getByRole('button', { name: '保存' }).click()
      await dialog.waitFor({ state: 'hidden', timeout: WAIT_MS })
      const row = page.locator('[data-test="monitors-table"] .el-table__row', { hasText: '钱监督' })
      await expectVisible(row, 'the new monitor in the table')
      // the row's own dialog: its title names the monitor the button was on
      await row.getByRole('button', { name: '登记意见' }).click()
      dialog = page.locator('.el-dialog:visible', { hasText: '登记监督意见：钱监督' })
      await expectVisible(dialog, 'the opinion dialog of 钱监督')
      await dialog.locator('textarea[aria-label="监督意见"]').fill('窗口排队时间较长')
      await dialog.getByRole('button', { name: '保存' }).click()
      await dialog.waitFor({ state: 'hidden', timeout: WAIT_MS })
      const visit = page.locator('[data-test="monitor-visits-table"] .el-table__row', { hasText: '窗口排队时间较长' })
      await expectVisible(visit, 'the opinion waiting for its answer')
      await visit.getByRole('button', { name: '答复' }).click()
      dialog = page.locator('.el-dialog:visible', { hasText: '答复监督意见' })
      await expectVisible(dialog.locator('p', { hasText: '窗口排队时间较长' }), 'the answered opinion in the answer dialog')
      await dialog.locator('textarea[aria-label="答复内容"]').fill('已增设一个窗口')
      await dialog.getByRole('button', { name: '保存' }).click()
      await dialog.waitFor({ state: 'hidden', timeout: WAIT_MS })
      await expectVisible(page.locator('[data-test="monitor-visits-table"] .el-table__row', { hasText: '已增设一个窗口' }), 'the answer in the row')
      // 奖惩: a dialog of the page opens empty and 取消 closes it
      await page.goto('/team/rewards')
      await page.locator('[data-test="commendation-new"]').click()
      dialog = page.locator('.el-dialog:visible', { hasText: '登记奖励' })
      await expectVisible(dialog, 'the 登记奖励 dialog')
      await dialog.getByRole('button', { name: '取消' }).click()
      await dialog.waitFor({ state: 'hidden', timeout: WAIT_MS })
    }
  }
]
