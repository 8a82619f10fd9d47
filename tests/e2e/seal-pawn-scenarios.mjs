// seal-pawn-scenarios.mjs — the registers of seal-cutters and pawnshops in the browser (issue 16 gaps):
// a seal order on a phone refused without its approving document (COM-SEAL), then listed; a pawn ticket
// of banned goods reported, which opens a 警情 (COM-PAWN).
import { expectPath, expectVisible, login, DEMO_PASSWORD, assert, validId } from './steps.mjs'

const PHONE = { width: 390, height: 844 }

export const sealPawnScenarios = [
  {
    name: 'an officer records a seal order on a phone: without the approving document it is refused (COM-SEAL), with it listed',
    async run({ page }) {
      await page.setViewportSize(PHONE)
      await login(page, 'minjing1', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/trades/seal-orders')
      await expectPath(page, '/trades/seal-orders')
      await page.locator('[data-test="seal-new"]').click()
      const customer = `测试刻章公司${String(Date.now()).slice(-4)}`
      await page.locator('input[data-test="seal-text"]').fill(customer)
      await page.locator('input[data-test="seal-customer"]').fill(customer)
      await page.locator('input[data-test="seal-organ"]').fill('县市场监督管理局')
      await page.locator('input[data-test="seal-handler"]').fill('测试经办')
      await page.locator('input[data-test="seal-handler-id"]').fill(validId('14010519800101123'))
      await page.locator('[data-test="seal-save"]').click()
      await expectVisible(page.locator('[data-test="rule-alert"]', { hasText: '批准文件' }), 'the COM-SEAL refusal')
      await page.locator('input[data-test="seal-doc"]').fill('营业执照 91140105MA0TEST01')
      await page.locator('[data-test="seal-save"]').click()
      await expectVisible(page.locator('.el-message--success', { hasText: '已登记' }), 'the 已登记 message')
      await expectVisible(page.locator('[data-test="seal-list"] .el-table__body', { hasText: customer }), 'the order in the list')
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      assert(width <= PHONE.width, `the seal page is ${width} px wide on a ${PHONE.width} px screen`)
    }
  },
  {
    name: 'an officer reports a pawn of banned goods: recorded as a report with a 警情 (COM-PAWN)',
    async run({ page }) {
      await page.setViewportSize(PHONE)
      await login(page, 'minjing1', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/trades/pawn-tickets')
      await expectPath(page, '/trades/pawn-tickets')
      await page.locator('[data-test="pawn-new"]').click()
      const ticket = `E2E${String(Date.now()).slice(-6)}`
      await page.locator('input[data-test="pawn-ticket"]').fill(ticket)
      await page.locator('input[data-test="pawn-item"]').fill('他人身份证')
      await page.locator('input[data-test="pawn-origin"]').fill('称捡拾')
      await page.locator('input[data-test="pawn-name"]').fill('测试出质人')
      await page.locator('input[data-test="pawn-id"]').fill(validId('14010519900202123'))
      await page.locator('[data-test="pawn-class"]').click()
      await page.locator('.el-select-dropdown__item:visible', { hasText: '居民身份证等证件' }).first().click()
      await page.locator('[data-test="pawn-save"]').click()
      await expectVisible(page.locator('[data-test="rule-alert"]', { hasText: '不得收当' }), 'the COM-PAWN refusal')
      await page.locator('[data-test="pawn-suspicious"]').click()
      await page.locator('input[data-test="pawn-suspicion"]').fill('出质人持他人身份证')
      await page.locator('[data-test="pawn-save"]').click()
      await expectVisible(page.locator('.el-message--warning', { hasText: '已生成警情' }), 'the report message')
      await expectVisible(page.locator('[data-test="pawn-list"] .el-table__body', { hasText: ticket }), 'the ticket in the list')
    }
  }
]
