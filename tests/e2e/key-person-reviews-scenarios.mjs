// key-person-reviews-scenarios.mjs — 重点人员定期复核 in the browser (COM-ZD-REVIEW): the chief lists the
// key persons past their review day, opens one, is refused without notes, then keeps him under control;
// the next review day is given and he leaves the overdue list.
import { expectPath, expectVisible, login, DEMO_PASSWORD } from './steps.mjs'

export const keyPersonReviewsScenarios = [
  {
    name: 'the chief reviews a key person past his review day: kept under control, the next review day given',
    async run({ page }) {
      await login(page, 'suozhang', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/community/key-persons?review_due=1')
      await expectPath(page, '/community/key-persons')
      const link = page.locator('[data-test="kp-table"] [data-test="kp-link"]').first()
      await expectVisible(link, 'a key person past his review day')
      const name = (await link.innerText()).trim()
      await link.click()
      await expectVisible(page.locator('[data-test="kp-review-late"]'), 'the 复核逾期 tag')
      await page.locator('[data-test="kp-review"]').click()
      await page.locator('[data-test="kp-review-save"]').click()
      await expectVisible(page.locator('.el-form-item__error', { hasText: '不能为空' }), 'the notes refused beside the field')
      await page.locator('textarea[data-test="kp-review-notes"]').fill('近期表现稳定，仍需列管')
      await page.locator('[data-test="kp-review-save"]').click()
      await expectVisible(page.locator('.el-message--success', { hasText: '下次复核' }), 'the next review day')
      await expectVisible(page.locator('[data-test="kp-reviews"]', { hasText: '维持列管' }), 'the review in the history')
      await page.goto('/community/key-persons?review_due=1')
      await expectVisible(page.locator('[data-test="kp-table"]'), 'the overdue list')
      const still = await page.locator('[data-test="kp-table"] [data-test="kp-link"]', { hasText: name }).count()
      if (still) throw new Error(`${name} is still listed as past his review day`)
    }
  }
]
