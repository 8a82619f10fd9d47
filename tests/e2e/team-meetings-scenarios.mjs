// team-meetings-scenarios.mjs — 会议学习 in the browser (issue 18): 内勤 records a 例会 with the
// attendees the server proposes (the dialog passes axe-core); an officer sees his own attendance
// and training days.
import { DEMO_PASSWORD, expectPath, expectVisible, login } from './steps.mjs'
import { checkPage } from './a11y.mjs'

export const teamMeetingsScenarios = [
  {
    name: '内勤 records a 例会 with the proposed attendees; it is listed',
    async run({ page }) {
      await login(page, 'neiqin', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/team/meetings')
      await expectVisible(page.locator('[data-test="meetings-table"] .el-table__row').first(), 'the demo meetings')
      await page.locator('[data-test="meeting-new"]').click()
      // the proposal fills the attendees (the station's staff)
      await expectVisible(page.locator('[data-test="meeting-attendees"] .el-table__row', { hasText: '李明' }), '李明 proposed')
      await checkPage(page, 'the 记录会议学习 dialog')
      await page.locator('[data-test="meeting-topic"]').fill('浏览器例会：本周勤务安排')
      await page.locator('[data-test="meeting-speaker"]').fill('张所长')
      await page.locator('[data-test="meeting-save"]').click()
      await expectVisible(page.locator('.el-message--success', { hasText: '会议学习已记录' }), 'the saved message')
      await expectVisible(page.locator('[data-test="meetings-table"] .el-table__row', { hasText: '浏览器例会' }), 'the new row')
    }
  },
  {
    name: 'an officer sees his own attendance and training days',
    async run({ page }) {
      await login(page, 'minjing1', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/team/meetings')
      const rows = page.locator('[data-test="meeting-figures"] .el-table__body .el-table__row')
      await expectVisible(rows.filter({ hasText: '李明' }), 'his figures row')
      await expectVisible(page.locator('[data-test="meetings-table"] .el-table__row', { hasText: '浏览器例会' }), 'the 例会 he was proposed for')
    }
  }
]
