// team-assess-scenarios.mjs — 考核与奖惩 in the browser (issue 18, part 3): the chief opens the monthly
// assessment from its home card and sees his officers ranked with their scores; an officer sees only his
// own place.
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
  }
]
