// case-facts-scenarios.mjs — the 认定事实 and the 呈请报告 (issue 15 gaps): an officer corrects the
// facts of a filed case and the history keeps the old text; the 法制员 opening the approval reads
// the 呈请报告 with the items of the case's 证据清单.
import { DEMO_PASSWORD, assert, expectPath, expectVisible, login } from './steps.mjs'

/** The id of the first case of GET /cases<query> titled title (in the logged-in page). */
async function caseId(page, query, title) {
  return page.evaluate(
    async ([q, t]) => {
      const d = await fetch(`/api/v1/cases${q}`, { credentials: 'same-origin' }).then((r) => r.json())
      const k = (d.items || []).find((i) => i.title === t)
      return k ? k.id : null
    },
    [query, title]
  )
}

export const groupRank = 12

export const caseFactsScenarios = [
  {
    name: 'an officer corrects the 认定事实 of a filed case; the history keeps the old text',
    async run({ page }) {
      await login(page, 'minjing1', DEMO_PASSWORD)
      await expectPath(page, '/')
      const id = await caseId(page, '?status=filed&per_page=100', '寻衅滋事')
      assert(id, 'the demo case 寻衅滋事 is filed')
      await page.goto(`/cases/${id}`)
      await expectVisible(page.locator('[data-test="facts-text"]', { hasText: '赵海等三人' }), 'the demo facts')
      await page.locator('[data-test="facts-edit"]').click()
      const text = '经查，嫌疑人孙大勇于2026年11月20日21时许在城关镇夜市无故拦截、辱骂路人赵海等三人，并踢翻摊位一处，经现场群众劝阻仍不停止，情节恶劣。'
      await page.locator('textarea[data-test="facts-input"]').fill(text)
      await page.locator('input[data-test="facts-reason"]').fill('根据摊主陈述补充')
      await page.locator('[data-test="facts-save"]').click()
      await expectVisible(page.locator('[data-test="facts-text"]', { hasText: '踢翻摊位一处' }), 'the corrected facts')
      await page.locator('[data-test="case-facts"] .el-collapse-item__header', { hasText: '修改记录（3）' }).click()
      await expectVisible(page.locator('[data-test="facts-history-row"]', { hasText: '根据摊主陈述补充' }), 'the new history row')
    }
  },
  {
    name: 'the 法制员 opening the approval reads the 呈请报告 with the 证据清单',
    async run({ page }) {
      await login(page, 'fazhi', DEMO_PASSWORD)
      await expectPath(page, '/')
      const id = await caseId(page, '?status=approving&per_page=100', '盗窃（多次）')
      assert(id, 'the demo case 盗窃（多次） waits for the legal review')
      const n = await page.evaluate(async (k) => {
        const d = await fetch(`/api/v1/cases/${k}`, { credentials: 'same-origin' }).then((r) => r.json())
        return (d.case.evidence || []).length
      }, id)
      assert(n > 0, 'the demo case has evidence items')
      await page.goto(`/cases/${id}`)
      await page.locator('[data-test="action-approve"]').click()
      const dialog = page.locator('[data-test="action-dialog"]')
      await expectVisible(dialog.locator('[data-test="case-report"]'), 'the 呈请报告')
      await expectVisible(dialog.locator('[data-test="report-evidence-item"]').first(), 'an evidence item')
      const shown = await dialog.locator('[data-test="report-evidence-item"]').count()
      assert(shown === n, `the report lists ${shown} evidence items, the file holds ${n}`)
      await dialog.getByRole('button', { name: '取消' }).click()
    }
  }
]
