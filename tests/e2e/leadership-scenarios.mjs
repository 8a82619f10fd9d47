// leadership-scenarios.mjs — 警务动态日报, 阅示 and 领导交办 in the browser (issue 17): the 局长 reads a
// frozen past day with its 更正 and the 口径 of each indicator; writes a 阅示 that goes to the
// stations as tasks; the 所长 signs his station's task.
import { DEMO_PASSWORD, assert, expectPath, expectVisible, login, logoutViaMenu } from './steps.mjs'

const dayAgo = (n) => new Date(Date.now() + 8 * 3600e3 - n * 86400e3).toISOString().slice(0, 10)

export const leadershipScenarios = [
  {
    name: 'the 局长 reads a frozen past day of the 警务动态日报 with its 更正 and the 口径',
    async run({ page }) {
      await login(page, 'juzhang', DEMO_PASSWORD)
      await expectPath(page, '/')
      // the demo froze the last six days and re-classified a call of two days ago (seed_leadership.c)
      await page.goto(`/reports/daily?date=${dayAgo(2)}`)
      await expectVisible(page.locator('[data-test="report-state"]', { hasText: '封存' }), 'the frozen state')
      await expectVisible(page.locator('[data-test="report-corrections"]'), 'the 更正 notice')
      await expectVisible(page.locator('[data-test="report-corrected"]').first(), 'a corrected score beside the frozen one')
      await expectVisible(page.locator('[data-test="report-definitions"]', { hasText: '破案数' }), 'the 口径 of 破案数')
      const n = await page.locator('[data-test="report-table"] .el-table__body tr').count()
      assert(n === 9, `expected the nine stations, found ${n} rows`)
      await expectVisible(page.locator('[data-test="chart-score"] canvas'), 'the score chart')
    }
  },
  {
    name: 'the 局长 writes a 阅示; it reaches 城关 as a task and the 所长 signs it',
    async run({ page }) {
      const text = `阅示：今晚各所加强巡逻 ${Date.now() % 100000}`
      await login(page, 'juzhang', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.locator('.side-menu .el-menu-item', { hasText: '日报上报与阅示' }).click()
      await expectPath(page, '/daily-submissions')
      await page.locator('textarea[data-test="instr-text"], [data-test="instr-text"] textarea').first().fill(text)
      await page.locator('[data-test="instr-send"]').click()
      await expectVisible(page.locator('.el-message--success', { hasText: '已下发' }), 'the 已下发 message')
      await expectVisible(page.locator('[data-test="subs-instruction"]', { hasText: text }), 'the 阅示 on the page')
      await logoutViaMenu(page)

      await login(page, 'suozhang', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/leader-tasks')
      const link = page.locator('[data-test="tasks-table"] .el-table__body a, [data-test="tasks-table"] .el-table__body .el-link', { hasText: text }).first()
      await expectVisible(link, 'the task at 城关')
      await link.click()
      await expectVisible(page.locator('[data-test="task-sign"]'), 'the 签收 button')
      await page.locator('[data-test="task-sign"]').click()
      await expectVisible(page.locator('[data-test="task-status"]', { hasText: '办理中' }), 'the task signed')
    }
  }
]
