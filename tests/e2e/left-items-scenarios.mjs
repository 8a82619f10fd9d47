// left-items-scenarios.mjs — a hotel's left property in the browser (COM-HOTEL-LEFT, COM-FOUND-STATE):
// on a phone the auxiliary records a bag left at 城关宾馆 — refused without its keeper, then listed;
// the officer opens the due items (the today page's link), takes the charger 悦来客栈 kept past its
// 3 months against a numbered receipt, and is refused handing the camera the station took 200 days
// ago to the state before its year.
import { expectPath, expectVisible, login, DEMO_PASSWORD, assert } from './steps.mjs'

const PHONE = { width: 390, height: 844 }

export const leftItemsScenarios = [
  {
    name: 'an auxiliary records a left bag on a phone: refused without a keeper (COM-HOTEL-LEFT), then listed',
    async run({ page }) {
      await page.setViewportSize(PHONE)
      await login(page, 'fujing', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/trades/left-items')
      await expectPath(page, '/trades/left-items')
      await page.locator('[data-test="left-new"]').click()
      const what = `测试雨伞一把${String(Date.now()).slice(-4)}`
      await page.locator('input[data-test="left-description"]').fill(what)
      await page.locator('[data-test="left-save"]').click()
      await expectVisible(page.locator('[data-test="rule-alert"]', { hasText: '保管人' }), 'the COM-HOTEL-LEFT refusal')
      await page.locator('input[data-test="left-keeper"]').fill('前台 测试')
      await page.locator('[data-test="left-save"]').click()
      await expectVisible(page.locator('.el-message--success', { hasText: '已登记' }), 'the 已登记 message')
      await expectVisible(page.locator('[data-test="left-list"]', { hasText: what }), 'the item in the list')
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      assert(width <= PHONE.width, `the left-items page is ${width} px wide on a ${PHONE.width} px screen`)
    }
  },
  {
    name: 'the officer takes the item kept past its 3 months against a receipt; the state must wait a year (COM-FOUND-STATE)',
    async run({ page }) {
      await login(page, 'minjing1', DEMO_PASSWORD)
      await expectPath(page, '/')
      await page.goto('/trades/left-items?due=1')
      await expectPath(page, '/trades/left-items')
      const row = page.locator('[data-test="left-list"] .el-table__row', { hasText: '充电宝' })
      await expectVisible(row, 'the charger kept past its 3 months')
      await row.locator('[data-test="left-receive"]').click()
      await page.locator('[data-test="left-step-save"]').click()
      await expectVisible(page.locator('.el-message--success', { hasText: '拾物收据〔' }), 'the receipt number')
      await page.goto('/trades/left-items?view=handed')
      const camera = page.locator('[data-test="left-list"] .el-table__row', { hasText: '数码相机' })
      await expectVisible(camera, 'the camera the station holds')
      await camera.locator('[data-test="left-state"]').click()
      await page.locator('input[aria-label="上缴去向"]').fill('上缴县财政')
      await page.locator('[data-test="left-step-save"]').click()
      await expectVisible(page.locator('[data-test="rule-alert"]', { hasText: '一年' }), 'the COM-FOUND-STATE refusal')
    }
  }
]
