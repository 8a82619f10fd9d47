// team-gaps-scenarios.mjs — issue 18 gaps in the browser: 督察 opens the month's 九好 checklist of the
// county's stations, opens 城关's month and scores 警容风纪好; the 内勤 records a promotion without its
// training and sees the refusal with its rule (TEAM-TRAIN-GATE).
import { WAIT_MS } from './harness.mjs'
import { DEMO_PASSWORD, expectPath, expectVisible, login, logoutViaMenu } from './steps.mjs'

// place of this group in the run (tests/e2e/story-files.mjs)
export const groupRank = 125

// the detail page the a11y walk opens with the first station of the list
export const a11yDetails = [{ list: '/station-checklists', page: (id) => `/team/station-checklists/${id}` }]

export const teamGapsScenarios = [
  {
    name: '督察 opens the 九好 checklist, opens a station\'s month and scores 警容风纪好',
    async run({ page }) {
      await login(page, 'ducha', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/team/station-checklists')
      const table = page.locator('[data-test="checklist-table"]')
      await expectVisible(table.locator('.el-table__body', { hasText: '城关派出所' }), 'the stations of the county')
      await table.locator('[data-test="checklist-station"]', { hasText: '城关派出所' }).click()
      await expectVisible(page.locator('[data-test="checklist-items"] .el-table__body', { hasText: '值班签到好' }), 'the nine items')
      await page.locator('[data-test="checklist-rate-discipline"]').click()
      const dialog = page.locator('.el-dialog:visible', { hasText: '警容风纪好 检查评分' })
      await expectVisible(dialog, 'the score dialog')
      const input = dialog.locator('[data-test="checklist-score-input"] input')
      await input.fill('77')
      await dialog.locator('textarea[aria-label="检查说明"]').fill('一名民警未佩戴警号')
      await dialog.locator('[data-test="checklist-save"]').click()
      await dialog.waitFor({ state: 'hidden', timeout: WAIT_MS })
      await expectVisible(page.locator('[data-test="checklist-score-discipline"]', { hasText: '77.0' }), 'the new score')
      await expectVisible(page.locator('[data-test="checklist-items"] .el-table__body', { hasText: '一名民警未佩戴警号' }), 'the note with who and when')
    }
  },
  {
    name: 'the 内勤 records a promotion with no training: refused with TEAM-TRAIN-GATE; the demo changes listed',
    async run({ page }) {
      await login(page, 'neiqin', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/team/staff-changes')
      await expectVisible(page.locator('[data-test="changes-table"] .el-table__body', { hasText: '城关派出所副所长' }), 'the demo promotion')
      await page.locator('[data-test="change-new"]').click()
      const dialog = page.locator('.el-dialog:visible', { hasText: '登记任职晋升' })
      await expectVisible(dialog, 'the change dialog')
      await dialog.locator('[data-test="change-user"]').click()
      await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '张伟' }).click()
      await dialog.locator('[data-test="change-title"]').fill('城关派出所副所长')
      await dialog.locator('[data-test="change-body"]').fill('县公安局')
      await dialog.locator('[data-test="change-doc"]').fill('县公任〔2026〕99号')
      await dialog.locator('[data-test="change-save"]').click()
      await expectVisible(dialog.locator('[data-test="rule-alert"]', { hasText: '须先经培训' }), 'the refusal with its rule')
      await dialog.getByRole('button', { name: '取消' }).click()
      await dialog.waitFor({ state: 'hidden', timeout: WAIT_MS })
      await logoutViaMenu(page)
    }
  }
]
