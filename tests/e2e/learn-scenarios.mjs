// learn-scenarios.mjs — 学法考试 in the browser (issue 18, part 2): an officer starts a practice drawn
// from the 三考题库, answers the first question, hands in and sees the score the server computed,
// with each answer against its key; the practice is listed among the officer's sittings.
import { DEMO_PASSWORD, assert, expectPath, expectVisible, login } from './steps.mjs'

// place of this group in the run (tests/e2e/story-files.mjs)
// the detail pages the a11y walk opens with the first record of a list (a11y-scenarios.mjs)
export const a11yDetails = [
  { list: '/exam-results', page: (id) => `/team/exams/sittings/${id}` }
]

export const groupRank = 100

export const learnScenarios = [
  {
    name: 'an officer takes a practice exam and sees the score',
    async run({ page }) {
      await login(page, 'minjing2', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/team/exams')
      await page.locator('[data-test="practice-start"]').click()
      await expectVisible(page.locator('[data-test="exam-clock"]'), 'the time left of the practice')
      const first = page.locator('[data-test="question-1"]')
      await expectVisible(first, 'the first question')
      await first.locator('.el-radio, .el-checkbox').first().click()
      await page.locator('[data-test="exam-submit"]').click()
      // not every question answered: confirm
      await page.locator('.el-message-box').getByRole('button', { name: '交卷' }).click()
      const score = page.locator('[data-test="exam-score"]')
      await expectVisible(score, 'the score after handing in')
      const text = await score.innerText()
      assert(/得分 \d+ 分（答对 \d+ \/ 10 题/.test(text), `the score line: ${text}`)
      await expectVisible(first.locator('text=正确答案'), 'the key of the first question')
      await page.goto('/team/exams')
      await expectVisible(page.locator('[data-test="exam-results"] .el-table__body', { hasText: '练习' }), 'the practice in my sittings')
    }
  }
]
