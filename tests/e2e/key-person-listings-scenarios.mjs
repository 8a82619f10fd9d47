// key-person-listings-scenarios.mjs — 列管审批 in the browser (COM-ZD-ENLIST): a beat officer asks to
// list a resident of his beat — the answer is a request, he is not yet on 重点人员 — and the station's
// chief, on 列管审批, is refused a rejection without its reason, then approves; the person is then
// under control. The demo (seed_key_person_listings.c) declined 李超 of 东街二区 (minjing1's beat); the
// names of its requests are unique at 城关 (a person search is the station's).
import { DEMO_PASSWORD, assert, expectPath, expectVisible, login, logoutViaMenu, pickOption } from './steps.mjs'

export const groupRank = 160

export const keyPersonListingsScenarios = [
  {
    name: 'an officer asks to list a resident (a request, not yet under control); the chief approves it on 列管审批',
    async run({ page }) {
      const who = '李超'
      await login(page, 'minjing1', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/community/key-persons')
      await page.locator('[data-test="kp-new"]').click()
      const picker = page.locator('.el-dialog [data-test="person-picker"]')
      await picker.click()
      await page.keyboard.type(who)
      const opt = page.locator('.el-select-dropdown__item:visible', { hasText: who }).first()
      await expectVisible(opt, `the option ${who}`)
      await opt.click()
      await page.locator('.el-dialog .el-select:has(input[aria-label="类别"]) .el-select__wrapper').click()
      await pickOption(page, '刑释解教')
      await page.locator('.el-dialog input[aria-label="列管原因"]').fill('刑满释放回原籍，无固定职业')
      await page.locator('[data-test="kp-create"]').click()
      await expectVisible(page.locator('.el-message--success', { hasText: '已提交列管申请' }), 'the 已提交列管申请 message')
      // his own request, waiting (not under control yet); no 审批 for him
      await page.goto('/community/key-person-listings')
      const mine = page.locator('[data-test="kl-table"] .el-table__row', { hasText: who })
      await expectVisible(mine.locator('[data-test="kl-row-status"]', { hasText: '待审批' }), 'his request, pending')
      assert((await page.locator('[data-test="kl-decide"]').count()) === 0, 'an officer is offered 审批')
      await logoutViaMenu(page)

      await login(page, 'suozhang', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.locator('.side-menu .el-menu-item', { hasText: '列管审批' }).click()
      await expectPath(page, '/community/key-person-listings')
      const row = page.locator('[data-test="kl-table"] .el-table__row', { hasText: who })
      await expectVisible(row, `the request for ${who}`)
      await row.locator('[data-test="kl-decide"]').click()
      await page.locator('[data-test="kl-reject"]').click()
      await expectVisible(page.locator('.el-form-item__error', { hasText: '不批准须写明理由' }), 'the reason asked beside the field')
      await page.locator('[data-test="kl-approve"]').click()
      await expectVisible(page.locator('.el-message--success', { hasText: '已批准列管' }), 'the 已批准列管 message')
      // approved: his name now leads to his key-person page
      await page.locator('[data-test="kl-status"] .el-radio-button', { hasText: '已批准列管' }).click()
      const link = page.locator('[data-test="kl-table"] .el-table__row', { hasText: who }).locator('a', { hasText: who })
      await expectVisible(link, `${who} among the approved`)
      await link.click()
      await page.waitForURL(/\/community\/key-persons\/\d+$/)
      await expectVisible(page.getByText(who).first(), `${who}'s key-person page`)
    }
  }
]
