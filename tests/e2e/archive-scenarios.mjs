// archive-scenarios.mjs — issue 15 part B in the browser: the station's legal reviewer (fazhi) scores
// a closed case on the pre-filled checklist of 案件质量考评; the chief approves a loan waiting in the
// archive room, and the archivist (dangan) lends the file and takes it back.
import { WAIT_MS } from './harness.mjs'
import { DEMO_PASSWORD, assert, expectPath, expectVisible, login, logoutViaMenu } from './steps.mjs'

/** Confirm the open ElMessageBox. */
async function confirmBox(page) {
  const box = page.locator('.el-message-box:visible')
  await expectVisible(box, 'the confirmation box')
  await box.getByRole('button', { name: '确定' }).click()
}

/** The row of the loans table holding all of texts. */
function loanRow(page, ...texts) {
  let row = page.locator('[data-test="archive-loans"] tbody tr')
  for (const t of texts) row = row.filter({ hasText: t })
  return row.first()
}

// place of this group in the run (tests/e2e/story-files.mjs)
export const groupRank = 70

export const archiveScenarios = [
  {
    name: 'a legal reviewer scores a closed case on the pre-filled checklist',
    async run({ page }) {
      await login(page, 'fazhi', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.locator('.side-menu .el-menu-item', { hasText: '案件质量考评' }).click()
      await expectPath(page, '/case-reviews')
      await page.locator('[data-test="review-case"]').click()
      const option = page.locator('.el-select-dropdown__item:visible').first()
      await expectVisible(option, 'a closed case to score')
      const label = (await option.innerText()).trim()
      const caseNo = label.split(/\s+/)[0]
      await option.click()
      await expectVisible(page.locator('[data-test="review-items"] tbody tr'), 'the checklist')
      const rows = await page.locator('[data-test="review-items"] tbody tr').count()
      assert(rows === 8, `the checklist of the setting has 8 items, the page shows ${rows}`)
      const score = (await page.locator('[data-test="review-score"]').innerText()).trim()
      assert(/得分：\d+ \/ 100/.test(score), `the score line reads ${score}`)
      await page.locator('[data-test="review-save"]').click()
      await expectVisible(page.locator('.el-message--success', { hasText: '考评已提交' }), 'the 考评已提交 message')
      await expectVisible(page.locator('[data-test="reviews-table"] tbody tr', { hasText: caseNo }), `case ${caseNo} in the results`)
      await logoutViaMenu(page)
    }
  },
  {
    name: 'the chief approves a loan; the archivist lends the file and takes it back',
    async run({ page }) {
      await login(page, 'suozhang', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/archives?tab=loans')
      const approve = page.locator('[data-test="loan-approve"]').first()
      await expectVisible(approve, 'a loan waiting for approval')
      const row = page.locator('[data-test="archive-loans"] tbody tr').filter({ has: page.locator('[data-test="loan-approve"]') }).first()
      const cells = row.locator('td')
      const fileNo = (await cells.nth(0).innerText()).trim()
      const borrower = (await cells.nth(1).innerText()).trim()
      await approve.click()
      await confirmBox(page)
      await expectVisible(loanRow(page, fileNo, borrower, '已批准'), 'the approved loan')
      await logoutViaMenu(page)

      await login(page, 'dangan', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.locator('.side-menu .el-menu-item', { hasText: '档案室' }).click()
      await expectPath(page, '/archives')
      await page.locator('[data-test="archive-tabs"] .el-tabs__item', { hasText: '借阅' }).click()
      await loanRow(page, fileNo, borrower, '已批准').locator('[data-test="loan-lend"]').click()
      await confirmBox(page)
      const lent = loanRow(page, fileNo, borrower, '已借出')
      await expectVisible(lent, 'the lent loan')
      await lent.locator('[data-test="loan-return"]').click()
      await confirmBox(page)
      await expectVisible(loanRow(page, fileNo, borrower, '已归还'), 'the returned loan')
      // the file is back in the room
      await page.locator('[data-test="archive-tabs"] .el-tabs__item', { hasText: '在库档案' }).click()
      const fileRow = page.locator('[data-test="archive-files"] tbody tr', { hasText: fileNo }).first()
      await expectVisible(fileRow, `file ${fileNo}`)
      await page.waitForFunction(
        (no) => [...document.querySelectorAll('[data-test="archive-files"] tbody tr')].some((tr) => tr.textContent.includes(no) && tr.textContent.includes('在库')),
        fileNo,
        { timeout: WAIT_MS }
      )
      await logoutViaMenu(page)
    }
  }
]
